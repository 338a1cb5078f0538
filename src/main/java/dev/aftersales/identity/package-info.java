/**
 * Identity: accounts and roles (buyer, seller, agent, admin), a seller's shop membership, buyers' phones and
 * delivery addresses, login throttling, and the API clients of the integration API.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "shared :: *", "catalog" })
package dev.aftersales.identity;

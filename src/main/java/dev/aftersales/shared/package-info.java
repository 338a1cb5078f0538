/**
 * Shared kernel: value types (money), the signed-in user as every module sees it, not-found signalling and the
 * demo data hook. Open to every module; it depends on none of them.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package dev.aftersales.shared;

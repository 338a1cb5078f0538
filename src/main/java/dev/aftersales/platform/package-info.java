/**
 * Platform: what every page and request shares. Security configuration, the layout, language switching, error
 * pages, request ids, the embedded database, the demo data and the large-data generator. It may use every other
 * module; no module depends on it.
 */
@org.springframework.modulith.ApplicationModule
package dev.aftersales.platform;

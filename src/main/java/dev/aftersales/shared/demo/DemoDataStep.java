package dev.aftersales.shared.demo;

/**
 * One module's part of the demo data. The platform runs every step once, in {@link #order()}, on the first start
 * of a demo database, and records that it ran; a later start never loads it again.
 */
public interface DemoDataStep {

    /** Lower runs first: identity and catalog before orders, orders before shipments, shipments before claims. */
    int order();

    /** A stable name, recorded when the step has run. */
    String name();

    void load();
}

package dev.aftersales.ordering;

import java.util.Collection;

/** Lets another module resolve an agent's search text to orders (a tracking number, a claim number). */
public interface OrderLookup {

    Collection<Long> orderIdsMatching(String query);
}

package dev.aftersales.claims;

import java.util.Comparator;
import java.util.List;

/**
 * Several incidents recorded in one transaction (a chunk of late orders): one event for all of them. A listener of
 * {@link ShopIncidentRecorded} must also listen to this event and treat each incident as if it had come alone.
 *
 * @param incidents the incidents, in the order they were recorded
 */
public record ShopIncidentsRecorded(List<ShopIncidentRecorded> incidents) {

    public ShopIncidentsRecorded {
        incidents = List.copyOf(incidents);
    }

    /** The incidents ordered by shop (see {@link ClaimsTransitioned#byShop()}). */
    public List<ShopIncidentRecorded> byShop() {
        return incidents.stream().sorted(Comparator.comparingLong(ShopIncidentRecorded::shopId)).toList();
    }
}

package dev.aftersales.claims;

import java.util.ArrayList;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;

/**
 * The events of a chunk of system moves, held until the chunk is done and then published together: the claims' moves
 * as one {@link ClaimsTransitioned}, the shops' incidents as one {@link ShopIncidentsRecorded}, anything else as it
 * came. Publishing inside the chunk's transaction keeps the guarantee of a single move: the events are stored in the
 * event publication registry with the chunk and delivered after it commits, or not at all.
 */
final class HeldEvents {

    private final List<ClaimTransitioned> moves = new ArrayList<>();
    private final List<ShopIncidentRecorded> incidents = new ArrayList<>();
    private final List<Object> others = new ArrayList<>();

    void hold(Object event) {
        if (event instanceof ClaimTransitioned move) {
            moves.add(move);
        } else if (event instanceof ShopIncidentRecorded incident) {
            incidents.add(incident);
        } else {
            others.add(event);
        }
    }

    void publish(ApplicationEventPublisher publisher) {
        others.forEach(publisher::publishEvent);
        if (!moves.isEmpty()) {
            publisher.publishEvent(new ClaimsTransitioned(moves));
        }
        if (!incidents.isEmpty()) {
            publisher.publishEvent(new ShopIncidentsRecorded(incidents));
        }
        others.clear();
        moves.clear();
        incidents.clear();
    }
}

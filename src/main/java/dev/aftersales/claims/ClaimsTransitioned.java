package dev.aftersales.claims;

import java.util.Comparator;
import java.util.List;

/**
 * Several claims moved in one transaction (the ship-by watcher opening a chunk of NO_TRACKING cases): one event for
 * all of them, so each listener runs once per chunk, in one transaction, instead of once per claim. A listener of
 * {@link ClaimTransitioned} must also listen to this event and treat each move as if it had come alone.
 *
 * @param moves the moves, in the order they happened
 */
public record ClaimsTransitioned(List<ClaimTransitioned> moves) {

    public ClaimsTransitioned {
        moves = List.copyOf(moves);
    }

    /**
     * The moves ordered by shop (in the order they happened within a shop): a listener that locks per shop takes its
     * locks in one order, so two chunks handled at once cannot deadlock.
     */
    public List<ClaimTransitioned> byShop() {
        return moves.stream().sorted(Comparator.comparingLong(ClaimTransitioned::shopId)).toList();
    }
}

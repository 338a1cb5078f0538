package dev.aftersales.risk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.aftersales.catalog.CatalogManagement;
import dev.aftersales.catalog.Shop;
import dev.aftersales.claims.ClaimFacts;
import dev.aftersales.identity.AccountManagement;
import dev.aftersales.identity.UserAccount;
import dev.aftersales.ordering.OrderFeed;
import dev.aftersales.risk.internal.BuyerScores;
import dev.aftersales.risk.internal.ReturnAbuseScore;
import dev.aftersales.risk.internal.RiskReadModel;
import dev.aftersales.risk.internal.RiskSettings;
import dev.aftersales.risk.internal.RiskSettingsStore;
import dev.aftersales.risk.internal.ScorecardCache;
import dev.aftersales.risk.internal.Scorecards;

/**
 * Buyer return-abuse scores, shop scorecards and supervision, from the risk module's read models. Scores are
 * recomputed on every event about the buyer (and stored for the watchlist); a page always computes the score it
 * shows from the current facts, so it lists the signals that make it up.
 */
@Service
public class RiskManagement {

    /** How far back {@link #rebuild()} reads orders and claims. */
    static final Duration REBUILD_WINDOW = Duration.ofDays(365);

    private final RiskReadModel model;
    private final RiskSettingsStore settings;
    private final BuyerScores scores;
    private final AccountManagement accounts;
    private final CatalogManagement catalog;
    private final ClaimFacts claimFacts;
    private final OrderFeed orderFeed;
    private final Clock clock;
    private final ScorecardCache cards;

    RiskManagement(RiskReadModel model, RiskSettingsStore settings, BuyerScores scores, AccountManagement accounts,
            CatalogManagement catalog, ClaimFacts claimFacts, OrderFeed orderFeed, Clock clock,
            ScorecardCache cards) {
        this.cards = cards;
        this.model = model;
        this.settings = settings;
        this.scores = scores;
        this.accounts = accounts;
        this.catalog = catalog;
        this.claimFacts = claimFacts;
        this.orderFeed = orderFeed;
        this.clock = clock;
    }

    // ------------------------------------------------------------------------------------------ buyers

    /** The buyer's score now, with its signals and linked accounts. */
    @Transactional(readOnly = true)
    public BuyerRisk buyerRisk(long buyerId) {
        return compute(buyerId, null, clock.instant());
    }

    /** What the score means for the buyer's claims now. */
    @Transactional(readOnly = true)
    public BuyerRisk.Verdict verdict(long buyerId) {
        return buyerRisk(buyerId).verdict();
    }

    private BuyerRisk compute(long buyerId, Long excludingClaimId, Instant now) {
        return scores.compute(buyerId, excludingClaimId, now);
    }

    /** The score from which a buyer is "review". */
    public int reviewThreshold() {
        return settings.current().reviewScore();
    }

    /**
     * Recomputes and stores the buyer's score (after each event about them), and the scores of the accounts linked to
     * them: a new shared phone or address changes both sides' linked-account signal, so the stored scores (the
     * queue, the watchlist) agree with the live one (the workspace).
     */
    @Transactional
    public BuyerRisk recompute(long buyerId) {
        Instant now = clock.instant();
        BuyerRisk risk = compute(buyerId, null, now);
        java.util.SortedMap<Long, BuyerRisk> toStore = new java.util.TreeMap<>();
        toStore.put(buyerId, risk);
        risk.links().stream().map(BuyerRisk.LinkedAccount::accountId).distinct()
                .filter(linked -> linked != buyerId)
                .forEach(linked -> toStore.put(linked, compute(linked, null, now)));
        // rows are written in ascending buyer id, so two listeners recomputing linked buyers at once wait for each
        // other instead of deadlocking
        toStore.values().forEach(model::saveScore);
        return risk;
    }

    /** One row of the abuse watchlist. */
    public record WatchRow(long buyerId, String username, String displayName, int score, BuyerRisk.Verdict verdict,
            Instant computedAt) {
    }

    /** Buyers whose last score is at least "watch", highest first. */
    @Transactional(readOnly = true)
    public List<WatchRow> watchlist() {
        RiskSettings s = settings.current();
        List<RiskReadModel.Watched> rows = model.watched(s.watchScore(), 200);
        Map<Long, UserAccount> names = accounts.accountsById(rows.stream().map(RiskReadModel.Watched::buyerId)
                .toList());
        return rows.stream().map(r -> {
            UserAccount a = names.get(r.buyerId());
            return new WatchRow(r.buyerId(), a == null ? "#" + r.buyerId() : a.username(),
                    a == null ? "#" + r.buyerId() : a.displayName(), r.score(),
                    ReturnAbuseScore.verdict(r.score(), s), r.computedAt());
        }).toList();
    }

    // ------------------------------------------------------------------------------------------ shops

    /** The shop's scorecard over 30 and 90 days, and whether it is under supervision. */
    @Transactional(readOnly = true)
    public ShopScorecard scorecard(long shopId) {
        Shop shop = catalog.shop(shopId);
        return scorecard(shopId, shop.name(), clock.instant());
    }

    private ShopScorecard scorecard(long shopId, String name, Instant now) {
        RiskSettings s = settings.current();
        Optional<ShopScorecard> kept = cards.get(shopId, s);
        if (kept.isPresent()) {
            return kept.get();
        }
        Scorecards.Tally[] tallies = model.scorecardTallies(List.of(shopId), now).get(shopId);
        ShopScorecard card = Scorecards.compute(shopId, name, tallies[0], tallies[1], s);
        cards.put(shopId, card, s, now);
        return card;
    }

    /** The shops under supervision now, with their reasons. */
    @Transactional(readOnly = true)
    public List<ShopScorecard> supervision() {
        List<Long> shopIds = model.shopsActiveSince(clock.instant().minus(Duration.ofDays(90)));
        List<ShopScorecard> supervised = new ArrayList<>(scorecards(shopIds).values().stream()
                .filter(ShopScorecard::supervised).toList());
        supervised.sort(java.util.Comparator.comparingInt((ShopScorecard c) -> -c.reasons().size())
                .thenComparingLong(ShopScorecard::shopId));
        return supervised;
    }

    // ------------------------------------------------------------------------------------------ read model

    /** Refreshes the copy of one claim from the claims module and recomputes its buyer's score. */
    @Transactional
    public void refreshClaim(long claimId) {
        claimFacts.of(claimId).ifPresent(fact -> {
            model.upsertClaim(fact);
            recompute(fact.buyerId());
        });
    }

    /** Refreshes the copy of one order from the ordering module and recomputes its buyer's score. */
    @Transactional
    public void refreshOrder(long orderId) {
        orderFeed.of(orderId).ifPresent(order -> {
            model.upsertOrder(order);
            recompute(order.buyerId());
        });
    }

    /**
     * Reads every order and claim of the last year again from their modules and recomputes every buyer's score:
     * for data loaded without events (the demo data, a restored backup) and after a change of the scoring rule.
     *
     * @return the number of buyers scored
     */
    @Transactional
    public int rebuild() {
        Instant since = clock.instant().minus(REBUILD_WINDOW);
        model.lockAllSources();
        orderFeed.paidSince(since).forEach(model::upsertOrder);
        claimFacts.filedSince(since).forEach(model::upsertClaim);
        List<Long> buyers = model.buyersWithActivity();
        buyers.forEach(this::recompute);
        return buyers.size();
    }
    // ------------------------------------------------------------------------------------------ batch (agent queue)

    /** A buyer's last stored score and what it means, for lists (the agent queue). */
    public record StoredScore(long buyerId, int score, BuyerRisk.Verdict verdict) {
    }

    /** The last stored scores of these buyers, in one query; buyers never scored are left out. */
    @Transactional(readOnly = true)
    public Map<Long, StoredScore> storedScores(java.util.Collection<Long> buyerIds) {
        RiskSettings s = settings.current();
        Map<Long, StoredScore> out = new java.util.HashMap<>();
        model.storedScores(buyerIds).forEach((id, score) -> out.put(id, new StoredScore(id, score,
                ReturnAbuseScore.verdict(score, s))));
        return out;
    }

    /** The scorecards of these shops, in a fixed number of queries however many shops. */
    @Transactional(readOnly = true)
    public Map<Long, ShopScorecard> scorecards(java.util.Collection<Long> shopIds) {
        if (shopIds.isEmpty()) {
            return Map.of();
        }
        Instant now = clock.instant();
        RiskSettings s = settings.current();
        Map<Long, ShopScorecard> out = new java.util.HashMap<>();
        List<Long> missing = new ArrayList<>();
        for (Long id : shopIds) {
            cards.get(id, s).ifPresentOrElse(card -> out.put(id, card), () -> missing.add(id));
        }
        if (missing.isEmpty()) {
            return out;
        }
        shopIds = missing;
        Map<Long, Shop> shops = catalog.shopsById(shopIds);
        Map<Long, Scorecards.Tally[]> tallies = model.scorecardTallies(shopIds, now);
        for (Long id : shopIds) {
            Shop shop = shops.get(id);
            Scorecards.Tally[] t = tallies.get(id);
            ShopScorecard card = Scorecards.compute(id, shop == null ? "#" + id : shop.name(), t[0], t[1], s);
            cards.put(id, card, s, now);
            out.put(id, card);
        }
        return out;
    }
    /** The shops under supervision now, like {@link #supervision()}, in a fixed number of queries (the dashboard). */
    @Transactional(readOnly = true)
    public List<ShopScorecard> supervisionInBatch() {
        List<Long> shopIds = model.shopsActiveSince(clock.instant().minus(Duration.ofDays(90)));
        List<ShopScorecard> supervised = new ArrayList<>(scorecards(shopIds).values().stream()
                .filter(ShopScorecard::supervised).toList());
        supervised.sort(java.util.Comparator.comparingInt((ShopScorecard c) -> -c.reasons().size())
                .thenComparingLong(ShopScorecard::shopId));
        return supervised;
    }
}

package dev.aftersales.risk.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.aftersales.claims.Claim;
import dev.aftersales.claims.ClaimManagement;
import dev.aftersales.shared.CurrentUser;
import dev.aftersales.shared.NotFound;
import dev.aftersales.shared.Refusal;

/**
 * After a claim ended, its buyer rates how it was handled, once: 1–5 stars and an optional comment. Agents see the
 * rating; the shop's scorecard averages them.
 */
@Service
public class Ratings {

    static final int MAX_COMMENT = 1000;

    private final ClaimManagement claims;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    private final RiskReadModel model;

    Ratings(ClaimManagement claims, JdbcTemplate jdbc, Clock clock, RiskReadModel model) {
        this.model = model;
        this.claims = claims;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A rating as pages show it. */
    public record RatingView(long claimId, int stars, String comment, Instant ratedAt) {
    }

    /** A rating refused, with the field and the reason's message key. */
    public static class RatingRejected extends RuntimeException implements Refusal {

        private final String field;
        private final String messageKey;

        public RatingRejected(String field, String messageKey) {
            super(messageKey);
            this.field = field;
            this.messageKey = messageKey;
        }

        public String field() {
            return field;
        }

        public String messageKey() {
            return messageKey;
        }
    }

    @Transactional(readOnly = true)
    public Optional<RatingView> of(long claimId) {
        return jdbc.query("select claim_id, stars, comment, rated_at from claim_ratings where claim_id = ?",
                (rs, i) -> new RatingView(rs.getLong(1), rs.getInt(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant()),
                claimId).stream().findFirst();
    }

    /**
     * The claim's buyer rates it. Someone else's claim is not found; an open claim, a second rating, stars outside
     * 1–5 or a too long comment are refused.
     */
    @Transactional
    public void rate(long claimId, CurrentUser buyer, Integer stars, String comment) {
        Claim claim = claims.claim(claimId, buyer);
        if (!buyer.isBuyer(claim.buyerId())) {
            throw new NotFound("Claim", claimId);
        }
        if (claim.status().isOpen()) {
            throw new RatingRejected(null, "risk.rating.error.open");
        }
        if (stars == null || stars < 1 || stars > 5) {
            throw new RatingRejected("stars", "risk.rating.error.stars");
        }
        String text = comment == null || comment.isBlank() ? null : comment.strip();
        if (text != null && text.length() > MAX_COMMENT) {
            throw new RatingRejected("comment", "risk.rating.error.comment");
        }
        if (!model.recordRating(claimId, claim.buyerId(), claim.shopId(), stars, text, clock.instant())) {
            throw new RatingRejected(null, "risk.rating.error.already");
        }
    }
}

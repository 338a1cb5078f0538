package dev.aftersales.risk.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.aftersales.claims.ClaimStatus;
import dev.aftersales.claims.DueTimeExtension;
import dev.aftersales.claims.Party;
import dev.aftersales.ordering.ShipByExtension;
import dev.aftersales.shared.MessageArgs;
import dev.aftersales.shared.NoticeRequested;
import dev.aftersales.shared.SettingsStore;

/**
 * Holiday extension: an admin gives every running due time of one kind (claims in a status or whose move it is,
 * or orders' ship-by) that falls in a date range N more hours. Applied exactly once per extension id (the form
 * carries one; a second submission, a double click or a second admin's identical form find it applied), in one
 * transaction; each claim gets a timeline entry, and the buyer and the shop of every claim or order are told.
 */
@Service
public class HolidayExtensions {

    static final int MAX_HOURS = 24 * 30;
    static final Duration MAX_RANGE = Duration.ofDays(366);

    private final DueTimeExtension claimDueTimes;
    private final ShipByExtension shipByTimes;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    HolidayExtensions(DueTimeExtension claimDueTimes, ShipByExtension shipByTimes, JdbcTemplate jdbc,
            ApplicationEventPublisher events, Clock clock) {
        this.claimDueTimes = claimDueTimes;
        this.shipByTimes = shipByTimes;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** Which due times an extension moves. */
    public enum Target {
        /** claims' due times (optionally of one status, or of one party's move) */
        CLAIMS,
        /** unshipped orders' ship-by times */
        SHIP_BY
    }

    /**
     * @param id     the extension's id (from the form, so that submitting it twice applies it once)
     * @param status for CLAIMS: only claims in this status, or all open ones when {@code null}
     * @param party  for CLAIMS: only claims whose move is this party's, or anyone's when {@code null}
     * @param from   due times at or after this instant ...
     * @param to     ... and before this one are extended
     */
    public record Request(String id, Target target, ClaimStatus status, Party party, int hours, Instant from,
            Instant to, String reason) {
    }

    /** What an extension did. */
    public record Result(String id, int extended, boolean alreadyApplied) {
    }

    /** One applied extension, for the admin page. */
    public record Applied(String id, Target target, ClaimStatus status, Party party, int hours, Instant from,
            Instant to, String reason, String appliedBy, Instant appliedAt, int extended) {
    }

    /**
     * Applies the extension once.
     *
     * @throws SettingsStore.Rejected for an invalid request (the field is named)
     */
    @Transactional
    public Result apply(Request r, String adminName) {
        validate(r);
        Instant now = clock.instant();
        int inserted = jdbc.update("""
                insert into holiday_extensions (id, target, claim_status, party, hours, due_from, due_to, reason,
                                                applied_by, applied_at, extended_count)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0) on conflict (id) do nothing""",
                r.id(), r.target().name(), r.status() == null ? null : r.status().name(),
                r.party() == null ? null : r.party().name(), r.hours(), Timestamp.from(r.from()),
                Timestamp.from(r.to()), r.reason().strip(), adminName, Timestamp.from(now));
        if (inserted == 0) {
            Integer count = jdbc.queryForObject("select extended_count from holiday_extensions where id = ?",
                    Integer.class, r.id());
            return new Result(r.id(), count == null ? 0 : count, true);
        }
        Duration by = Duration.ofHours(r.hours());
        int extended;
        if (r.target() == Target.CLAIMS) {
            List<DueTimeExtension.Extended> claims = claimDueTimes.extend(r.id(), r.status(), r.party(), by,
                    r.from(), r.to(), now);
            for (DueTimeExtension.Extended c : claims) {
                events.publishEvent(new NoticeRequested("holiday-extension:" + r.id() + ":claim:" + c.claimId(),
                        c.buyerId(), c.shopId(), "risk.notice.claimExtended",
                        List.of(c.claimNumber(), MessageArgs.duration(by), MessageArgs.instant(c.newDue()),
                                r.reason().strip()),
                        "/buyer/claims/" + c.claimId(), "/seller/claims/" + c.claimId(), now));
            }
            extended = claims.size();
        } else {
            List<ShipByExtension.Extended> orders = shipByTimes.extend(r.id(), by, r.from(), r.to(), now);
            for (ShipByExtension.Extended o : orders) {
                events.publishEvent(new NoticeRequested("holiday-extension:" + r.id() + ":order:" + o.orderId(),
                        o.buyerId(), o.shopId(), "risk.notice.shipByExtended",
                        List.of(o.orderNumber(), MessageArgs.duration(by), MessageArgs.instant(o.newShipBy()),
                                r.reason().strip()),
                        "/buyer/orders/" + o.orderId(), "/seller/orders/" + o.orderId(), now));
            }
            extended = orders.size();
        }
        jdbc.update("update holiday_extensions set extended_count = ? where id = ?", extended, r.id());
        return new Result(r.id(), extended, false);
    }

    private static void validate(Request r) {
        if (r.id() == null || r.id().isBlank() || r.id().length() > 64) {
            throw new SettingsStore.Rejected("id", "risk.extension.error.id");
        }
        if (r.target() == null) {
            throw new SettingsStore.Rejected("target", "risk.extension.error.target");
        }
        if (r.hours() < 1 || r.hours() > MAX_HOURS) {
            throw new SettingsStore.Rejected("hours", "risk.extension.error.hours", 1, MAX_HOURS);
        }
        if (r.from() == null) {
            throw new SettingsStore.Rejected("from", "risk.extension.error.date");
        }
        if (r.to() == null) {
            throw new SettingsStore.Rejected("to", "risk.extension.error.date");
        }
        if (!r.to().isAfter(r.from()) || Duration.between(r.from(), r.to()).compareTo(MAX_RANGE) > 0) {
            throw new SettingsStore.Rejected("to", "risk.extension.error.range");
        }
        if (r.reason() == null || r.reason().isBlank() || r.reason().length() > 500) {
            throw new SettingsStore.Rejected("reason", "risk.extension.error.reason");
        }
        if (r.target() == Target.SHIP_BY && (r.status() != null || r.party() != null)) {
            throw new SettingsStore.Rejected("status", "risk.extension.error.shipByFilter");
        }
        if (r.status() != null && !r.status().isOpen()) {
            throw new SettingsStore.Rejected("status", "risk.extension.error.status");
        }
    }

    @Transactional(readOnly = true)
    public List<Applied> applied(int limit) {
        List<Applied> rows = new ArrayList<>();
        jdbc.query("""
                select id, target, claim_status, party, hours, due_from, due_to, reason, applied_by, applied_at,
                       extended_count
                from holiday_extensions order by applied_at desc limit ?""", rs -> {
            String status = rs.getString(3);
            String party = rs.getString(4);
            rows.add(new Applied(rs.getString(1), Target.valueOf(rs.getString(2)),
                    status == null ? null : ClaimStatus.valueOf(status), party == null ? null : Party.valueOf(party),
                    rs.getInt(5), rs.getTimestamp(6).toInstant(), rs.getTimestamp(7).toInstant(), rs.getString(8),
                    rs.getString(9), rs.getTimestamp(10).toInstant(), rs.getInt(11)));
        }, limit);
        return rows;
    }
}

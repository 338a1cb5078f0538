package dev.aftersales.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The money rules every race must leave intact, computed straight from the ledger's tables (payments' movements and
 * movement lines, the provider's transfers), not through the code under test:
 * <ul>
 * <li>refunds of an order line never exceed what was paid for it, in money and in units;</li>
 * <li>refunds of an order (net of reversals) never exceed what was paid;</li>
 * <li>the payment account agrees with its movements;</li>
 * <li>every movement was executed by the provider exactly once, for its amount, and none is left pending.</li>
 * </ul>
 */
@Component
public class LedgerInvariants {

    private final JdbcTemplate jdbc;

    LedgerInvariants(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Asserts every rule for the order and returns what the ledger holds, for the race's own assertions. */
    public Ledger assertHold(long orderId) {
        Ledger ledger = of(orderId);
        for (LineTotal line : ledger.lines().values()) {
            assertThat(line.refundedMinor()).as("refunds of order line %d (paid %d fen)", line.lineId(),
                    line.paidMinor()).isLessThanOrEqualTo(line.paidMinor());
            assertThat(line.refundedUnits()).as("units refunded on order line %d (quantity %d)", line.lineId(),
                    line.quantity()).isLessThanOrEqualTo(line.quantity());
        }
        assertThat(ledger.netRefundedMinor()).as("refunds of order %d net of reversals", orderId)
                .isLessThanOrEqualTo(ledger.paidMinor());
        Long account = jdbc.query("select refunded_minor from payment_accounts where order_id = ?",
                rs -> rs.next() ? rs.getLong(1) : null, orderId);
        if (account != null) {
            assertThat(account).as("the payment account of order %d agrees with its movements", orderId)
                    .isEqualTo(ledger.netRefundedMinor());
        }
        assertThat(jdbc.queryForObject("select count(*) from payment_movements where order_id = ? and status <> "
                + "'SUCCEEDED'", Long.class, orderId)).as("movements of order %d left unpaid", orderId).isZero();
        assertThat(jdbc.queryForObject("""
                select count(*) from payment_movements m
                where m.order_id = ? and (select count(*) from provider_transfers t
                                          where t.idempotency_key = m.idempotency_key
                                            and abs(t.amount_minor) = m.amount_minor) <> 1""", Long.class, orderId))
                .as("movements of order %d not executed exactly once for their amount", orderId).isZero();
        return ledger;
    }

    /**
     * Asserts that no unit of the order is in two claims: per line, the units of every claim that did not end
     * withdrawn or with a substitute (NO_TRACKING cases name the order's units without claiming them) add up to at
     * most the line's quantity.
     */
    public void assertUnitsClaimedAtMostOnce(long orderId) {
        jdbc.query("""
                select ol.id, ol.quantity,
                       coalesce((select sum(cl.quantity) from claim_lines cl join claims c on c.id = cl.claim_id
                                 where cl.order_line_id = ol.id and c.status <> 'WITHDRAWN' and c.type <> 'NO_TRACKING'
                                   and coalesce(c.outcome, '') <> 'SUBSTITUTED'), 0)
                from order_lines ol where ol.order_id = ?""", rs -> {
            assertThat(rs.getInt(3)).as("units of order line %d in claims (quantity %d)", rs.getLong(1), rs.getInt(2))
                    .isLessThanOrEqualTo(rs.getInt(2));
        }, orderId);
    }

    /** What the ledger holds for the order. */
    public Ledger of(long orderId) {
        long paid = jdbc.queryForObject("select paid_minor from orders where id = ?", Long.class, orderId);
        Map<Long, LineTotal> lines = new LinkedHashMap<>();
        jdbc.query("""
                select ol.id, ol.quantity, ol.paid_minor,
                       coalesce((select sum(ml.amount_minor) from payment_movement_lines ml
                                 join payment_movements m on m.id = ml.movement_id
                                 where ml.order_line_id = ol.id and m.kind = 'REFUND'), 0),
                       coalesce((select sum(ml.quantity) from payment_movement_lines ml
                                 join payment_movements m on m.id = ml.movement_id
                                 where ml.order_line_id = ol.id and m.kind = 'REFUND'), 0)
                from order_lines ol where ol.order_id = ? order by ol.line_no""",
                rs -> {
                    lines.put(rs.getLong(1), new LineTotal(rs.getLong(1), rs.getInt(2), rs.getLong(3), rs.getLong(4),
                            rs.getInt(5)));
                }, orderId);
        List<Movement> movements = jdbc.query("""
                select id, claim_id, kind, reason, amount_minor, status from payment_movements
                where order_id = ? order by id""",
                (rs, i) -> new Movement(rs.getLong(1), (Long) rs.getObject(2), rs.getString(3), rs.getString(4),
                        rs.getLong(5), rs.getString(6)), orderId);
        return new Ledger(orderId, paid, lines, movements);
    }

    /** An order's money as the ledger's tables hold it. */
    public record Ledger(long orderId, long paidMinor, Map<Long, LineTotal> lines, List<Movement> movements) {

        public long sum(String kind) {
            return movements.stream().filter(m -> m.kind().equals(kind)).mapToLong(Movement::amountMinor).sum();
        }

        public long netRefundedMinor() {
            return sum("REFUND") - sum("REVERSAL");
        }

        public long count(String kind, String reason) {
            return movements.stream().filter(m -> m.kind().equals(kind) && m.reason().equals(reason)).count();
        }

        public List<Movement> ofClaim(long claimId) {
            return movements.stream().filter(m -> m.claimId() != null && m.claimId() == claimId).toList();
        }

        public LineTotal line(long lineId) {
            return lines.get(lineId);
        }
    }

    /** One order line: what was paid for it and what its refunds add up to. */
    public record LineTotal(long lineId, int quantity, long paidMinor, long refundedMinor, int refundedUnits) {
    }

    /** One ledger entry. */
    public record Movement(long id, Long claimId, String kind, String reason, long amountMinor, String status) {
    }
}

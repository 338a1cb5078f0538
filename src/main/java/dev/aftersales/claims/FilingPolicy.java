package dev.aftersales.claims;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import dev.aftersales.claims.internal.ClaimRepository;
import dev.aftersales.ordering.OrderDetails;
import dev.aftersales.shared.Money;
import dev.aftersales.shared.NotFound;

/**
 * Every rule a buyer's filing must pass, in the order they are checked, as one chain (docs/rules.md#filing-rules).
 * {@link EligibilityPolicy} says whether a type is open for the order now; this chain checks the filing itself
 * against it and against the order's lines and money. Each rule has a name; a refused filing carries the name of
 * the rule that refused it ({@link ClaimNotAllowed#rule()}, {@link DuplicateClaim#rule()}).
 *
 * <p>
 * Four kinds of rules, checked in this order: rules of the whole filing, rules of each claimed line (line by line,
 * every line rule on a line before the next line), rules of the claimed lines together, and rules of the amount
 * asked for. The chain computes the draft's lines and the requested amount on the way.
 */
final class FilingPolicy {

    static final String TYPE_FILED_BY_BUYER = "type-filed-by-buyer";
    static final String TYPE_AVAILABLE = "type-available";
    static final String REASON_ALLOWED = "reason-allowed";
    static final String REMEDY_ALLOWED = "remedy-allowed";
    static final String DESCRIPTION_LENGTH = "description-length";
    static final String ONE_OPEN_CLAIM_PER_LINE = "one-open-claim-per-line";
    static final String UNITS_CLAIMABLE = "units-claimable";
    static final String NO_REASON_RETURNABLE = "no-reason-returnable";
    static final String SOME_UNITS = "some-units";
    static final String KNOWN_LINES = "known-lines";
    static final String NO_REASON_WINDOW = "no-reason-window";
    static final String AMOUNT_WITHIN_VALUE = "amount-within-value";
    static final String REFUND_CAP = "refund-cap";

    /** The longest description a buyer may write. */
    static final int MAX_DESCRIPTION = 2000;

    /**
     * What the rules look at.
     *
     * @param command     the buyer's filing
     * @param facts       the order and what is left to claim on it now
     * @param open        the open claims of the filed type, by order line id
     * @param refunded    what the order's refunds already took (read only when a rule needs it)
     * @param refundable  what can still be refunded on the order (read only when a rule needs it)
     */
    record Filing(FileClaim command, OrderFacts facts, Map<Long, ClaimRepository.OpenClaim> open,
            Supplier<Money> refunded, Supplier<Money> refundable) {

        OrderDetails order() {
            return facts.order();
        }

        ClaimType type() {
            return command.type();
        }

        /** The units claimed per line: every claimable unit for a parcel that did not arrive, else the buyer's. */
        Map<Long, Integer> units() {
            return type() == ClaimType.NOT_RECEIVED ? facts.claimableUnits() : command.units();
        }

        /** When a no-reason return closes, or {@code null} before delivery. */
        Instant noReasonClosesAt() {
            Instant delivered = order().deliveredAt();
            return delivered == null ? null : delivered.plus(facts.policy().noReasonReturnWindow());
        }
    }

    /** A filing that passed every rule: the lines it claims and the amount it asks for. */
    record Passed(List<ClaimDraft.Line> lines, Money requested) {
    }

    /** A rule of the whole filing. */
    record Rule(String name, Check check) {
    }

    /** A rule of one claimed line. */
    record LineRule(String name, LineCheck check) {
    }

    /** A rule of the claimed lines together. */
    record LinesRule(String name, LinesCheck check) {
    }

    /** A rule of the amount the filing asks for. */
    record AmountRule(String name, AmountCheck check) {
    }

    @FunctionalInterface
    interface Check {

        /** @return the refusal, or empty when the filing passes */
        Optional<RuntimeException> test(Filing filing);
    }

    @FunctionalInterface
    interface LineCheck {

        Optional<RuntimeException> test(Filing filing, OrderDetails.Line line, int wanted);
    }

    @FunctionalInterface
    interface LinesCheck {

        Optional<RuntimeException> test(Filing filing, List<ClaimDraft.Line> lines);
    }

    @FunctionalInterface
    interface AmountCheck {

        /**
         * @param value     what the claimed units are worth (with the shipping fee of a parcel that never arrived)
         * @param requested what the filing asks for: the buyer's partial amount, else the value
         */
        Optional<RuntimeException> test(Filing filing, Money value, Money requested);
    }

    static final List<Rule> FILING_RULES = List.of(
            new Rule(TYPE_FILED_BY_BUYER, f -> f.type().filedByBuyer() ? allowed()
                    : refused(TYPE_FILED_BY_BUYER, "type", "claim.unavailable.type")),
            new Rule(TYPE_AVAILABLE, f -> {
                Availability availability = EligibilityPolicy.of(f.type()).check(f.facts());
                return availability.available() ? allowed()
                        : refused(TYPE_AVAILABLE, null, availability.reasonKey(), availability.argArray());
            }),
            new Rule(REASON_ALLOWED, f -> f.command().reason() != null && f.command().reason().allowedFor(f.type())
                    ? allowed() : refused(REASON_ALLOWED, "reason", "claim.form.error.reason")),
            new Rule(REMEDY_ALLOWED, f -> f.command().remedy() != null
                    && f.type().remedies().contains(f.command().remedy()) ? allowed()
                            : refused(REMEDY_ALLOWED, "remedy", "claim.form.error.remedy")),
            new Rule(DESCRIPTION_LENGTH, f -> f.command().description() == null
                    || f.command().description().length() <= MAX_DESCRIPTION ? allowed()
                            : refused(DESCRIPTION_LENGTH, "description", "claim.form.error.description",
                                    MAX_DESCRIPTION)));

    static final List<LineRule> LINE_RULES = List.of(
            new LineRule(ONE_OPEN_CLAIM_PER_LINE, (f, line, wanted) -> {
                ClaimRepository.OpenClaim open = f.open().get(line.id());
                return open == null ? allowed()
                        : Optional.of(new DuplicateClaim(open.claimId(), open.claimNumber()));
            }),
            new LineRule(UNITS_CLAIMABLE, (f, line, wanted) -> {
                int claimable = f.facts().claimableUnits().getOrDefault(line.id(), 0);
                return wanted <= claimable ? allowed()
                        : refused(UNITS_CLAIMABLE, "units[" + line.id() + "]", "claim.form.error.units",
                                line.title(), claimable);
            }),
            new LineRule(NO_REASON_RETURNABLE, (f, line, wanted) -> f.command().reason() == ClaimReason.NO_REASON
                    && !f.facts().returnable().getOrDefault(line.id(), true)
                            ? refused(NO_REASON_RETURNABLE, "reason", "claim.form.error.notReturnable", line.title())
                            : allowed()));

    static final List<LinesRule> LINES_RULES = List.of(
            new LinesRule(SOME_UNITS, (f, lines) -> lines.isEmpty()
                    ? refused(SOME_UNITS, "units", "claim.form.error.noUnits") : allowed()),
            new LinesRule(KNOWN_LINES, (f, lines) -> f.units().keySet().stream()
                    .filter(lineId -> f.order().line(lineId).isEmpty()).findFirst()
                    .map(lineId -> (RuntimeException) new NotFound("Order line", lineId))),
            new LinesRule(NO_REASON_WINDOW, (f, lines) -> {
                Instant closes = f.noReasonClosesAt();
                return f.command().reason() == ClaimReason.NO_REASON && closes != null
                        && !f.facts().now().isBefore(closes)
                                ? refused(NO_REASON_WINDOW, "reason", "claim.form.error.noReasonWindow", closes)
                                : allowed();
            }));

    static final List<AmountRule> AMOUNT_RULES = List.of(
            new AmountRule(AMOUNT_WITHIN_VALUE, (f, value, requested) -> {
                Money asked = f.command().requestedAmount();
                return f.type() == ClaimType.REFUND_ONLY && asked != null
                        && (!asked.isPositive() || asked.greaterThan(value))
                                ? refused(AMOUNT_WITHIN_VALUE, "requestedAmount", "claim.form.error.amount",
                                        value.format())
                                : allowed();
            }),
            new AmountRule(REFUND_CAP, (f, value, requested) -> {
                if (!f.command().remedy().refunds()) {
                    return allowed();
                }
                Money refundable = f.refundable().get();
                return requested.greaterThan(refundable)
                        ? refused(REFUND_CAP, "requestedAmount", "claim.form.error.refundable", refundable.format())
                        : allowed();
            }));

    private FilingPolicy() {
    }

    /**
     * Runs the chain.
     *
     * @return the lines and the requested amount of a filing that passed every rule
     * @throws ClaimNotAllowed, DuplicateClaim or NotFound: the first rule that refused the filing
     */
    static Passed check(Filing filing) {
        for (Rule rule : FILING_RULES) {
            refuseIfAny(rule.check().test(filing));
        }
        List<ClaimDraft.Line> lines = new ArrayList<>();
        Map<Long, Integer> units = filing.units();
        for (OrderDetails.Line line : filing.order().lines()) {
            int wanted = units.getOrDefault(line.id(), 0);
            if (wanted <= 0) {
                continue;
            }
            for (LineRule rule : LINE_RULES) {
                refuseIfAny(rule.check().test(filing, line, wanted));
            }
            lines.add(new ClaimDraft.Line(line.id(), line.sku(), line.title(), wanted, line.unitWeightGrams(),
                    line.paidFor(wanted)));
        }
        for (LinesRule rule : LINES_RULES) {
            refuseIfAny(rule.check().test(filing, lines));
        }
        Money value = value(filing, lines);
        Money requested = requested(filing, value);
        for (AmountRule rule : AMOUNT_RULES) {
            refuseIfAny(rule.check().test(filing, value, requested));
        }
        return new Passed(List.copyOf(lines), requested);
    }

    /** What the claimed units are worth; a parcel that never arrived adds its shipping fee while nothing was refunded. */
    static Money value(Filing filing, List<ClaimDraft.Line> lines) {
        Money value = lines.stream().map(ClaimDraft.Line::amount)
                .reduce(Money.zero(filing.order().paid().currency()), Money::plus);
        if (filing.type() == ClaimType.NOT_RECEIVED && filing.refunded().get().isZero()) {
            value = value.plus(filing.order().shippingFee());
        }
        return value;
    }

    /** The buyer's partial amount of a refund-only claim, else the value. */
    static Money requested(Filing filing, Money value) {
        Money asked = filing.command().requestedAmount();
        return filing.type() == ClaimType.REFUND_ONLY && asked != null ? asked : value;
    }

    /** Every rule name, in the order the chain checks them. */
    static List<String> ruleNames() {
        List<String> names = new ArrayList<>();
        FILING_RULES.forEach(r -> names.add(r.name()));
        LINE_RULES.forEach(r -> names.add(r.name()));
        LINES_RULES.forEach(r -> names.add(r.name()));
        AMOUNT_RULES.forEach(r -> names.add(r.name()));
        return names;
    }

    private static void refuseIfAny(Optional<RuntimeException> refusal) {
        if (refusal.isPresent()) {
            throw refusal.get();
        }
    }

    private static Optional<RuntimeException> allowed() {
        return Optional.empty();
    }

    private static Optional<RuntimeException> refused(String rule, String field, String messageKey, Object... args) {
        return Optional.of(new ClaimNotAllowed(rule, field, messageKey, args));
    }
}

package dev.aftersales.arbitration;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import dev.aftersales.claims.ClaimType;

/**
 * The platform's rules an agent's decision cites (their texts are in the arbitration message bundle, in both
 * languages: {@code arbitration.clause.<code>.title} and {@code .text}). Each applies to some claim types.
 */
public enum PolicyClause {
    SHORT_SHIPMENT("R-3.1", EnumSet.of(ClaimType.MISSING_ITEM)),
    WEIGHT_EVIDENCE("R-3.2", EnumSet.of(ClaimType.MISSING_ITEM, ClaimType.NOT_RECEIVED)),
    LOST_IN_TRANSIT("R-4.1", EnumSet.of(ClaimType.NOT_RECEIVED)),
    TRACKING_DUTY("R-4.2", EnumSet.of(ClaimType.NOT_RECEIVED, ClaimType.NO_TRACKING)),
    NOT_AS_DESCRIBED("R-5.1", EnumSet.of(ClaimType.REFUND_ONLY, ClaimType.RETURN_REFUND, ClaimType.EXCHANGE)),
    SEVEN_DAY_RETURN("R-5.2", EnumSet.of(ClaimType.RETURN_REFUND, ClaimType.EXCHANGE)),
    RETURN_CONDITION("R-5.3", EnumSet.of(ClaimType.RETURN_REFUND, ClaimType.EXCHANGE)),
    DELISTED_AFTER_PAYMENT("R-6.1", EnumSet.of(ClaimType.DELISTED, ClaimType.ORDER_CANCELLED)),
    MISSED_DEADLINE("R-7.1", EnumSet.allOf(ClaimType.class)),
    INSUFFICIENT_EVIDENCE("R-8.1", EnumSet.allOf(ClaimType.class)),
    ABUSE("R-9.1", EnumSet.allOf(ClaimType.class));

    private final String code;
    private final Set<ClaimType> types;

    PolicyClause(String code, Set<ClaimType> types) {
        this.code = code;
        this.types = types;
    }

    /** The rule's number as cited ("R-3.1"). */
    public String code() {
        return code;
    }

    public boolean appliesTo(ClaimType type) {
        return types.contains(type);
    }

    /** The clauses that apply to a claim type, in catalogue order. */
    public static List<PolicyClause> applicableTo(ClaimType type) {
        return Arrays.stream(values()).filter(c -> c.appliesTo(type)).toList();
    }

    public static PolicyClause byCode(String code) {
        return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst().orElse(null);
    }
}

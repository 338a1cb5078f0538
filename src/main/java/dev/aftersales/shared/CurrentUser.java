package dev.aftersales.shared;

import java.io.Serializable;

/**
 * The signed-in user as every module sees it. Controllers receive it as a method parameter; services use it for
 * ownership checks (a buyer's own orders, a seller's own shop).
 *
 * @param accountId   the account's id
 * @param username    the login name
 * @param displayName what other parties see
 * @param role        the role
 * @param shopId      the seller's shop, {@code null} for every other role
 */
public record CurrentUser(long accountId, String username, String displayName, Role role, Long shopId)
        implements Serializable {

    public boolean is(Role candidate) {
        return role == candidate;
    }

    public boolean isBuyer(long buyerId) {
        return role == Role.BUYER && accountId == buyerId;
    }

    public boolean isSellerOf(long shop) {
        return role == Role.SELLER && shopId != null && shopId == shop;
    }

    /** Agents and admins read what the platform holds. */
    public boolean isPlatformStaff() {
        return role == Role.AGENT || role == Role.ADMIN;
    }
}

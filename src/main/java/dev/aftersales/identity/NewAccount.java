package dev.aftersales.identity;

import dev.aftersales.shared.Role;

/**
 * What it takes to create an account.
 *
 * @param shopId required for sellers, ignored for every other role
 */
public record NewAccount(String username, String password, Role role, String displayName, String email,
        String phone, Long shopId, String externalRef) {
}

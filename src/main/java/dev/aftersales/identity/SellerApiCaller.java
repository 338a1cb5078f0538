package dev.aftersales.identity;

import java.util.Set;

import dev.aftersales.shared.CurrentUser;
import dev.aftersales.shared.CurrentUserSource;
import dev.aftersales.shared.web.IdempotentAnswers;

/**
 * A call made with a seller's API key: the shop's account that created the key acts, limited to the key's scopes.
 * Its moves appear on claims' timelines under that account's name, marked as made through the API.
 *
 * @param keyId  the key, also the caller of remembered idempotent answers
 * @param user   the account the key acts as (a seller of the key's shop)
 */
public record SellerApiCaller(long keyId, String keyName, Set<ApiScope> scopes, CurrentUser user)
        implements CurrentUserSource, IdempotentAnswers.Caller {

    @Override
    public CurrentUser currentUser() {
        return user;
    }

    /** Whom idempotent answers are remembered for: one key's requests never collide with another's. */
    @Override
    public String idempotencyCaller() {
        return "seller-key:" + keyId;
    }
}

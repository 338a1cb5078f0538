package dev.aftersales.identity;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.aftersales.identity.internal.SellerApiKeyRepository;
import dev.aftersales.identity.internal.UserAccountRepository;
import dev.aftersales.shared.CurrentUser;
import dev.aftersales.shared.NotFound;
import dev.aftersales.shared.Refusal;
import dev.aftersales.shared.Role;

/**
 * The API keys a shop issues to its own systems. Any seller account of the shop may create and revoke them: a shop's
 * staff run its after-sales work together, and each creation and revocation is recorded with the account that made
 * it. A key acts as the account that created it, so disabling that account (staff who left) stops its keys too.
 */
@Service
@Transactional
public class SellerApiKeys {

    /** Every key starts with this, so that a leaked one is recognised (in logs, in a repository scan). */
    public static final String PREFIX = "ssk_";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SellerApiKeyRepository keys;
    private final UserAccountRepository accounts;
    private final Clock clock;

    SellerApiKeys(SellerApiKeyRepository keys, UserAccountRepository accounts, Clock clock) {
        this.keys = keys;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** A new key for the seller's shop; the key is in the answer and nowhere else. */
    public Issued create(CurrentUser seller, String name, Set<ApiScope> scopes) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return register(seller, name, scopes, PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** Registers a key chosen by the caller (the demo data's well-known key). */
    public Issued register(CurrentUser seller, String name, Set<ApiScope> scopes, String key) {
        long shopId = shopOf(seller);
        String trimmed = name == null ? "" : name.strip();
        if (!trimmed.matches("[\\p{L}\\p{N} ._()-]{3,100}")) {
            throw new Refused("name", "seller.apiKeys.error.name");
        }
        if (scopes == null || scopes.isEmpty()) {
            throw new Refused("scopes", "seller.apiKeys.error.scopes");
        }
        if (keys.existsByShopIdAndNameAndRevokedAtIsNull(shopId, trimmed)) {
            throw new Refused("name", "seller.apiKeys.error.taken");
        }
        SellerApiKey saved = keys.save(new SellerApiKey(shopId, trimmed, key.substring(0, Math.min(10, key.length())),
                ApiClientManagement.hash(key), scopes, seller.accountId(), clock.instant()));
        return new Issued(saved, key);
    }

    /** Revokes one of the seller's shop's keys; another shop's key is not found. */
    public void revoke(long id, CurrentUser seller) {
        long shopId = shopOf(seller);
        keys.findById(id).filter(k -> k.shopId() == shopId).orElseThrow(() -> new NotFound("API key", id))
                .revoke(seller.accountId(), clock.instant());
    }

    @Transactional(readOnly = true)
    public List<SellerApiKey> keysOf(CurrentUser seller) {
        return keys.findByShopIdOrderByCreatedAtDesc(shopOf(seller));
    }

    /**
     * The caller holding this key: an active key whose creating account is still an enabled seller of the key's
     * shop.
     */
    @Transactional(readOnly = true)
    public Optional<SellerApiCaller> authenticate(String key) {
        if (key == null || key.isBlank() || key.length() > 200) {
            return Optional.empty();
        }
        return keys.findByKeyHash(ApiClientManagement.hash(key.strip())).filter(SellerApiKey::active)
                .flatMap(k -> accounts.findById(k.createdBy())
                        .filter(a -> a.enabled() && a.role() == Role.SELLER && a.shopId() != null
                                && a.shopId() == k.shopId())
                        .map(a -> {
                            CurrentUser owner = a.toCurrentUser();
                            CurrentUser viaApi = new CurrentUser(owner.accountId(), owner.username(),
                                    owner.displayName() + " (API)", Role.SELLER, k.shopId());
                            return new SellerApiCaller(k.id(), k.name(), k.scopes(), viaApi);
                        }));
    }

    private static long shopOf(CurrentUser seller) {
        if (seller == null || seller.role() != Role.SELLER || seller.shopId() == null) {
            throw new NotFound("Shop", 0);
        }
        return seller.shopId();
    }

    /** A key and its value in clear, to be shown once. */
    public record Issued(SellerApiKey key, String value) {
    }

    /** A key that cannot be created as asked: the field and the message key of the reason. */
    public static class Refused extends RuntimeException implements Refusal {

        private final String field;
        private final String messageKey;

        Refused(String field, String messageKey) {
            super(field + ": " + messageKey);
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
}

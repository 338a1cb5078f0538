package dev.aftersales.identity;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.aftersales.catalog.CatalogManagement;
import dev.aftersales.identity.internal.BuyerAddressRepository;
import dev.aftersales.identity.internal.UserAccountRepository;
import dev.aftersales.shared.NotFound;
import dev.aftersales.shared.Role;

/** Accounts: created by admins (and the demo data), buyers also by the storefront integration. */
@Service
@Transactional
public class AccountManagement {

    private final UserAccountRepository accounts;
    private final BuyerAddressRepository addresses;
    private final CatalogManagement catalog;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    AccountManagement(UserAccountRepository accounts, BuyerAddressRepository addresses, CatalogManagement catalog,
            PasswordEncoder passwordEncoder, Clock clock, ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.addresses = addresses;
        this.catalog = catalog;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
        this.events = events;
    }

    /**
     * Creates an account that can sign in.
     *
     * @throws UsernameTaken when the login name is in use (by an enabled or a disabled account)
     */
    public UserAccount create(NewAccount account) {
        String username = account.username().trim().toLowerCase(Locale.ROOT);
        if (accounts.findByUsername(username).isPresent()) {
            throw new UsernameTaken(username);
        }
        Long shopId = account.role() == Role.SELLER ? account.shopId() : null;
        if (shopId != null) {
            catalog.shop(shopId);
        }
        return accounts.save(new UserAccount(username, passwordEncoder.encode(account.password()), account.role(),
                account.displayName().trim(), blankToNull(account.email()), blankToNull(account.phone()), shopId,
                blankToNull(account.externalRef()), clock.instant()));
    }

    /**
     * The buyer the storefront knows by {@code externalRef}, created on first sight (without a password: such a
     * buyer signs in once an admin sets one). Name and phone are refreshed from the storefront.
     */
    public UserAccount ensureBuyer(String externalRef, String displayName, String phone) {
        Optional<UserAccount> existing = accounts.findByExternalRef(externalRef);
        if (existing.isPresent()) {
            UserAccount buyer = existing.get();
            if (buyer.role() != Role.BUYER) {
                throw new IllegalStateException("External reference " + externalRef + " is not a buyer");
            }
            buyer.updateBuyerContact(displayName, phone);
            return buyer;
        }
        String base = "b-" + externalRef.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "");
        base = base.length() > 60 ? base.substring(0, 60) : base;
        String username = base;
        for (int i = 2; accounts.findByUsername(username).isPresent(); i++) {
            username = base + "-" + i;
        }
        return accounts.save(new UserAccount(username, null, Role.BUYER, displayName, null, blankToNull(phone), null,
                externalRef, clock.instant()));
    }

    /** Remembers a delivery address the buyer used (once per distinct address). */
    public void recordAddress(long buyerId, String address) {
        if (address == null || address.isBlank()) {
            return;
        }
        String normalized = BuyerAddress.normalize(address);
        if (!addresses.existsByBuyerIdAndNormalized(buyerId, normalized)) {
            addresses.save(new BuyerAddress(buyerId, address.trim(), clock.instant()));
        }
    }

    @Transactional(readOnly = true)
    public List<BuyerAddress> addressesOf(long buyerId) {
        return addresses.findByBuyerIdOrderByFirstUsedAtAsc(buyerId);
    }

    /** Disables the account; its open sessions end (see {@link AccountAccessChanged}). */
    public void disable(long accountId, long actingAdminId) {
        if (accountId == actingAdminId) {
            throw new IllegalArgumentException("An admin cannot disable their own account");
        }
        UserAccount account = account(accountId);
        account.disable();
        events.publishEvent(new AccountAccessChanged(account.id(), account.username(),
                AccountAccessChanged.Change.DISABLED));
    }

    public void enable(long accountId) {
        account(accountId).enable();
    }

    /** Sets a new password; the sessions opened with the old one end (see {@link AccountAccessChanged}). */
    public void setPassword(long accountId, String password) {
        UserAccount account = account(accountId);
        account.changePassword(passwordEncoder.encode(password));
        events.publishEvent(new AccountAccessChanged(account.id(), account.username(),
                AccountAccessChanged.Change.PASSWORD_CHANGED));
    }

    public void preferLanguage(long accountId, String languageTag) {
        account(accountId).preferLanguage(languageTag);
    }

    /**
     * Records the language of the account's first visit unless one is recorded: a single conditional update, so
     * several sessions of the account starting at the same moment neither collide nor overwrite a chosen language.
     */
    @Transactional
    public void preferLanguageIfUnset(long accountId, String languageTag) {
        accounts.preferLanguageIfUnset(accountId, languageTag);
    }

    @Transactional(readOnly = true)
    public UserAccount account(long id) {
        return accounts.findById(id).orElseThrow(() -> new NotFound("Account", id));
    }

    @Transactional(readOnly = true)
    public Optional<UserAccount> byUsername(String username) {
        return accounts.findByUsername(username.trim().toLowerCase(Locale.ROOT));
    }

    @Transactional(readOnly = true)
    public Map<Long, UserAccount> accountsById(Collection<Long> ids) {
        return accounts.withIds(ids.toArray(Long[]::new)).stream().collect(Collectors.toMap(UserAccount::id, Function.identity()));
    }

    @Transactional(readOnly = true)
    public Page<UserAccount> page(Pageable pageable) {
        return accounts.findAllByOrderByRoleAscUsernameAsc(pageable);
    }

    /** Buyers matching a login name, storefront reference, phone number or part of the name. */
    @Transactional(readOnly = true)
    public List<UserAccount> searchBuyers(String query, int limit) {
        String q = query.trim();
        // % and _ in what was typed are searched for as themselves, not as wildcards
        String pattern = q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return accounts.searchBuyers(q, pattern, PageRequest.of(0, limit));
    }

    /** The enabled seller accounts of a shop (its staff), for telling them about the shop's cases. */
    @Transactional(readOnly = true)
    public List<UserAccount> activeSellersOf(long shopId) {
        return accounts.findByShopIdAndRoleAndEnabledTrueOrderById(shopId, Role.SELLER);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}

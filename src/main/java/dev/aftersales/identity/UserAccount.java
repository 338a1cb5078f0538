package dev.aftersales.identity;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import dev.aftersales.shared.CurrentUser;
import dev.aftersales.shared.Role;

/**
 * Someone who signs in to the desk, or a buyer known from the storefront. Accounts are disabled, never deleted.
 * A buyer created by the storefront integration has no password until an admin gives one.
 */
@Entity
@Table(name = "user_accounts")
public class UserAccount {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 64)
    private String username;

    @Column(length = 200)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Role role;

    @Column(nullable = false, length = 100)
    private String displayName;

    @Column(length = 200)
    private String email;

    @Column(length = 32)
    private String phone;

    private Long shopId;

    @Column(length = 64, unique = true)
    private String externalRef;

    @Column(nullable = false)
    private boolean enabled;

    @Column(length = 16)
    private String preferredLanguage;

    @Column(nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected UserAccount() {
    }

    UserAccount(String username, String passwordHash, Role role, String displayName, String email, String phone,
            Long shopId, String externalRef, Instant createdAt) {
        if ((role == Role.SELLER) != (shopId != null)) {
            throw new IllegalArgumentException("A seller belongs to exactly one shop; other roles to none");
        }
        this.username = username;
        this.passwordHash = passwordHash;
        this.role = role;
        this.displayName = displayName;
        this.email = email;
        this.phone = phone;
        this.shopId = shopId;
        this.externalRef = externalRef;
        this.enabled = true;
        this.createdAt = createdAt;
    }

    public Long id() {
        return id;
    }

    public String username() {
        return username;
    }

    String passwordHash() {
        return passwordHash;
    }

    public Role role() {
        return role;
    }

    public String displayName() {
        return displayName;
    }

    public String email() {
        return email;
    }

    public String phone() {
        return phone;
    }

    public Long shopId() {
        return shopId;
    }

    public String externalRef() {
        return externalRef;
    }

    public boolean enabled() {
        return enabled;
    }

    public String preferredLanguage() {
        return preferredLanguage;
    }

    public Instant createdAt() {
        return createdAt;
    }

    void disable() {
        this.enabled = false;
    }

    void enable() {
        this.enabled = true;
    }

    void changePassword(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    void updateBuyerContact(String displayName, String phone) {
        if (displayName != null && !displayName.isBlank()) {
            this.displayName = displayName;
        }
        if (phone != null && !phone.isBlank()) {
            this.phone = phone;
        }
    }

    void preferLanguage(String languageTag) {
        this.preferredLanguage = languageTag;
    }

    public CurrentUser toCurrentUser() {
        return new CurrentUser(id, username, displayName, role, shopId);
    }
}

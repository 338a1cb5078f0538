package dev.aftersales.claims;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.aftersales.claims.internal.Actor;
import dev.aftersales.claims.internal.ClaimMessage;
import dev.aftersales.claims.internal.ShopRule;
import dev.aftersales.claims.internal.ClaimRepository;
import dev.aftersales.claims.internal.ClaimMessageRepository;
import dev.aftersales.claims.internal.ShopRuleRepository;
import dev.aftersales.catalog.CatalogManagement;
import dev.aftersales.identity.AccountManagement;
import dev.aftersales.shared.CurrentUser;
import dev.aftersales.shared.Money;
import dev.aftersales.shared.NotFound;
import dev.aftersales.shared.Role;

/**
 * A shop's after-sales automation rules: the seller sets them up on {@code /seller/rules}; they are tried when a
 * claim comes to the seller's turn (filed, or back to the seller), and act on the seller's behalf through the same
 * claim moves, recorded on the timeline as the shop's rule with its name and the facts it used. Platform rules win:
 * a rule never acts on a claim marked for agent review or from a buyer whose standing is not normal (a return-abuse
 * score on the watchlist or asking for review, a claim history that is not good), never refuses
 * and never pays less than asked. A rule acts at most once per claim, however often the claim comes back.
 */
@Service
@Transactional
public class ShopRules {

    /** At most this many rules per shop: each is tried on every claim that comes to the seller. */
    static final int MAX_RULES = 20;

    private final ShopRuleRepository rules;
    private final ClaimRepository claims;
    private final ClaimMessageRepository messages;
    private final ClaimManagement management;
    private final BuyerStandings standings;
    private final ClaimLedger ledger;
    private final AccountManagement accounts;
    private final CatalogManagement catalog;
    private final Clock clock;

    ShopRules(ShopRuleRepository rules, ClaimRepository claims, ClaimMessageRepository messages,
            ClaimManagement management, BuyerStandings standings, ClaimLedger ledger, AccountManagement accounts,
            CatalogManagement catalog, Clock clock) {
        this.rules = rules;
        this.claims = claims;
        this.messages = messages;
        this.management = management;
        this.standings = standings;
        this.ledger = ledger;
        this.accounts = accounts;
        this.catalog = catalog;
        this.clock = clock;
    }

    // ------------------------------------------------------------------------------------------ the seller's page

    @Transactional(readOnly = true)
    public List<ShopRule> rulesOf(CurrentUser seller) {
        return rules.findByShopIdOrderById(shopOf(seller));
    }

    /**
     * A new rule, on at once.
     *
     * @throws ClaimNotAllowed with the field at fault: a name of 3 to 100 characters, an amount for
     *                         {@link ShopRuleKind#ACCEPT_SMALL_REFUND} (¥0.01 to ¥100,000.00), a text for
     *                         {@link ShopRuleKind#REPLY} (at most 2,000 characters)
     */
    public ShopRule create(CurrentUser seller, String name, ShopRuleKind kind, Money maxAmount, String replyText) {
        long shopId = shopOf(seller);
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.length() < 3 || trimmed.length() > 100) {
            throw new ClaimNotAllowed("name", "rules.error.name");
        }
        if (kind == null) {
            throw new ClaimNotAllowed("kind", "rules.error.kind");
        }
        if (rules.findByShopIdOrderById(shopId).size() >= MAX_RULES) {
            throw new ClaimNotAllowed("name", "rules.error.tooMany", MAX_RULES);
        }
        Long amount = null;
        String text = null;
        if (kind == ShopRuleKind.ACCEPT_SMALL_REFUND) {
            if (maxAmount == null || !maxAmount.isPositive() || maxAmount.minor() > 10_000_000L) {
                throw new ClaimNotAllowed("maxAmount", "rules.error.amount");
            }
            amount = maxAmount.minor();
        }
        if (kind == ShopRuleKind.REPLY || kind == ShopRuleKind.PROPOSE_RESHIP) {
            text = replyText == null ? "" : replyText.strip();
            if (text.isEmpty() || text.length() > ClaimMessage.MAX_LENGTH) {
                throw new ClaimNotAllowed("replyText", "rules.error.reply", ClaimMessage.MAX_LENGTH);
            }
        }
        return rules.save(new ShopRule(shopId, trimmed, kind, amount, text, seller.accountId(), clock.instant()));
    }

    /** Switches one of the shop's rules on or off; another shop's rule is not found. */
    public void switchRule(long ruleId, CurrentUser seller, boolean on) {
        long shopId = shopOf(seller);
        rules.findById(ruleId).filter(r -> r.shopId() == shopId).orElseThrow(() -> new NotFound("Rule", ruleId))
                .switchTo(on);
    }

    // ------------------------------------------------------------------------------------------ trying the rules

    /**
     * Tries the shop's rules on a claim that came to the seller: the replies first, then the first accept rule whose
     * conditions hold. Under the order's lock, like every claim move.
     */
    void apply(long claimId) {
        management.lockOrderOf(claimId);
        Claim claim = claims.findById(claimId).orElseThrow(() -> new NotFound("Claim", claimId));
        if (claim.status() != ClaimStatus.AWAITING_SELLER) {
            return;
        }
        List<ShopRule> active = rules.findByShopIdAndActiveTrueOrderById(claim.shopId());
        if (active.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        for (ShopRule rule : active) {
            if (rule.kind() == ShopRuleKind.REPLY && fired(rule, claim, "new claim", now)) {
                Actor author = new Actor(ActorRole.SELLER, null, rule.name());
                messages.save(new ClaimMessage(claim.id(), author, fill(rule.replyText(), claim), now));
                claims.touch(claim.id(), now);
            }
        }
        boolean normal = standings.normal(claim, now);
        for (ShopRule rule : active) {
            String facts = acceptFacts(rule, claim, normal);
            if (facts != null && fired(rule, claim, facts, now)) {
                claim.acceptByShopRule(rule.name(), facts, management.clockOf(claim), now);
                ledger.save(claim, new Actor(ActorRole.SELLER, null, rule.name()));
                return;
            }
        }
        for (ShopRule rule : active) {
            String facts = reshipFacts(rule, claim, normal);
            if (facts != null && fired(rule, claim, facts, now)) {
                claim.proposeReshipByShopRule(rule.name(), fill(rule.replyText(), claim), facts, management.clockOf(claim), now);
                ledger.save(claim, new Actor(ActorRole.SELLER, null, rule.name()));
                return;
            }
        }
    }

    /**
     * Why an accept rule accepts this claim, or {@code null} when it does not: the platform's marks first (a claim
     * marked for review, a buyer whose standing is not normal), then the rule's own condition.
     */
    static String acceptFacts(ShopRule rule, Claim claim, boolean normalStanding) {
        boolean accepts = rule.kind() == ShopRuleKind.ACCEPT_SMALL_REFUND
                || rule.kind() == ShopRuleKind.ACCEPT_CORROBORATED_SHORTAGE;
        if (!accepts || claim.reviewReason() != null || !normalStanding) {
            return null;
        }
        if (rule.kind() == ShopRuleKind.ACCEPT_SMALL_REFUND) {
            Money max = new Money(rule.maxAmountFen(), claim.requestedAmount().currency());
            if (claim.type() != ClaimType.REFUND_ONLY || claim.remedy() != Remedy.REFUND
                    || claim.requestedAmount().greaterThan(max)) {
                return null;
            }
            return "refund only, " + claim.requestedAmount().format() + " ≤ " + max.format()
                    + "; buyer's standing normal; not marked for review";
        }
        if (claim.type() != ClaimType.MISSING_ITEM || claim.weightVerdict() != WeightVerdict.CORROBORATES) {
            return null;
        }
        return "missing items, the parcel's weight corroborates the claim; buyer's standing normal; not marked for "
                + "review";
    }

    /**
     * Why a reship rule proposes to reship this claim's missing units, or {@code null}: never past the platform's
     * marks; a missing-item claim asking for a refund, every claimed product still listed for sale.
     */
    String reshipFacts(ShopRule rule, Claim claim, boolean normalStanding) {
        if (rule.kind() != ShopRuleKind.PROPOSE_RESHIP || claim.reviewReason() != null || !normalStanding
                || claim.type() != ClaimType.MISSING_ITEM || claim.remedy() != Remedy.REFUND) {
            return null;
        }
        List<String> skus = claim.lines().stream().map(ClaimLine::sku).distinct().toList();
        var products = catalog.productsBySku(claim.shopId(), skus);
        if (skus.isEmpty() || !skus.stream().allMatch(sku -> products.containsKey(sku) && products.get(sku).listed())) {
            return null;
        }
        return "missing items, " + String.join(", ", skus) + " still listed for sale; buyer's standing normal; not "
                + "marked for review";
    }

    /** Records the firing; false when the rule already acted on this claim. */
    private boolean fired(ShopRule rule, Claim claim, String facts, Instant now) {
        if (rules.recordFiring(rule.id(), claim.id(), now, facts.length() > 500 ? facts.substring(0, 500) : facts)
                == 0) {
            return false;
        }
        rules.countFiring(rule.id(), now);
        return true;
    }

    private String fill(String template, Claim claim) {
        String buyer = accounts.accountsById(List.of(claim.buyerId())).values().stream().findFirst()
                .map(a -> a.displayName()).orElse("");
        return ReplyPlaceholders.fill(template, buyer, claim.orderNumber(), claim.claimNumber(),
                claim.requestedAmount().format(), catalog.shop(claim.shopId()).name());
    }

    private static long shopOf(CurrentUser seller) {
        if (seller == null || seller.role() != Role.SELLER || seller.shopId() == null) {
            throw new NotFound("Shop", 0);
        }
        return seller.shopId();
    }

    /** The placeholders a reply may hold, for the page. */
    public static List<String> placeholders() {
        return ReplyPlaceholders.NAMES;
    }
}

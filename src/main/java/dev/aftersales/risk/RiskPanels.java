package dev.aftersales.risk;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.aftersales.identity.AccountManagement;
import dev.aftersales.risk.internal.Ratings;

/**
 * The models of the panels in {@code templates/risk/panels.html}, one public method per panel, so that any page
 * (the agent's claim and order pages, the arbitration workspace and queue) includes a panel without a Java
 * dependency on this module: {@code th:with="p=${@riskPanels.forAgent(buyerId, shopId)}"} and {@code th:replace="~{risk/panels :: agent(${p})}"}.
 * Only agent pages show scores and scorecards; buyer pages only the rating form.
 */
@Component("riskPanels")
public class RiskPanels {

    private final RiskManagement risk;
    private final Ratings ratings;
    private final AccountManagement accounts;

    RiskPanels(RiskManagement risk, Ratings ratings, AccountManagement accounts) {
        this.risk = risk;
        this.ratings = ratings;
        this.accounts = accounts;
    }

    /** The buyer's risk panel and the shop's scorecard summary, for agent pages. */
    public record AgentPanels(long buyerId, String buyerName, BuyerRisk buyer, ShopScorecard shop) {
    }

    /** The rating panel of one claim: its rating, if given. */
    public record RatingPanel(long claimId, Ratings.RatingView rating) {

        public boolean rated() {
            return rating != null;
        }
    }

    @Transactional(readOnly = true)
    public AgentPanels forAgent(long buyerId, long shopId) {
        return new AgentPanels(buyerId, accounts.account(buyerId).displayName(), risk.buyerRisk(buyerId),
                risk.scorecard(shopId));
    }

    @Transactional(readOnly = true)
    public BuyerRisk buyer(long buyerId) {
        return risk.buyerRisk(buyerId);
    }

    @Transactional(readOnly = true)
    public ShopScorecard shop(long shopId) {
        return risk.scorecard(shopId);
    }

    @Transactional(readOnly = true)
    public String buyerName(long buyerId) {
        dev.aftersales.identity.UserAccount account = accounts.account(buyerId);
        if (account.role() != dev.aftersales.shared.Role.BUYER) {
            throw new dev.aftersales.shared.NotFound("Buyer", buyerId);
        }
        return account.displayName();
    }

    public RatingPanel rating(long claimId) {
        return new RatingPanel(claimId, ratings.of(claimId).orElse(null));
    }
}

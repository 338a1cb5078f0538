package dev.aftersales.risk.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.aftersales.identity.AccountLinks;
import dev.aftersales.risk.BuyerRisk;

/**
 * A buyer's return-abuse score from the facts: the orders, claims and abuse flags in risk's read model, the accounts
 * linked to the buyer and the thresholds now, weighed by the written rule ({@link ReturnAbuseScore}).
 */
@Component
public class BuyerScores {

    private final RiskReadModel model;
    private final RiskSettingsStore settings;
    private final AccountLinks links;

    BuyerScores(RiskReadModel model, RiskSettingsStore settings, AccountLinks links) {
        this.model = model;
        this.settings = settings;
        this.links = links;
    }

    /** The buyer's score at {@code now}, leaving out the claim {@code excludingClaimId} when one is given. */
    public BuyerRisk compute(long buyerId, Long excludingClaimId, Instant now) {
        Instant since = now.minus(ReturnAbuseScore.WINDOW);
        List<AccountLinks.Link> read = links.linksOf(buyerId, ReturnAbuseScore.LINKS_READ + 1);
        boolean more = read.size() > ReturnAbuseScore.LINKS_READ;
        List<AccountLinks.Link> found = more ? read.subList(0, ReturnAbuseScore.LINKS_READ) : read;
        Map<Long, Integer> scores = model.scoresOf(found.stream().map(AccountLinks.Link::accountId).distinct()
                .toList());
        List<BuyerRisk.LinkedAccount> linked = found.stream().map(l -> new BuyerRisk.LinkedAccount(l.accountId(),
                l.username(), l.displayName(), l.via().name(), l.value(), scores.get(l.accountId()))).toList();
        ReturnAbuseScore.History history = new ReturnAbuseScore.History(buyerId,
                model.ordersOfBuyerSince(buyerId, since), model.claimsOfBuyerSince(buyerId, since, excludingClaimId),
                model.flagsOf(buyerId), linked, more);
        return ReturnAbuseScore.compute(history, settings.current(), now);
    }
}

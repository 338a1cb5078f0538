package dev.aftersales.platform.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.aftersales.claims.ClaimView;
import dev.aftersales.claims.ClaimViews;
import dev.aftersales.claims.WeightCheck;
import dev.aftersales.claims.WeightVerdict;
import dev.aftersales.identity.AccountManagement;
import dev.aftersales.shared.CurrentUser;
import dev.aftersales.support.DemoDataTest;

/** What the demo data, as loaded, shows its visitors: claims whose words are borne out by their numbers. */
class DemoDataIntegrationTests extends DemoDataTest {

    @Autowired
    ClaimViews views;
    @Autowired
    AccountManagement accounts;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theDemoHoldsAMissingItemClaimTheParcelWeightSupportsAndOneItContradicts() {
        CurrentUser agent = accounts.byUsername("agent").orElseThrow().toCurrentUser();
        CurrentUser seller = accounts.byUsername("seller").orElseThrow().toCurrentUser();
        List<ClaimView> weighed = jdbc.queryForList(
                "select id from claims where type in ('MISSING_ITEM', 'NOT_RECEIVED') order by id", Long.class)
                .stream().map(id -> views.detail(id, agent)).filter(c -> c.weightCheck() != null).toList();

        for (ClaimView claim : weighed) {
            WeightCheck w = claim.weightCheck();
            String numbers = claim.claimNumber() + " on " + claim.orderNumber() + ": measured " + w.measuredGrams()
                    + " g, complete " + w.expectedAllGrams() + " g, without the claimed units "
                    + w.expectedWithoutGrams() + " g, tolerance " + w.toleranceGrams() + " g, " + w.explanation();
            if (w.verdict() == WeightVerdict.CORROBORATES) {
                assertThat(Math.abs(w.measuredGrams() - w.expectedWithoutGrams())).as(numbers)
                        .isLessThanOrEqualTo(w.toleranceGrams());
            }
            if (w.verdict() == WeightVerdict.CONTRADICTS) {
                assertThat(Math.abs(w.measuredGrams() - w.expectedAllGrams())).as(numbers)
                        .isLessThanOrEqualTo(w.toleranceGrams());
            }
        }
        List<ClaimView> sunny = weighed.stream().filter(c -> c.shopId() == seller.shopId()).toList();
        assertThat(sunny).as("Sunny Orchard's weighed claims, as its seller signs in")
                .anyMatch(c -> c.weightCheck().verdict() == WeightVerdict.CORROBORATES)
                .anyMatch(c -> c.weightCheck().verdict() == WeightVerdict.CONTRADICTS);
    }

    @Test
    void reasonsForAgentReviewReadLikeRealOnes() {
        List<String> reasons = jdbc.queryForList("select review_reason from claims where review_reason is not null",
                String.class);
        assertThat(reasons).isNotEmpty().noneMatch(r -> r.contains("(demo)") || r.isBlank());
    }
}

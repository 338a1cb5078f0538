package dev.aftersales.arbitration.internal;

import java.util.List;

import org.springframework.stereotype.Component;

import dev.aftersales.arbitration.PenaltyKind;
import dev.aftersales.arbitration.WorkspacePanel;
import dev.aftersales.claims.ClaimInterventions;
import dev.aftersales.claims.ClaimInterventions.PartyRecord;

/** The workspace's own panels: the buyer's claim history with abuse flags, the shop's record with penalties. */
class RecordPanels {

    /** The buyer's claims and how they ended, and the abuse flags agents recorded. */
    @Component
    static class BuyerHistory implements WorkspacePanel {

        private final ClaimInterventions claims;
        private final AbuseFlagRepository flags;

        BuyerHistory(ClaimInterventions claims, AbuseFlagRepository flags) {
            this.claims = claims;
            this.flags = flags;
        }

        @Override
        public int position() {
            return 10;
        }

        @Override
        public String template() {
            return "arbitration/panels";
        }

        @Override
        public String fragment() {
            return "buyerHistory";
        }

        @Override
        public Object data(Case of) {
            return new Data(claims.buyerRecord(of.buyerId()), flags.findByBuyerIdOrderByAtDesc(of.buyerId()).stream()
                    .map(f -> new Flag(f.claimId(), f.reason(), f.at())).toList());
        }

        record Data(PartyRecord record, List<Flag> flags) {
        }

        record Flag(long claimId, String reason, java.time.Instant at) {
        }
    }

    /** The shop's claims and how they ended, and the penalties agents recorded. */
    @Component
    static class ShopRecord implements WorkspacePanel {

        private final ClaimInterventions claims;
        private final PenaltyRepository penalties;

        ShopRecord(ClaimInterventions claims, PenaltyRepository penalties) {
            this.claims = claims;
            this.penalties = penalties;
        }

        @Override
        public int position() {
            return 20;
        }

        @Override
        public String template() {
            return "arbitration/panels";
        }

        @Override
        public String fragment() {
            return "shopRecord";
        }

        @Override
        public Object data(Case of) {
            List<PenaltyRow> latest = penalties.findTop20ByShopIdOrderByAtDescIdDesc(of.shopId()).stream()
                    .map(p -> new PenaltyRow(p.claimId(), p.kind(), p.points(),
                            dev.aftersales.shared.Money.fen(p.deductionMinor()), p.reason(), p.at()))
                    .toList();
            long count = latest.size() < 20 ? latest.size() : penalties.countByShopId(of.shopId());
            return new Data(claims.shopRecord(of.shopId()), latest, count);
        }

        /** The shop's record, its latest penalties (at most 20) and how many it has in all. */
        record Data(PartyRecord record, List<PenaltyRow> penalties, long penaltyCount) {
        }

        record PenaltyRow(long claimId, PenaltyKind kind, int points, dev.aftersales.shared.Money deduction,
                String reason, java.time.Instant at) {
        }
    }
}

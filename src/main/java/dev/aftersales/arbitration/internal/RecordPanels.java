package dev.aftersales.arbitration.internal;

import java.util.List;

import org.springframework.data.domain.Limit;
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

        /** How many of the shop's latest penalties the panel lists, however many the shop has. */
        static final int PENALTIES_SHOWN = 20;

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
            List<PenaltyRow> latest = penalties.findByShopIdOrderByAtDescIdDesc(of.shopId(),
                    Limit.of(PENALTIES_SHOWN)).stream()
                    .map(p -> new PenaltyRow(p.claimId(), p.kind(), p.points(),
                            dev.aftersales.shared.Money.fen(p.deductionMinor()), p.reason(), p.at()))
                    .toList();
            long count = latest.size() < PENALTIES_SHOWN ? latest.size() : penalties.countByShopId(of.shopId());
            return new Data(claims.shopRecord(of.shopId()), latest, count);
        }

        /** The shop's record, its latest penalties (at most {@link #PENALTIES_SHOWN}) and how many it has in all. */
        record Data(PartyRecord record, List<PenaltyRow> penalties, long penaltyCount) {
        }

        record PenaltyRow(long claimId, PenaltyKind kind, int points, dev.aftersales.shared.Money deduction,
                String reason, java.time.Instant at) {
        }
    }
}

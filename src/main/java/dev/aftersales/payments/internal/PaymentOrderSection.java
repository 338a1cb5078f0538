package dev.aftersales.payments.internal;

import java.util.List;

import org.springframework.stereotype.Component;

import dev.aftersales.payments.MovementKind;
import dev.aftersales.payments.MovementView;
import dev.aftersales.payments.PaymentManagement;
import dev.aftersales.ordering.OrderDetails;
import dev.aftersales.ordering.OrderPageReads;
import dev.aftersales.ordering.OrderPageSection;
import dev.aftersales.shared.CurrentUser;
import dev.aftersales.shared.Money;

/** Refunds and compensations of an order, with their status, on the order page. */
@Component
public class PaymentOrderSection implements OrderPageSection {

    private final PaymentManagement payments;

    PaymentOrderSection(PaymentManagement payments) {
        this.payments = payments;
    }

    @Override
    public int position() {
        return 30;
    }

    @Override
    public String template() {
        return "payments/order-sections";
    }

    @Override
    public String fragment() {
        return "movements";
    }

    @Override
    public Object data(OrderDetails order, CurrentUser viewer, OrderPageReads page) {
        List<MovementView> movements = payments.movementsOfOrder(order.id());
        if (movements.isEmpty()) {
            return null;
        }
        Money refunded = movements.stream().filter(m -> m.kind() == MovementKind.REFUND).map(MovementView::amount)
                .reduce(Money.zero(order.paid().currency()), Money::plus);
        Money reversed = movements.stream().filter(m -> m.kind() == MovementKind.REVERSAL)
                .map(MovementView::amount).reduce(Money.zero(order.paid().currency()), Money::plus);
        refunded = refunded.minus(reversed);
        return new Data(movements, refunded, order.paid().minus(refunded), viewer.isPlatformStaff());
    }

    /**
     * @param refundable what can still be refunded
     * @param showCost   whether to show who bears the cost (platform staff only)
     */
    record Data(List<MovementView> movements, Money refunded, Money refundable, boolean showCost) {
    }
}

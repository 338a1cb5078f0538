package dev.aftersales.notifications.demo;

import java.time.Clock;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import dev.aftersales.identity.AccountManagement;
import dev.aftersales.identity.UserAccount;
import dev.aftersales.shared.NoticeRequested;
import dev.aftersales.shared.demo.DemoDataStep;

/**
 * The demo's inbox messages come from the demo's own moves (claims filed, answered, refunded, an oversold order
 * cancelled). This step adds a welcome for {@code buyer} and for the staff of each shop, published as
 * {@link NoticeRequested} events through the same outbox, so that every demo inbox has something to read.
 */
@Component
@Profile("demo")
class NotificationsDemoData implements DemoDataStep {

    private final AccountManagement accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    NotificationsDemoData(AccountManagement accounts, ApplicationEventPublisher events, Clock clock) {
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 900;
    }

    @Override
    public String name() {
        return "notifications";
    }

    @Override
    public void load() {
        accounts.byUsername("buyer").ifPresent(buyer -> events.publishEvent(new NoticeRequested(
                "demo-welcome:buyer:" + buyer.id(), buyer.id(), null, "notifications.demo.welcome.buyer",
                List.of(buyer.displayName()), "/buyer/orders", null, clock.instant())));
        for (String username : List.of("seller", "seller2", "seller3")) {
            accounts.byUsername(username).map(UserAccount::shopId).ifPresent(shopId -> events.publishEvent(
                    new NoticeRequested("demo-welcome:shop:" + shopId, null, shopId,
                            "notifications.demo.welcome.seller", List.of(), null, "/seller/claims",
                            clock.instant())));
        }
    }
}

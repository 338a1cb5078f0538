package dev.aftersales.platform.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Says where the desk is running and, in the demo profile, how to sign in. */
@Component
class StartupBanner {

    private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);

    private final Environment environment;

    StartupBanner(Environment environment) {
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    void announce() {
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        StringBuilder text = new StringBuilder("\n\n  Aftersales is running at http://localhost:" + port + "/\n");
        if (environment.matchesProfiles("demo")) {
            text.append("""

                      Demo accounts (password "demo"):
                        buyer    a buyer with orders in every shipping state
                        seller   staff of Sunny Orchard (also seller2: Bamboo Home, seller3: Pixel Gadgets)
                        agent    a platform specialist (also agent2)
                        admin    the platform operator
                      Integration API key: demo-storefront-key  (header X-Api-Key; docs at /swagger-ui.html)
                    """);
        }
        log.info(text.toString());
    }
}

package dev.aftersales.support;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application as {@code ./mvnw spring-boot:run} starts it: the {@code demo} profile loads the demo data, here into
 * a fresh database of its own on the run's PostgreSQL, so that the shared test database never holds demo accounts.
 * Every test class extending this one shares that one started application (one extra start for the suite). The
 * demo is dated from the test clock's start, as the real demo is from the moment it is loaded.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "aftersales.notifications.email.enabled=false", "spring.datasource.hikari.maximum-pool-size=10" })
@ActiveProfiles({ "test", "demo" })
@Import(TestConfig.class)
public abstract class DemoDataTest {

    /** Every demo account's password. */
    public static final String DEMO_PASSWORD = "demo";

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void demoDatabase(DynamicPropertyRegistry registry) {
        String url = TestDatabase.freshDatabase("aftersales_demo");
        registry.add("spring.datasource.url", () -> url);
    }
}

package dev.aftersales.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on the run's PostgreSQL, served on a random port (for browser and HTTP tests) and through
 * MockMvc. Every test class with this annotation shares one Spring context, so the suite starts the application
 * once. Tests create their own data (unique order numbers, accounts) and never assume an empty database; what
 * earlier classes left due is parked before each class ({@link EarlierWorkParked}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(TestConfig.class)
@ExtendWith(EarlierWorkParked.class)
public @interface AftersalesIntegrationTest {
}

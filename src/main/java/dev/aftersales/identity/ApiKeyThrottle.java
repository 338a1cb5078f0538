package dev.aftersales.identity;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import dev.aftersales.identity.internal.FailureCounter;

/**
 * Slows down guessing of integration API keys: a client address that sent {@code max-failures} wrong keys (20)
 * within {@code window} (a minute) is refused, without its key being looked at, until that minute is over. Calls
 * with a valid key are never counted. The counts are kept in each node's memory for at most
 * {@code aftersales.security.max-tracked-addresses} addresses (10,000; the least recently seen is forgotten first),
 * so with several nodes behind a load balancer an address may try up to the limit on each node.
 */
@Component
public class ApiKeyThrottle {

    private final FailureCounter failures;

    ApiKeyThrottle(Clock clock, @Value("${aftersales.security.api-key.max-failures:20}") int maxFailures,
            @Value("${aftersales.security.api-key.window:1m}") Duration window,
            @Value("${aftersales.security.max-tracked-addresses:10000}") int maxAddresses) {
        this.failures = new FailureCounter(clock, maxFailures, window, maxAddresses);
    }

    /** How long this client address must wait before its keys are looked at again, when it must. */
    public Optional<Duration> blockedFor(String clientAddress) {
        return failures.blockedFor(clientAddress);
    }

    /** Counts a wrong key sent from this address. */
    public void failed(String clientAddress) {
        failures.fail(clientAddress);
    }
}

package dev.aftersales.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.aftersales.support.MutableClock;

class FailureCounterTests {

    MutableClock clock = new MutableClock(Instant.parse("2026-12-01T08:00:00Z"));
    FailureCounter counter = new FailureCounter(clock, 3, Duration.ofMinutes(1), 100);

    @Test
    void blocksAKeyForTheRestOfItsWindowOnceItReachesTheLimit() {
        assertThat(counter.fail("a")).isEmpty();
        clock.advance(Duration.ofSeconds(10));
        assertThat(counter.fail("a")).isEmpty();
        assertThat(counter.blockedFor("a")).isEmpty();
        assertThat(counter.fail("a")).contains(Duration.ofSeconds(50));
        assertThat(counter.blockedFor("a")).contains(Duration.ofSeconds(50));
        assertThat(counter.blockedFor("b")).as("other keys are not touched").isEmpty();

        clock.advance(Duration.ofSeconds(50));
        assertThat(counter.blockedFor("a")).as("the window is over").isEmpty();
        assertThat(counter.fail("a")).as("counting starts again").isEmpty();
    }

    @Test
    void failuresSpreadOverSeveralWindowsNeverBlock() {
        for (int i = 0; i < 10; i++) {
            counter.fail("a");
            counter.fail("a");
            clock.advance(Duration.ofSeconds(61));
        }
        assertThat(counter.blockedFor("a")).isEmpty();
    }

    @Test
    void keepsAtMostItsSizeOfKeysWhateverIsSent() {
        for (int i = 0; i < 10_000; i++) {
            counter.fail("198.51.100." + i);
        }
        assertThat(counter.size()).isEqualTo(100);
        counter.fail("a");
        counter.fail("a");
        counter.fail("a");
        for (int i = 0; i < 99; i++) {
            counter.fail("203.0.113." + i);
        }
        assertThat(counter.blockedFor("a")).as("recently seen keys are kept").isPresent();
    }
}

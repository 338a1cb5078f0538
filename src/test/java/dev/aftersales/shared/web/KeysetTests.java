package dev.aftersales.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class KeysetTests {

    static final List<Keyset.Part> TIME_AND_ID = List.of(Keyset.Part.TIME, Keyset.Part.NUMBER);

    @Test
    void aPositionReadsBackAsTheValuesItWasMadeOf() {
        Instant at = Instant.parse("2026-11-02T10:00:00.123456Z");
        String token = Keyset.token(List.of(at, 12345L));
        assertThat(token).isEqualTo("2026-11-02T10:00:00.123456Z~12345");
        assertThat(Keyset.parse(token, TIME_AND_ID)).containsExactly(at, 12345L);
        assertThat(Keyset.parse("2026-11-02T10:00:00Z~-5000~7",
                List.of(Keyset.Part.TIME, Keyset.Part.NUMBER, Keyset.Part.NUMBER)))
                .containsExactly(Instant.parse("2026-11-02T10:00:00Z"), -5000L, 7L);
    }

    @Test
    void aPositionThatIsNotOneOfTheListsShapeCannotBeRead() {
        for (String token : List.of("", "~", "garbage", "2026-11-02T10:00:00Z", "2026-11-02T10:00:00Z~1~2",
                "2026-11-02T10:00:00Z~abc", "2026-13-45T99:00:00Z~1", "2026-11-02T10:00:00Z~99999999999999999999",
                "1999-12-31T23:59:59Z~1", "2100-01-01T00:00:01Z~1", "-1000000000-01-01T00:00:00Z~1",
                "2026-11-02T10:00:00Z~1 or 1=1", "2026-11-02T10:00:00Z~" + "1".repeat(120))) {
            assertThat(Keyset.parse(token, TIME_AND_ID)).as(token).isNull();
        }
    }

    @Test
    void aRowWithoutAValueForItsKeyHasNoPosition() {
        assertThat(Keyset.token(java.util.Arrays.asList(null, 1L))).isNull();
    }

    @Test
    void aRequestTakesAfterOverBeforeAndKeepsItsSizeWithinAPage() {
        var both = Keyset.Request.of("a", "b", 500);
        assertThat(both.after()).isEqualTo("a");
        assertThat(both.before()).isNull();
        assertThat(both.size()).isEqualTo(100);
        var blank = Keyset.Request.of(" ", "", 0);
        assertThat(blank.after()).isNull();
        assertThat(blank.before()).isNull();
        assertThat(blank.size()).isEqualTo(1);
    }
}

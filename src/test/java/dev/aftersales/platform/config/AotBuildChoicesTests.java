package dev.aftersales.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/**
 * What a jar processed ahead of time records of the settings it was built with, and which later starts it refuses
 * (docs/operations.md#starting-fast).
 */
class AotBuildChoicesTests {

    private static Properties embeddedDemoBuild() {
        return AotBuildChoices.of(new MockEnvironment()
                .withProperty("management.endpoints.web.exposure.include", "health,info,prometheus"));
    }

    @Test
    void theBuildRecordsTheDatabaseKindAndTheSettingsThatSwitchBeansOnOrOff() {
        Properties build = embeddedDemoBuild();

        assertThat(build).containsEntry("database", "embedded")
                .containsEntry("aftersales.demo.auto", "true")
                .containsEntry("aftersales.scheduling.enabled", "true")
                .containsEntry("aftersales.generate.orders", "")
                .containsEntry("spring.profiles.active", "")
                .containsEntry("management.endpoints.web.exposure.include", "health,info,prometheus");
    }

    @Test
    void aStartWithTheBuildsSettingsIsAccepted() {
        MockEnvironment now = new MockEnvironment()
                .withProperty("management.endpoints.web.exposure.include", "health,info,prometheus")
                .withProperty("aftersales.scheduling.enabled", "true")
                .withProperty("aftersales.embedded-db.data-dir", "/srv/desk/data")
                .withProperty("server.port", "8081");

        assertThat(AotBuildChoices.differences(embeddedDemoBuild(), AotBuildChoices.of(now))).isEmpty();
    }

    @Test
    void aStartOnAnExternalDatabaseIsRefusedNamingTheSetting() {
        MockEnvironment now = new MockEnvironment()
                .withProperty("management.endpoints.web.exposure.include", "health,info,prometheus")
                .withProperty("spring.datasource.url", "jdbc:postgresql://db:5432/aftersales");

        assertThat(AotBuildChoices.differences(embeddedDemoBuild(), AotBuildChoices.of(now))).containsExactly(
                "the jar was processed for the embedded database, this start asks for the external one "
                        + "(spring.datasource.url)");
    }

    @Test
    void aStartWithoutSweepsOrWithOtherEndpointsIsRefusedNamingEachSetting() {
        MockEnvironment now = new MockEnvironment()
                .withProperty("management.endpoints.web.exposure.include", "health,startup")
                .withProperty("aftersales.scheduling.enabled", "false");

        assertThat(AotBuildChoices.differences(embeddedDemoBuild(), AotBuildChoices.of(now))).containsExactly(
                "aftersales.scheduling.enabled is 'false' now, 'true' when the jar was processed",
                "management.endpoints.web.exposure.include is 'health,startup' now, 'health,info,prometheus' when "
                        + "the jar was processed");
    }
}

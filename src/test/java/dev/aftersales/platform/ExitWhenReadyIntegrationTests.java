package dev.aftersales.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.aftersales.support.DeskNode;

/**
 * The training run of a class-data archive or AOT cache (docs/operations.md#starting-fast): the desk started with
 * {@code aftersales.exit-when-ready=true} on its embedded PostgreSQL becomes ready, then stops by itself, and leaves no
 * PostgreSQL running on its data folder, so that the next start finds the folder as a clean stop leaves it.
 */
class ExitWhenReadyIntegrationTests {

    @TempDir
    Path folder;

    private Path dataFolder;

    @Test
    void aDeskAskedToExitWhenReadyStopsByItselfAndStopsItsEmbeddedPostgres() throws IOException {
        dataFolder = folder.resolve("postgres");
        try (DeskNode desk = DeskNode.start("training", Map.of(
                "aftersales.embedded-db.data-dir", dataFolder.toString(),
                "aftersales.demo.auto", "false",
                "aftersales.scheduling.enabled", "false",
                "aftersales.exit-when-ready", "true"), folder.resolve("logs"))) {

            int exitCode = desk.awaitExit(Duration.ofMinutes(5));

            assertThat(exitCode).as("exit code; log:%n%s", desk.logTail()).isZero();
            String log = Files.readString(folder.resolve("logs").resolve("training.log"));
            assertThat(log).contains("Started AftersalesApplication")
                    .contains("Ready; stopping now, as aftersales.exit-when-ready=true asks");
            assertThat(dataFolder.resolve("PG_VERSION")).as("the embedded PostgreSQL's data folder").exists();
            assertThat(dataFolder.resolve("postmaster.pid"))
                    .as("a PostgreSQL still running on the data folder; log:%n%s", desk.logTail()).doesNotExist();
        }
    }

    /** Whatever the test's outcome, no PostgreSQL it caused stays behind. */
    @AfterEach
    void stopALeftoverPostgres() throws IOException {
        Path pid = dataFolder == null ? null : dataFolder.resolve("postmaster.pid");
        if (pid != null && Files.exists(pid)) {
            List<String> lines = Files.readAllLines(pid);
            ProcessHandle.of(Long.parseLong(lines.get(0).trim())).ifPresent(ProcessHandle::destroy);
        }
    }
}

package dev.lalaland.bot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lalaland.bot.routine.RoutineRunner;
import dev.lalaland.bot.testing.ManualClock;
import dev.lalaland.bot.testing.ManualScheduler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HealthBeaconTest {
    private static final Instant NOW = Instant.parse("2026-11-29T06:00:00Z");

    @TempDir
    Path dir;

    private final AtomicBoolean connected = new AtomicBoolean(true);

    @Test
    void whileConnectedTheFileExistsEmptyWithTheTimeOfTheLastBeat() throws Exception {
        Path file = dir.resolve("alive");
        HealthBeacon beacon = new HealthBeacon(file, connected::get, Clock.fixed(NOW, ZoneOffset.UTC));
        beacon.beat();
        assertThat(file).isEmptyFile();
        assertThat(Files.getLastModifiedTime(file).toInstant()).isEqualTo(NOW);

        connected.set(false);
        new HealthBeacon(file, connected::get, Clock.fixed(NOW.plusSeconds(30), ZoneOffset.UTC)).beat();
        assertThat(Files.getLastModifiedTime(file).toInstant()).as("not touched while disconnected").isEqualTo(NOW);

        beacon.close();
        assertThat(file).doesNotExist();
    }

    @Test
    void onTheRoutineRunnerItBeatsEveryTenSecondsWhileConnectedAndNotAfterStop() throws Exception {
        Path file = dir.resolve("alive");
        ManualClock clock = new ManualClock(NOW);
        ManualScheduler scheduler = new ManualScheduler(clock);
        RoutineRunner routines = new RoutineRunner(clock, scheduler);
        HealthBeacon beacon = new HealthBeacon(file, connected::get, clock);
        routines.add(beacon);
        routines.start();

        scheduler.runDue();
        assertThat(file).as("the first beat comes at start").isEmptyFile();
        assertThat(Files.getLastModifiedTime(file).toInstant()).isEqualTo(NOW);
        scheduler.advance(Duration.ofSeconds(25));
        assertThat(Files.getLastModifiedTime(file).toInstant()).isEqualTo(NOW.plusSeconds(20));
        assertThat(routines.report()).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo("health file");
            assertThat(s.runs()).isEqualTo(3);
            assertThat(s.nextRun()).contains(NOW.plusSeconds(30));
        });

        connected.set(false);
        scheduler.advance(Duration.ofSeconds(60));
        assertThat(Files.getLastModifiedTime(file).toInstant()).as("the file ages while disconnected")
                .isEqualTo(NOW.plusSeconds(20));
        connected.set(true);
        scheduler.advance(Duration.ofSeconds(10));
        assertThat(Files.getLastModifiedTime(file).toInstant()).isEqualTo(NOW.plusSeconds(90));

        routines.stop();
        assertThat(scheduler.pending()).as("nothing left to run after stop").isZero();
        beacon.close();
        scheduler.advance(Duration.ofMinutes(1));
        assertThat(file).doesNotExist();
    }

    @Test
    void closingNeverDeletesAFileWithSomethingInIt() throws Exception {
        Path file = Files.writeString(dir.resolve("hostname"), "vm\n");
        new HealthBeacon(file, connected::get, Clock.fixed(NOW, ZoneOffset.UTC)).close();
        assertThat(file).hasContent("vm");

        Path folder = Files.createDirectory(dir.resolve("folder"));
        new HealthBeacon(folder, connected::get, Clock.fixed(NOW, ZoneOffset.UTC)).close();
        assertThat(folder).isDirectory();
    }
}

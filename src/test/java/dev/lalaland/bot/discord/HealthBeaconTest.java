package dev.lalaland.bot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
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
    void closingNeverDeletesAFileWithSomethingInIt() throws Exception {
        Path file = Files.writeString(dir.resolve("hostname"), "vm\n");
        new HealthBeacon(file, connected::get, Clock.fixed(NOW, ZoneOffset.UTC)).close();
        assertThat(file).hasContent("vm");

        Path folder = Files.createDirectory(dir.resolve("folder"));
        new HealthBeacon(folder, connected::get, Clock.fixed(NOW, ZoneOffset.UTC)).close();
        assertThat(folder).isDirectory();
    }
}

package dev.lalaland.bot.discord;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import dev.lalaland.bot.routine.Routine;
import dev.lalaland.bot.routine.RoutineRunner;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Touches a file every few seconds while the bot is connected to Discord, so a container
 * health check can tell "connected within the last minute" from the file's age alone,
 * without starting a JVM. A routine on the bot's {@link RoutineRunner}, like all its background
 * work; closing it (once the runner has stopped) removes the file.
 */
public final class HealthBeacon implements Routine, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HealthBeacon.class);
    static final Duration PERIOD = Duration.ofSeconds(10);

    private final Path file;
    private final BooleanSupplier connected;
    private final Clock clock;
    private boolean warned;

    public HealthBeacon(Path file, BooleanSupplier connected, Clock clock) {
        this.file = file;
        this.connected = connected;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "health file";
    }

    /** Beats, and again {@link #PERIOD} later; a beat never throws, so the file keeps its rhythm. */
    @Override
    public Optional<Instant> runOnce(Instant now) {
        beat();
        return Optional.of(now.plus(PERIOD));
    }

    @Override
    public Optional<Instant> afterFailure(Instant now) {
        return Optional.of(now.plus(PERIOD));
    }

    void beat() {
        if (!connected.getAsBoolean()) {
            return;
        }
        try {
            if (!Files.exists(file)) {
                Files.createFile(file);
            }
            Files.setLastModifiedTime(file, FileTime.from(clock.instant()));
            warned = false;
        } catch (IOException e) {
            if (!warned) {
                log.warn("cannot update health file {}: {}", file, e.getMessage());
                warned = true;
            }
        }
    }

    /**
     * Removes the file, which the bot only ever leaves empty: anything else is not its to delete.
     * Called after the runner has stopped, so no beat brings it back.
     */
    @Override
    public void close() {
        try {
            if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && Files.size(file) == 0) {
                Files.delete(file);
            }
        } catch (IOException e) {
            log.debug("could not remove health file: {}", e.getMessage());
        }
    }
}

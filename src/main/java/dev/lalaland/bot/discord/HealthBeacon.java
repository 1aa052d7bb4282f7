package dev.lalaland.bot.discord;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Touches a file every few seconds while the bot is connected to Discord, so a container
 * health check can tell "connected within the last minute" from the file's age alone,
 * without starting a JVM.
 */
public final class HealthBeacon implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HealthBeacon.class);
    static final long PERIOD_SECONDS = 10;

    private final Path file;
    private final BooleanSupplier connected;
    private final Clock clock;
    private ScheduledFuture<?> task;
    private boolean warned;

    public HealthBeacon(Path file, BooleanSupplier connected, Clock clock) {
        this.file = file;
        this.connected = connected;
        this.clock = clock;
    }

    public void start(ScheduledExecutorService scheduler) {
        task = scheduler.scheduleAtFixedRate(this::beat, 0, PERIOD_SECONDS, TimeUnit.SECONDS);
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

    /** Stops beating and removes the file, which the bot only ever leaves empty: anything else is not its to delete. */
    @Override
    public void close() {
        if (task != null) {
            task.cancel(false);
        }
        try {
            if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && Files.size(file) == 0) {
                Files.delete(file);
            }
        } catch (IOException e) {
            log.debug("could not remove health file: {}", e.getMessage());
        }
    }
}

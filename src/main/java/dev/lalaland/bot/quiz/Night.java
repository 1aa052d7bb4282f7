package dev.lalaland.bot.quiz;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * A quiz night in one channel. {@code seconds} is what the host asked for; {@code roundLength} is
 * how long each question really stays open (the same, except in tests that run nights quickly).
 * {@code style} says whether it is played in teams and with hints.
 */
public record Night(long id, String guildId, String channelId, String hostId, String hostName, int questionCount,
                    int seconds, Duration roundLength, String category, Difficulty difficulty, Status status,
                    Instant startedAt, NightStyle style) {

    /** A solo night without hints. */
    public Night(long id, String guildId, String channelId, String hostId, String hostName, int questionCount,
                 int seconds, Duration roundLength, String category, Difficulty difficulty, Status status,
                 Instant startedAt) {
        this(id, guildId, channelId, hostId, hostName, questionCount, seconds, roundLength, category, difficulty,
                status, startedAt, NightStyle.SOLO);
    }

    public enum Status {
        RUNNING, FINISHED, STOPPED, FAILED;

        String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Status of(String id) {
            return valueOf(id.toUpperCase(Locale.ROOT));
        }
    }

    public boolean running() {
        return status == Status.RUNNING;
    }
}

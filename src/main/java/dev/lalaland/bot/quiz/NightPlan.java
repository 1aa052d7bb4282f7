package dev.lalaland.bot.quiz;

import java.time.Duration;

/** What a host asked for with {@code /quiz start}; {@code category} and {@code difficulty} null for any. */
public record NightPlan(String guildId, String channelId, String hostId, String hostName, int questionCount,
                        int seconds, Duration roundLength, String category, Difficulty difficulty, NightStyle style) {

    /** A solo night without hints. */
    public NightPlan(String guildId, String channelId, String hostId, String hostName, int questionCount,
                     int seconds, Duration roundLength, String category, Difficulty difficulty) {
        this(guildId, channelId, hostId, hostName, questionCount, seconds, roundLength, category, difficulty,
                NightStyle.SOLO);
    }
}

package dev.lalaland.bot.onthisday;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;

/**
 * A server's daily-post settings as stored. Kept when the post is off, so {@code /config show}
 * can say what it was.
 *
 * @param nextPost  when the next post is due; null when the post is off
 * @param offReason why the bot turned the post off itself; null if it is on or an admin turned it off
 */
public record DailyPostSettings(String guildId, String channelId, LocalTime time, ZoneId zone,
                                Instant nextPost, String offReason) {

    public boolean on() {
        return nextPost != null;
    }

    public Optional<String> turnedOffBecause() {
        return Optional.ofNullable(offReason);
    }
}

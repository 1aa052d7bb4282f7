package dev.lalaland.bot.onthisday;

import java.util.Locale;

/** Where a claimed daily post stands; see {@code V3__daily_post.sql} for each meaning. */
public enum PostStatus {
    QUEUED, SENDING, SENT, UNKNOWN, FAILED, REFUSED, EXPIRED, CANCELLED;

    String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    static PostStatus fromColumn(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}

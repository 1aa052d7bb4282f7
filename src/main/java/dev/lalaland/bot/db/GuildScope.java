package dev.lalaland.bot.db;

import java.util.regex.Pattern;

/**
 * Whose stored state a process's background work (daily posts, quiz timers, their restart
 * recovery and clean-up) may touch: every server's (the bot), or one server's (console mode,
 * which must never post, claim or end anything of a real server, whatever database it opens).
 * Commands need no scope: each acts on the server it was typed in.
 *
 * @param onlyGuildId null for every server
 */
public record GuildScope(String onlyGuildId) {
    /** Server ids are Discord snowflakes: digits only, so one can be written into SQL as it is. */
    private static final Pattern SNOWFLAKE = Pattern.compile("\\d{1,20}");

    public GuildScope {
        if (onlyGuildId != null && !SNOWFLAKE.matcher(onlyGuildId).matches()) {
            throw new IllegalArgumentException("not a server id: " + onlyGuildId);
        }
    }

    public static GuildScope everyServer() {
        return new GuildScope(null);
    }

    public static GuildScope only(String guildId) {
        return new GuildScope(guildId);
    }

    /**
     * A condition to append to a {@code WHERE} clause: empty for every server, else
     * {@code " AND <column> = '<id>'"}. Written as a literal rather than bound, so that the
     * stores' statements keep their parameters as they are; the constructor admits digits only.
     */
    public String andColumnIsOurs(String column) {
        return onlyGuildId == null ? "" : " AND " + column + " = '" + onlyGuildId + "'";
    }
}

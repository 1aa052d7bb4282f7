package dev.lalaland.bot.db;

import dev.lalaland.bot.shard.ShardPlan;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Whose stored state a process's background work (daily posts, quiz timers, their restart
 * recovery and clean-up) may touch: every server's (one bot process), the servers on the shards
 * this process runs (one of several processes: another has the others' channels in its cache and
 * runs their timers), or one server's (console mode, which must never post, claim or end anything
 * of a real server, whatever database it opens). Commands need no scope: each acts on the server
 * it was typed in.
 */
public final class GuildScope {
    /** Server ids are Discord snowflakes: digits only, so one can be written into SQL as it is. */
    private static final Pattern SNOWFLAKE = Pattern.compile("\\d{1,20}");
    private static final GuildScope EVERY_SERVER = new GuildScope(null, true);

    /** The SQL condition on a column of server ids; null for none. */
    private final UnaryOperator<String> condition;
    private final boolean mayStandInForOthers;

    private GuildScope(UnaryOperator<String> condition, boolean mayStandInForOthers) {
        this.condition = condition;
        this.mayStandInForOthers = mayStandInForOthers;
    }

    public static GuildScope everyServer() {
        return EVERY_SERVER;
    }

    public static GuildScope only(String guildId) {
        if (guildId == null || !SNOWFLAKE.matcher(guildId).matches()) {
            throw new IllegalArgumentException("not a server id: " + guildId);
        }
        return new GuildScope(column -> column + " = '" + guildId + "'", false);
    }

    /**
     * The servers whose events come to this process: Discord's {@code (id >> 22) % total} on the
     * server id (stored as text; both SQLite's and PostgreSQL's {@code BIGINT} hold any snowflake).
     */
    public static GuildScope onShards(ShardPlan shards) {
        if (!shards.partial()) {
            return EVERY_SERVER;
        }
        List<Integer> run = shards.ids().orElseThrow();
        int total = shards.total().getAsInt();
        // Integers from the validated settings, never user input: written into the SQL as they are.
        String ids = run.stream().map(String::valueOf).collect(Collectors.joining(", "));
        return new GuildScope(column -> "((CAST(" + column + " AS BIGINT) >> 22) % " + total + ") IN (" + ids + ")",
                true);
    }

    /**
     * Whether this process may carry on the work of servers outside its scope whose own process has
     * stopped (a quiz night whose lease ran out): yes for a bot process, never for console mode.
     */
    public boolean mayStandInForOthers() {
        return mayStandInForOthers;
    }

    /**
     * A condition to append to a {@code WHERE} clause: empty for every server, else
     * {@code " AND <condition on column>"}. Written as literals rather than bound, so that the
     * stores' statements keep their parameters as they are; only digits are ever written.
     */
    public String andColumnIsOurs(String column) {
        return condition == null ? "" : " AND " + condition.apply(column);
    }

    @Override
    public String toString() {
        return condition == null ? "GuildScope[every server]" : "GuildScope[" + condition.apply("guild_id") + "]";
    }
}

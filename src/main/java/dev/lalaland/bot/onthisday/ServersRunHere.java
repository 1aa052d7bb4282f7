package dev.lalaland.bot.onthisday;

import dev.lalaland.bot.shard.ShardPlan;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The SQL condition "this server's shard is one this process runs", Discord's
 * {@code (id >> 22) % total} on a column of server ids (text: an id can be too large for some
 * drivers' integers, never for a 64-bit one, which is what both SQLite's and PostgreSQL's
 * {@code BIGINT} are). Every shard run here: no condition at all.
 */
final class ServersRunHere {
    private final String total;
    private final String ids;

    ServersRunHere(ShardPlan shards) {
        if (shards.partial()) {
            List<Integer> run = shards.ids().orElseThrow();
            this.total = Integer.toString(shards.total().getAsInt());
            // Integers from the validated settings, never user input: written into the SQL as they are.
            this.ids = run.stream().map(String::valueOf).collect(Collectors.joining(", "));
        } else {
            this.total = null;
            this.ids = null;
        }
    }

    /** The condition on {@code column}, to follow a WHERE or an AND. */
    String on(String column) {
        if (total == null) {
            return "1 = 1";
        }
        return "((CAST(" + column + " AS BIGINT) >> 22) % " + total + ") IN (" + ids + ")";
    }
}

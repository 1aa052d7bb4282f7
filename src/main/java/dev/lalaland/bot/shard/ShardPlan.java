package dev.lalaland.bot.shard;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Which gateway shards this process runs, out of how many. Discord sends each server's events on
 * one shard, {@code (server id >> 22) % total}, so a process that runs some of the shards is the
 * one that hears from (and posts for) the servers on them; the state itself is keyed by server,
 * never by shard, so any split or a new total leaves it as it was.
 */
public final class ShardPlan {
    /**
     * No bot needs more: Discord puts up to 2,500 servers on a shard. The bound catches a typo (a
     * stray digit) before it opens thousands of idle connections.
     */
    public static final int MAX_TOTAL = 100_000;

    private static final ShardPlan ALL = new ShardPlan(null, null);

    private final Integer total;
    private final List<Integer> ids;

    private ShardPlan(Integer total, List<Integer> ids) {
        this.total = total;
        this.ids = ids;
    }

    /** Every shard, as many as Discord recommends: one process for the whole bot. */
    public static ShardPlan all() {
        return ALL;
    }

    /** Every shard of {@code total}. */
    public static ShardPlan allOf(int total) {
        checkTotal(total);
        return new ShardPlan(total, null);
    }

    /** The shards {@code ids} of {@code total}; each must be in {@code 0..total-1}. */
    public static ShardPlan some(int total, SortedSet<Integer> ids) {
        checkTotal(total);
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("no shard ids");
        }
        if (ids.first() < 0 || ids.last() >= total) {
            throw new IllegalArgumentException("shard ids must be in 0.." + (total - 1) + ": " + ids);
        }
        return new ShardPlan(total, List.copyOf(ids));
    }

    private static void checkTotal(int total) {
        if (total < 1 || total > MAX_TOTAL) {
            throw new IllegalArgumentException("shard total must be in 1.." + MAX_TOTAL + ": " + total);
        }
    }

    /** The total set for the bot; empty to take the count Discord recommends. */
    public OptionalInt total() {
        return total == null ? OptionalInt.empty() : OptionalInt.of(total);
    }

    /** The shards this process runs, ascending; empty when it runs them all. */
    public Optional<List<Integer>> ids() {
        return Optional.ofNullable(ids);
    }

    /** True when this process runs only some of the shards, so other processes run the rest. */
    public boolean partial() {
        return ids != null && ids.size() < total;
    }

    /** Whether the server's events come to this process. */
    public boolean runsServer(String guildId) {
        return !partial() || ids.contains(shardOf(guildId, total));
    }

    /** Discord's rule: a server's events go to shard {@code (id >> 22) % total}. */
    public static int shardOf(String guildId, int total) {
        return (int) ((Long.parseUnsignedLong(guildId) >>> 22) % total);
    }

    /** As written in a setting: {@code 0-3} or {@code 0,2,5}. */
    public static String describe(List<Integer> ids) {
        if (ids.get(ids.size() - 1) - ids.get(0) == ids.size() - 1 && ids.size() > 2) {
            return ids.get(0) + "-" + ids.get(ids.size() - 1);
        }
        StringBuilder out = new StringBuilder();
        ids.forEach(id -> out.append(out.isEmpty() ? "" : ",").append(id));
        return out.toString();
    }

    @Override
    public String toString() {
        String of = total == null ? "Discord's count" : String.valueOf(total);
        return ids == null ? "all of " + of : describe(ids) + " of " + of;
    }

    /** Parses {@code 0-3}, {@code 0,2,5} or a mix ({@code 0-3,8}); each id once, ascending or not. */
    public static SortedSet<Integer> parseIds(String text) {
        SortedSet<Integer> ids = new TreeSet<>();
        for (String part : text.split(",", -1)) {
            String item = part.strip();
            if (item.isEmpty()) {
                throw new IllegalArgumentException("an empty item");
            }
            int dash = item.indexOf('-', 1);
            if (dash < 0) {
                ids.add(parseId(item));
                continue;
            }
            int from = parseId(item.substring(0, dash).strip());
            int to = parseId(item.substring(dash + 1).strip());
            if (to < from) {
                throw new IllegalArgumentException("the range " + item + " runs backwards");
            }
            if (to - from >= MAX_TOTAL) {
                throw new IllegalArgumentException("the range " + item + " is larger than " + MAX_TOTAL + " shards");
            }
            for (int id = from; id <= to; id++) {
                ids.add(id);
            }
        }
        return ids;
    }

    /** A whole number in 0..MAX_TOTAL (a larger one cannot be a shard id anyway). */
    public static int parseCount(String text) {
        return parseId(text);
    }

    private static int parseId(String text) {
        if (text.isEmpty() || text.length() > 6 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("'" + text + "' is not a whole number from 0 to " + MAX_TOTAL);
        }
        int value = Integer.parseInt(text);
        if (value > MAX_TOTAL) {
            throw new IllegalArgumentException("'" + text + "' is not a whole number from 0 to " + MAX_TOTAL);
        }
        return value;
    }
}

package dev.lalaland.bot.onthisday;

import dev.lalaland.bot.db.Database;
import dev.lalaland.bot.facts.Fact;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * Each server's fact of the day: no fact twice until every fact has been used, then a new round.
 * Used facts are stored per server by id ({@code daily_fact_used}); ids that left the data files
 * are ignored, new ones join the current round. Among the unused facts the pick is a hash of
 * server, date and fact: servers do not all post the same fact on the same day, and a test can
 * predict it.
 */
public final class FactRotation {
    private final Database database;

    public FactRotation(Database database) {
        this.database = database;
    }

    /** Picks and records the fact for that server's post of {@code date}; empty if there are no facts. */
    public Optional<Fact> next(String guildId, LocalDate date, List<Fact> facts) {
        if (facts.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(database.transaction(h -> {
            Set<String> used = new HashSet<>(h.select("SELECT fact_id FROM daily_fact_used WHERE guild_id = ?", guildId)
                    .mapTo(String.class).list());
            List<Fact> unused = facts.stream().filter(f -> !used.contains(f.id())).toList();
            if (unused.isEmpty()) {
                h.execute("DELETE FROM daily_fact_used WHERE guild_id = ?", guildId);
                unused = facts;
            }
            Fact pick = unused.stream().min(Comparator.comparingLong(f -> order(guildId, date, f.id()))).orElseThrow();
            h.execute("INSERT INTO daily_fact_used (guild_id, fact_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                    guildId, pick.id());
            return pick;
        }));
    }

    private static long order(String guildId, LocalDate date, String factId) {
        CRC32 crc = new CRC32();
        crc.update((guildId + "/" + date + "/" + factId).getBytes(StandardCharsets.UTF_8));
        return crc.getValue();
    }
}

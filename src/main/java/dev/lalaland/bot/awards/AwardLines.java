package dev.lalaland.bot.awards;

import dev.lalaland.bot.facts.Ceremony;
import dev.lalaland.bot.facts.Nomination;
import java.util.List;
import java.util.Map;
import dev.lalaland.bot.render.Budget;

/** One-line summaries of nominations, shared by the cast, song and awards cards. */
public final class AwardLines {
    private AwardLines() {
    }

    public static String outcome(Nomination n) {
        return switch (n.result()) {
            case "won" -> "🏆 Won";
            case "honored" -> "🎖️ Honored";
            default -> n.wonBy() == null ? "Nominated" : "Nominated; won by " + n.wonBy();
        };
    }

    /** {@code Best Actress, 89th Academy Awards: 🏆 Won}, one per line, within {@code maxChars}. */
    public static String list(List<Nomination> nominations, Map<String, Ceremony> ceremonies, int maxChars) {
        return list(nominations, ceremonies, Map.of(), maxChars);
    }

    /**
     * As {@link #list(List, Map, int)}, naming the song of a song's nomination where the card is
     * not that song's: a songwriter was nominated twice in one category, for two songs.
     */
    public static String list(List<Nomination> nominations, Map<String, Ceremony> ceremonies,
                              Map<String, String> songTitles, int maxChars) {
        List<String> lines = nominations.stream().map(n -> {
            Ceremony c = ceremonies.get(n.ceremony());
            String song = n.songId() == null ? null : songTitles.get(n.songId());
            return n.category() + (song == null ? "" : " (\"" + song + "\")") + ", "
                    + (c == null ? n.ceremony() : c.name()) + ": " + outcome(n);
        }).toList();
        return Budget.join(lines, "\n", maxChars, n -> "…and " + n + " more (see /awards)");
    }
}

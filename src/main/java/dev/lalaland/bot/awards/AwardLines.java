package dev.lalaland.bot.awards;

import dev.lalaland.bot.facts.Ceremony;
import dev.lalaland.bot.facts.Nomination;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

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
        StringJoiner out = new StringJoiner("\n");
        int used = 0;
        int shown = 0;
        for (Nomination n : nominations) {
            Ceremony c = ceremonies.get(n.ceremony());
            String line = n.category() + ", " + (c == null ? n.ceremony() : c.name()) + ": " + outcome(n);
            if (used + line.length() + 1 > maxChars - 20) {
                break;
            }
            out.add(line);
            used += line.length() + 1;
            shown++;
        }
        if (shown < nominations.size()) {
            out.add("…and " + (nominations.size() - shown) + " more (see /awards)");
        }
        return out.toString();
    }
}

package dev.lalaland.bot.render;

import java.util.List;
import java.util.StringJoiner;
import java.util.function.IntFunction;

/** Joins items while they fit a character budget, then says how many were left out. */
public final class Budget {
    private Budget() {
    }

    /**
     * @param overflow the text for the items left out, given how many (e.g. {@code n -> "+" + n + " more"})
     */
    public static String join(List<String> items, String separator, int maxChars, IntFunction<String> overflow) {
        StringJoiner out = new StringJoiner(separator);
        int reserve = overflow.apply(items.size()).length() + separator.length();
        int used = 0;
        int shown = 0;
        for (String item : items) {
            int cost = item.length() + (shown == 0 ? 0 : separator.length());
            if (used + cost > maxChars - reserve) {
                break;
            }
            out.add(item);
            used += cost;
            shown++;
        }
        if (shown < items.size()) {
            out.add(overflow.apply(items.size() - shown));
        }
        return out.toString();
    }
}

package dev.lalaland.bot.render;

import java.util.regex.Pattern;

/** What a user typed, shown back to them in a reply (an error naming their input). */
public final class UserText {
    /** Control characters and the marks that turn text right to left, which would garble the reply around them. */
    private static final Pattern UNPRINTABLE = Pattern.compile("[\\p{Cc}\\u202A-\\u202E\\u2066-\\u2069]+");

    private UserText() {
    }

    /**
     * {@code typed} as a code span: Discord shows it as typed, with no Markdown, spoilers, links
     * or mentions; on one line, cut to {@code max} characters.
     */
    public static String quoted(String typed, int max) {
        String flat = typed == null ? "" : UNPRINTABLE.matcher(typed).replaceAll(" ").strip().replace('`', '\'');
        return "`" + (flat.isEmpty() ? " " : DiscordLimits.truncate(flat, max)) + "`";
    }
}

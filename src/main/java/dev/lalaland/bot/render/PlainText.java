package dev.lalaland.bot.render;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prints a reply the way console mode shows it: title, description, each field as
 * {@code name: value}, buttons as {@code [label]}, attachments by file name. Discord's markdown
 * becomes plain text (links as {@code name <url>}, timestamps as UTC times), and a reply never
 * contains a blank line, so the blank line after it reliably ends it.
 */
public final class PlainText {
    private static final Pattern BLANK_LINES = Pattern.compile("\n\\s*\n+");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]+)]\\((https?://[^)\\s]+)\\)");
    private static final Pattern TIMESTAMP = Pattern.compile("<t:(\\d{1,12})(?::([tTdDfFR]))?>");
    /** A time followed by the same time as Discord's countdown, "(in 3 hours)": one time is enough here. */
    private static final Pattern TIME_AND_COUNTDOWN =
            Pattern.compile("(<t:(\\d{1,12})(?::[tTdDfF])?>) \\(<t:\\2:R>\\)");
    private static final DateTimeFormatter UTC_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    private static final Pattern EMPHASIS = Pattern.compile("\\*\\*|(?<![\\w*])\\*(?=\\S)|(?<=\\S)\\*(?![\\w*])|`");

    private static final String INDENT = "  ";

    private PlainText() {
    }

    /**
     * A link's URL as a reader wants to see it: parentheses, escaped only so that Markdown's
     * {@code [name](url)} could hold them, are shown as they are. Between {@code < >} the URL
     * still works when copied or clicked; nothing else is decoded, so it stays the same address.
     */
    static String readable(String url) {
        return url.replace("%28", "(").replace("%29", ")");
    }

    public static String render(Reply reply) {
        StringJoiner out = new StringJoiner("\n");
        if (!reply.content().isEmpty()) {
            out.add(reply.content());
        }
        for (Embed e : reply.embeds()) {
            if (e.title() != null) {
                out.add(e.title());
            }
            if (e.description() != null && !e.description().isEmpty()) {
                out.add(e.description());
            }
            for (Embed.Field f : e.fields()) {
                out.add(field(f));
            }
            if (e.footer() != null) {
                out.add(e.footer());
            }
        }
        for (var row : reply.buttonRows()) {
            StringJoiner buttons = new StringJoiner(" ");
            row.forEach(b -> buttons.add("[" + b.label() + "]"));
            out.add(buttons.toString());
        }
        for (Attachment a : reply.attachments()) {
            out.add("(attached: " + a.fileName() + ")");
        }
        if (reply.modal() != null) {
            form(reply.modal(), out);
        }
        return plain(BLANK_LINES.matcher(out.toString()).replaceAll("\n"));
    }

    /**
     * {@code name: value} on one line; a value of several lines goes under its name, each line
     * indented, so that it does not run into the next field.
     */
    private static String field(Embed.Field f) {
        if (!f.value().contains("\n")) {
            return f.name() + ": " + f.value();
        }
        return f.name() + ":\n" + INDENT + f.value().strip().replaceAll("\n\\s*", "\n" + INDENT);
    }

    /** A form as its title and one line per input: a select's values, or what text it takes. */
    private static void form(Modal modal, StringJoiner out) {
        out.add(modal.title());
        for (Modal.Input input : modal.inputs()) {
            String takes = input instanceof Modal.Select select
                    ? String.join(" | ", select.options().stream().map(Modal.Option::value).toList())
                    : "text, up to " + ((Modal.Text) input).maxLength() + " characters";
            out.add(input.id() + ": " + takes + (input.required() ? "" : " (optional)"));
        }
    }

    private static String plain(String markdown) {
        String links = LINK.matcher(markdown).replaceAll(m -> Matcher.quoteReplacement(
                m.group(1) + " <" + readable(m.group(2)) + ">"));
        String once = TIME_AND_COUNTDOWN.matcher(links).replaceAll("$1");
        // Discord shows a countdown ("in 20 seconds") as relative time; printed, it becomes "at" a time.
        String times = TIMESTAMP.matcher(once).replaceAll(m -> ("R".equals(m.group(2)) ? "at " : "")
                + UTC_TIME.format(Instant.ofEpochSecond(Long.parseLong(m.group(1)))));
        return EMPHASIS.matcher(times).replaceAll("");
    }
}

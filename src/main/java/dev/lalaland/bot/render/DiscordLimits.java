package dev.lalaland.bot.render;

import java.util.ArrayList;
import java.util.List;

/**
 * Discord's size limits for messages, embeds, components and autocomplete
 * (see discord-platform.md). {@link #violations} lets tests prove every reply fits;
 * {@link #clamp} is the last line of defence so an over-long data record degrades to a
 * truncated card instead of a failed interaction.
 */
public final class DiscordLimits {
    public static final int CONTENT = 2000;
    public static final int EMBEDS = 10;
    public static final int EMBED_TITLE = 256;
    public static final int EMBED_DESCRIPTION = 4096;
    public static final int EMBED_FIELDS = 25;
    public static final int FIELD_NAME = 256;
    public static final int FIELD_VALUE = 1024;
    public static final int FOOTER = 2048;
    public static final int EMBED_TOTAL = 6000;
    public static final int ACTION_ROWS = 5;
    public static final int BUTTONS_PER_ROW = 5;
    public static final int CUSTOM_ID = 100;
    public static final int BUTTON_LABEL = 80;
    public static final int AUTOCOMPLETE_CHOICES = 25;
    public static final int CHOICE_TEXT = 100;

    private DiscordLimits() {
    }

    public static List<String> violations(Reply reply) {
        List<String> problems = new ArrayList<>();
        if (reply.content().length() > CONTENT) {
            problems.add("content is " + reply.content().length() + " chars");
        }
        if (reply.content().isEmpty() && reply.embeds().isEmpty() && reply.attachments().isEmpty()) {
            problems.add("reply is empty");
        }
        if (reply.embeds().size() > EMBEDS) {
            problems.add(reply.embeds().size() + " embeds");
        }
        int total = 0;
        for (Embed e : reply.embeds()) {
            total += len(e.title()) + len(e.description()) + len(e.footer());
            check(problems, "embed title", e.title(), EMBED_TITLE);
            check(problems, "embed description", e.description(), EMBED_DESCRIPTION);
            check(problems, "embed footer", e.footer(), FOOTER);
            if (e.fields().size() > EMBED_FIELDS) {
                problems.add(e.fields().size() + " fields");
            }
            for (Embed.Field f : e.fields()) {
                total += len(f.name()) + len(f.value());
                check(problems, "field name", f.name(), FIELD_NAME);
                check(problems, "field value", f.value(), FIELD_VALUE);
                if (f.name() == null || f.name().isBlank() || f.value() == null || f.value().isBlank()) {
                    problems.add("blank field");
                }
            }
            if (len(e.title()) + len(e.description()) == 0 && e.fields().isEmpty() && e.imageAttachment() == null) {
                problems.add("empty embed");
            }
        }
        if (total > EMBED_TOTAL) {
            problems.add("embeds total " + total + " chars");
        }
        if (reply.buttonRows().size() > ACTION_ROWS) {
            problems.add(reply.buttonRows().size() + " button rows");
        }
        List<String> ids = new ArrayList<>();
        for (List<Button> row : reply.buttonRows()) {
            if (row.isEmpty() || row.size() > BUTTONS_PER_ROW) {
                problems.add("row of " + row.size() + " buttons");
            }
            for (Button b : row) {
                check(problems, "button label", b.label(), BUTTON_LABEL);
                if (b.id() == null || b.id().isEmpty() || b.id().length() > CUSTOM_ID) {
                    problems.add("custom id '" + b.id() + "'");
                }
                if (ids.contains(b.id())) {
                    problems.add("duplicate custom id " + b.id());
                }
                ids.add(b.id());
            }
        }
        return problems;
    }

    public static List<String> violations(List<Choice> choices) {
        List<String> problems = new ArrayList<>();
        if (choices.size() > AUTOCOMPLETE_CHOICES) {
            problems.add(choices.size() + " choices");
        }
        for (Choice c : choices) {
            if (!fitsChoice(c.name())) {
                problems.add("choice name '" + c.name() + "'");
            }
            if (!fitsChoice(c.value())) {
                problems.add("choice value '" + c.value() + "'");
            }
        }
        return problems;
    }

    /** Whether one choice may be offered as it is: checked per keystroke, so it builds no message. */
    public static boolean fits(Choice choice) {
        return fitsChoice(choice.name()) && fitsChoice(choice.value());
    }

    private static boolean fitsChoice(String text) {
        return !text.isEmpty() && text.length() <= CHOICE_TEXT;
    }

    /** Returns a reply that fits every limit, truncating text with an ellipsis where needed. */
    public static Reply clamp(Reply reply) {
        if (violations(reply).isEmpty()) {
            return reply; // the usual case: checking is cheaper than rebuilding every reply sent
        }
        Reply.Builder b = Reply.builder().content(truncate(reply.content(), CONTENT)).ephemeral(reply.ephemeral())
                .modal(reply.modal());
        int budget = EMBED_TOTAL;
        for (Embed e : reply.embeds().subList(0, Math.min(EMBEDS, reply.embeds().size()))) {
            Embed.Builder eb = Embed.builder(truncate(e.title(), EMBED_TITLE))
                    .description(truncate(e.description(), Math.min(EMBED_DESCRIPTION, Math.max(0, budget - 600))))
                    .footer(truncate(e.footer(), Math.min(FOOTER, 300)))
                    .image(e.imageAttachment());
            if (e.color() != null) {
                eb.color(e.color());
            }
            budget -= len(truncate(e.title(), EMBED_TITLE)) + len(truncate(e.description(), EMBED_DESCRIPTION))
                    + len(truncate(e.footer(), 300));
            for (Embed.Field f : e.fields().subList(0, Math.min(EMBED_FIELDS, e.fields().size()))) {
                String name = truncate(f.name(), FIELD_NAME);
                String value = truncate(f.value(), FIELD_VALUE);
                if (budget - name.length() - value.length() < 0) {
                    break;
                }
                budget -= name.length() + value.length();
                eb.field(name, value, f.inline());
            }
            b.embed(eb.build());
        }
        reply.buttonRows().stream().limit(ACTION_ROWS).forEach(row -> b.buttonRow(row.stream()
                .limit(BUTTONS_PER_ROW)
                .map(x -> new Button(x.id(), truncate(x.label(), BUTTON_LABEL), x.style(), x.disabled()))
                .toList()));
        reply.attachments().forEach(b::attachment);
        return b.build();
    }

    public static String truncate(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        return text.substring(0, Math.max(0, max - 1)) + "…";
    }

    private static void check(List<String> problems, String what, String text, int max) {
        if (text != null && text.length() > max) {
            problems.add(what + " is " + text.length() + " chars (max " + max + ")");
        }
    }

    private static int len(String s) {
        return s == null ? 0 : s.length();
    }
}

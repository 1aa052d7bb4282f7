package dev.lalaland.bot.render;

import java.util.StringJoiner;

/**
 * Prints a reply the way console mode shows it: title, description, each field as
 * {@code name: value}, buttons as {@code [label]}, attachments by file name.
 */
public final class PlainText {
    private PlainText() {
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
                out.add(f.name() + ": " + f.value());
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
        return out.toString();
    }
}

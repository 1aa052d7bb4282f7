package dev.lalaland.bot.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything the bot says, independent of Discord: the Discord layer turns it into a message,
 * the console prints it as text. Immutable; build with {@link #builder()} or the shortcuts.
 * A reply with a {@code modal} opens that form instead of sending a message (the answer to a
 * click only); its other parts are then unused.
 */
public record Reply(
        String content,
        List<Embed> embeds,
        List<List<Button>> buttonRows,
        List<Attachment> attachments,
        boolean ephemeral,
        Modal modal) {

    public Reply {
        content = content == null ? "" : content;
        embeds = List.copyOf(embeds);
        buttonRows = immutableRows(buttonRows);
        attachments = List.copyOf(attachments);
    }

    /** List.copyOf returns an immutable list as it is, so rows from the builder are not copied again. */
    private static List<List<Button>> immutableRows(List<List<Button>> rows) {
        List<List<Button>> copies = new ArrayList<>(rows.size());
        for (List<Button> row : rows) {
            copies.add(List.copyOf(row));
        }
        return List.copyOf(copies);
    }

    /** A short ephemeral message, for errors and private acknowledgements. */
    public static Reply privateText(String text) {
        return builder().content(text).ephemeral(true).build();
    }

    public static Reply text(String text) {
        return builder().content(text).build();
    }

    public static Reply embed(Embed embed) {
        return builder().embed(embed).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Opens {@code form} for the user who clicked. */
    public static Reply form(Modal form) {
        return builder().modal(Objects.requireNonNull(form)).build();
    }

    public List<Button> buttons() {
        return buttonRows.stream().flatMap(List::stream).toList();
    }

    public Builder toBuilder() {
        Builder b = new Builder().content(content).ephemeral(ephemeral).modal(modal);
        embeds.forEach(b::embed);
        buttonRows.forEach(b::buttonRow);
        attachments.forEach(b::attachment);
        return b;
    }

    public static final class Builder {
        private String content = "";
        private final ArrayList<Embed> embeds = new ArrayList<>();
        private final ArrayList<List<Button>> rows = new ArrayList<>();
        private final ArrayList<Attachment> attachments = new ArrayList<>();
        private boolean ephemeral;
        private Modal modal;

        public Builder content(String content) {
            this.content = Objects.requireNonNull(content);
            return this;
        }

        public Builder embed(Embed embed) {
            embeds.add(Objects.requireNonNull(embed));
            return this;
        }

        public Builder buttonRow(List<Button> row) {
            rows.add(List.copyOf(row));
            return this;
        }

        public Builder attachment(Attachment attachment) {
            attachments.add(Objects.requireNonNull(attachment));
            return this;
        }

        public Builder ephemeral(boolean ephemeral) {
            this.ephemeral = ephemeral;
            return this;
        }

        public Builder modal(Modal modal) {
            this.modal = modal;
            return this;
        }

        public Reply build() {
            return new Reply(content, embeds, rows, attachments, ephemeral, modal);
        }
    }
}

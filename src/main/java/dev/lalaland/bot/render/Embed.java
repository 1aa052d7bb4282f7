package dev.lalaland.bot.render;

import java.util.ArrayList;
import java.util.List;

/** A card: the shape of a Discord embed, with no Discord types. Null parts are simply absent. */
public record Embed(String title, String description, List<Field> fields, String footer, Integer color, String imageAttachment) {

    public Embed {
        fields = List.copyOf(fields);
    }

    public static Builder builder(String title) {
        return new Builder().title(title);
    }

    public record Field(String name, String value, boolean inline) {
    }

    public static final class Builder {
        private String title;
        private String description;
        private final List<Field> fields = new ArrayList<>();
        private String footer;
        private Integer color = Palette.NIGHT_BLUE;
        private String imageAttachment;

        public Builder title(String title) {
            this.title = title;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder field(String name, String value) {
            return field(name, value, false);
        }

        public Builder inlineField(String name, String value) {
            return field(name, value, true);
        }

        public Builder field(String name, String value, boolean inline) {
            if (value != null && !value.isBlank()) {
                fields.add(new Field(name, value, inline));
            }
            return this;
        }

        public Builder footer(String footer) {
            this.footer = footer;
            return this;
        }

        public Builder color(int color) {
            this.color = color;
            return this;
        }

        /** Shows an attached file (by file name) as the embed's image. */
        public Builder image(String attachmentName) {
            this.imageAttachment = attachmentName;
            return this;
        }

        public Embed build() {
            return new Embed(title, description, fields, footer, color, imageAttachment);
        }
    }
}

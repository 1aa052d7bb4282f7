package dev.lalaland.bot.render;

/** A clickable button; {@code id} is what comes back when someone clicks it (at most 100 chars). */
public record Button(String id, String label, Style style, boolean disabled) {

    public enum Style { PRIMARY, SECONDARY, SUCCESS, DANGER }

    public static Button of(String id, String label) {
        return new Button(id, label, Style.PRIMARY, false);
    }
}

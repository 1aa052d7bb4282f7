package dev.lalaland.bot.render;

/** One autocomplete suggestion: what the user sees and the value sent back when picked. */
public record Choice(String name, String value) {
}

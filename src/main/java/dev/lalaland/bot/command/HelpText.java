package dev.lalaland.bot.command;

/**
 * A command's entry in {@code /help}, written beside the command itself: how it is typed
 * ({@code /cast [name]}) and a few lines on what it answers, with an example.
 */
public record HelpText(String usage, String text) {
}

package dev.lalaland.bot.command;

/** The user is typing {@code typed} into option {@code option}. */
public record AutocompleteRequest(String command, String subcommand, String option, String typed, Invoker invoker) {
}

package dev.lalaland.bot.command;

import java.util.List;

/**
 * One option of a slash command. An option has fixed {@code choices} or {@code autocomplete},
 * never both (Discord's rule); {@code min}/{@code max} bound integer options.
 */
public record OptionSpec(String name, String description, OptionKind kind, boolean required,
                         boolean autocomplete, List<String> choices, Long min, Long max) {

    public OptionSpec {
        choices = List.copyOf(choices);
        if (autocomplete && !choices.isEmpty()) {
            throw new IllegalArgumentException(name + ": autocomplete and choices are exclusive");
        }
    }

    public static OptionSpec text(String name, String description) {
        return new OptionSpec(name, description, OptionKind.STRING, false, false, List.of(), null, null);
    }

    public static OptionSpec autocompleted(String name, String description) {
        return new OptionSpec(name, description, OptionKind.STRING, false, true, List.of(), null, null);
    }

    public static OptionSpec choice(String name, String description, List<String> choices) {
        return new OptionSpec(name, description, OptionKind.STRING, false, false, choices, null, null);
    }

    public static OptionSpec integer(String name, String description, long min, long max) {
        return new OptionSpec(name, description, OptionKind.INTEGER, false, false, List.of(), min, max);
    }

    public static OptionSpec bool(String name, String description) {
        return new OptionSpec(name, description, OptionKind.BOOLEAN, false, false, List.of(), null, null);
    }

    public static OptionSpec channel(String name, String description) {
        return new OptionSpec(name, description, OptionKind.CHANNEL, false, false, List.of(), null, null);
    }

    /** A member of the server; the command receives their user id. */
    public static OptionSpec user(String name, String description) {
        return new OptionSpec(name, description, OptionKind.USER, false, false, List.of(), null, null);
    }

    public OptionSpec asRequired() {
        return new OptionSpec(name, description, kind, true, autocomplete, choices, min, max);
    }
}

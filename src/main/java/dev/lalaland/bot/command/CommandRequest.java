package dev.lalaland.bot.command;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** A slash command invocation: option values as the user gave them (channel and user options as ids). */
public record CommandRequest(String command, String subcommand, Map<String, String> options,
                             Invoker invoker, Instant receivedAt) {

    /** Discord allows 6,000 characters in an option; nothing we accept needs more than this. */
    public static final int MAX_TEXT = 200;

    public CommandRequest {
        options = Map.copyOf(options);
    }

    public Optional<String> text(String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        if (value.length() > MAX_TEXT) {
            throw new UserInputException("`" + name + "` is too long (" + value.length()
                    + " characters); keep it under " + MAX_TEXT + ".");
        }
        return Optional.of(value.strip());
    }

    /** An integer option, checked against its range again: Discord's own check can be bypassed. */
    public int integer(String name, int defaultValue, int min, int max) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        long parsed;
        try {
            parsed = Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new UserInputException("`" + name + "` must be a whole number from " + min + " to " + max + ".");
        }
        if (parsed < min || parsed > max) {
            throw new UserInputException("`" + name + "` must be from " + min + " to " + max + " (you gave " + parsed + ").");
        }
        return (int) parsed;
    }

    /** A true/false option ({@code true} or {@code false}, as Discord sends it and the console takes it). */
    public boolean bool(String name, boolean defaultValue) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new UserInputException("`" + name + "` must be true or false.");
        };
    }

    /** A fixed-choice option, checked against its choices again. */
    public Optional<String> choice(String name, List<String> allowed) {
        return text(name).map(value -> {
            String lower = value.toLowerCase(Locale.ROOT);
            if (!allowed.contains(lower)) {
                throw new UserInputException("`" + name + "` must be one of: " + String.join(", ", allowed) + ".");
            }
            return lower;
        });
    }
}

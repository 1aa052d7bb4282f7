package dev.lalaland.bot.command;

/**
 * A problem with what the user typed. Its message is shown to that user only, so it must say
 * what was wrong and what is accepted.
 */
public class UserInputException extends RuntimeException {
    public UserInputException(String message) {
        super(message, null, false, false);
    }
}

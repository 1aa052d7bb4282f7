package dev.lalaland.bot.discord;

/** Discord could not be reached at start-up (a network outage, or a URL that leads nowhere); the message says where. */
public final class DiscordUnreachableException extends RuntimeException {
    DiscordUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}

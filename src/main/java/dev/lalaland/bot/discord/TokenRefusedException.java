package dev.lalaland.bot.discord;

/**
 * Discord refused the bot's token at start-up. Our own type rather than JDA's, so that the code
 * outside {@code discord/} that reports it (the exit code and message) names no JDA type.
 */
public final class TokenRefusedException extends RuntimeException {
    TokenRefusedException(Throwable cause) {
        super("DISCORD_TOKEN was refused by Discord", cause);
    }
}

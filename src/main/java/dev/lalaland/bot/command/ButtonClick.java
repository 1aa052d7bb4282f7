package dev.lalaland.bot.command;

import java.time.Instant;

/** A click on a button the bot posted; {@code customId} is the id the bot gave the button. */
public record ButtonClick(String customId, String messageId, Invoker invoker, Instant receivedAt) {

    /** The part of the id after the handler's prefix ({@code "quiz:abc"} gives {@code "abc"}). */
    public String argument() {
        int colon = customId.indexOf(':');
        return colon < 0 ? "" : customId.substring(colon + 1);
    }
}

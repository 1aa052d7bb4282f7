package dev.lalaland.bot.command;

import dev.lalaland.bot.render.Reply;
import java.util.concurrent.CompletableFuture;

/**
 * Posts and edits ordinary channel messages, outside any interaction (quiz nights, daily
 * posts). Futures fail with {@link DeliveryException} when Discord refuses.
 */
public interface Outbox {

    /** Completes with the new message's id. */
    CompletableFuture<String> post(String channelId, Reply message);

    CompletableFuture<Void> edit(String channelId, String messageId, Reply message);
}

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

    /**
     * Like {@link #post(String, Reply)}, with a nonce (at most 25 characters) that Discord uses to
     * drop a repeat: with {@code enforce_nonce}, a second message with the same nonce from the bot
     * within a few minutes is not created. A retry after an unclear failure (a timeout that did
     * post) then cannot post twice. An implementation that cannot pass a nonce on posts normally.
     */
    default CompletableFuture<String> post(String channelId, Reply message, String nonce) {
        return post(channelId, message);
    }

    CompletableFuture<Void> edit(String channelId, String messageId, Reply message);
}

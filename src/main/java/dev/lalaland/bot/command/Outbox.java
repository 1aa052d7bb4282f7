package dev.lalaland.bot.command;

import dev.lalaland.bot.render.Reply;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * Posts and edits ordinary channel messages, outside any interaction (quiz nights, daily
 * posts). Futures fail with {@link DeliveryException} when Discord refuses.
 */
public interface Outbox {

    /**
     * How long after a post with a nonce a repeat of it is surely dropped: Discord keeps nonces
     * for "the past few minutes". A post whose outcome is unknown (the bot stopped while it was
     * under way) may be sent again within this time, and only then.
     */
    Duration REPEATS_DROPPED_WITHIN = Duration.ofMinutes(2);

    /**
     * Whether a post whose outcome is unknown, first tried at {@code firstTried}, may be sent
     * again with its nonce: only while Discord would drop the repeat, since the first may have
     * arrived. A post missed is better than one shown twice.
     */
    static boolean mayPostAgain(Instant firstTried, Instant now) {
        return !now.isAfter(firstTried.plus(REPEATS_DROPPED_WITHIN));
    }

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

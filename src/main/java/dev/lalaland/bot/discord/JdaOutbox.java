package dev.lalaland.bot.discord;

import dev.lalaland.bot.command.DeliveryException;
import dev.lalaland.bot.command.Outbox;
import dev.lalaland.bot.render.Reply;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.function.Supplier;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.InsufficientPermissionException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.sharding.ShardManager;

/** Posts channel messages through JDA, sorting Discord's refusals into permanent and passing ones. */
final class JdaOutbox implements Outbox {
    private static final Set<ErrorResponse> PERMANENT = EnumSet.of(
            ErrorResponse.MISSING_ACCESS, ErrorResponse.MISSING_PERMISSIONS, ErrorResponse.UNKNOWN_CHANNEL,
            ErrorResponse.UNKNOWN_GUILD, ErrorResponse.UNKNOWN_MESSAGE, ErrorResponse.CANNOT_SEND_TO_USER);

    private final Supplier<ShardManager> shards;
    private final JdaMessages messages;

    JdaOutbox(Supplier<ShardManager> shards, JdaMessages messages) {
        this.shards = shards;
        this.messages = messages;
    }

    @Override
    public CompletableFuture<String> post(String channelId, Reply message) {
        return withChannel(channelId, channel -> channel.sendMessage(messages.create(message)).submit()
                .thenApply(sent -> sent.getId()), null);
    }

    /**
     * JDA sends {@code enforce_nonce} with every message; here the nonce is ours, the same on each
     * retry. A channel not in the cache (a server whose shard another process runs) is posted to by
     * its id, with the same nonce.
     */
    @Override
    public CompletableFuture<String> post(String channelId, Reply message, String nonce) {
        return withChannel(channelId, channel -> channel.sendMessage(messages.create(message)).setNonce(nonce)
                .submit().thenApply(sent -> sent.getId()),
                jda -> MessagesById.post(jda, channelId, messages.create(message), nonce));
    }

    @Override
    public CompletableFuture<Void> edit(String channelId, String messageId, Reply message) {
        return withChannel(channelId, channel -> channel.editMessageById(messageId, messages.edit(message)).submit()
                .thenApply(edited -> (Void) null),
                jda -> MessagesById.edit(jda, channelId, messageId, messages.edit(message)));
    }

    /**
     * Sends through the cached channel; without one, through {@code byId} if given (any connected
     * shard's REST client reaches any channel; Discord's answer then says if the channel is gone).
     */
    private <T> CompletableFuture<T> withChannel(String channelId,
                                                 Function<GuildMessageChannel, CompletableFuture<T>> send,
                                                 Function<JDA, CompletableFuture<T>> byId) {
        ShardManager manager = shards.get();
        GuildMessageChannel channel = manager.getChannelById(GuildMessageChannel.class, channelId);
        if (channel == null && byId != null) {
            Optional<JDA> rest = manager.getShards().stream().filter(jda -> jda.getStatus() == JDA.Status.CONNECTED)
                    .findFirst();
            if (rest.isPresent()) {
                try {
                    return byId.apply(rest.get()).exceptionallyCompose(e -> CompletableFuture.failedFuture(classify(e)));
                } catch (RuntimeException e) {
                    return CompletableFuture.failedFuture(classify(e));
                }
            }
        }
        if (channel == null) {
            // While a shard reconnects or a guild is unavailable (a Discord outage), the cache
            // lacks channels that still exist: not a reason to give up on them for good.
            boolean cacheComplete = manager.getShards().stream().allMatch(
                    jda -> jda.getStatus() == JDA.Status.CONNECTED && jda.getUnavailableGuilds().isEmpty());
            return CompletableFuture.failedFuture(new DeliveryException(cacheComplete
                    ? "channel " + channelId + " is gone or the bot cannot see it"
                    : "channel " + channelId + " is not in the cache while Discord reconnects", cacheComplete, null));
        }
        try {
            return send.apply(channel).exceptionallyCompose(e -> CompletableFuture.failedFuture(classify(e)));
        } catch (InsufficientPermissionException e) {
            return CompletableFuture.failedFuture(classify(e));
        }
    }

    static DeliveryException classify(Throwable failure) {
        Throwable e = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (e instanceof DeliveryException delivery) {
            return delivery;
        }
        if (e instanceof InsufficientPermissionException missing) {
            return new DeliveryException("the bot lacks the " + missing.getPermission().getName()
                    + " permission in that channel", true, e);
        }
        if (e instanceof ErrorResponseException response) {
            boolean permanent = PERMANENT.contains(response.getErrorResponse());
            return new DeliveryException(response.getMeaning() + " (Discord error " + response.getErrorCode() + ")",
                    permanent, e);
        }
        return new DeliveryException("could not reach Discord: " + e.getMessage(), false, e);
    }
}

package dev.lalaland.bot.discord;

import dev.lalaland.bot.command.DeliveryException;
import dev.lalaland.bot.command.Outbox;
import dev.lalaland.bot.render.Reply;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
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

    JdaOutbox(Supplier<ShardManager> shards) {
        this.shards = shards;
    }

    @Override
    public CompletableFuture<String> post(String channelId, Reply message) {
        return withChannel(channelId, channel -> channel.sendMessage(JdaMessages.create(message)).submit()
                .thenApply(sent -> sent.getId()));
    }

    @Override
    public CompletableFuture<Void> edit(String channelId, String messageId, Reply message) {
        return withChannel(channelId, channel -> channel.editMessageById(messageId, JdaMessages.edit(message)).submit()
                .thenApply(edited -> (Void) null));
    }

    private <T> CompletableFuture<T> withChannel(String channelId,
                                                 java.util.function.Function<GuildMessageChannel, CompletableFuture<T>> send) {
        GuildMessageChannel channel = shards.get().getChannelById(GuildMessageChannel.class, channelId);
        if (channel == null) {
            return CompletableFuture.failedFuture(new DeliveryException(
                    "channel " + channelId + " is gone or the bot cannot see it", true, null));
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

package dev.lalaland.bot.discord;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.requests.Request;
import net.dv8tion.jda.api.requests.Response;
import net.dv8tion.jda.api.requests.Route;
import net.dv8tion.jda.api.utils.AttachedFile;
import net.dv8tion.jda.api.utils.data.DataObject;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import net.dv8tion.jda.internal.requests.RestActionImpl;
import okhttp3.RequestBody;

/**
 * Posts and edits messages in a channel known only by its id: one of a server whose shard another
 * process runs, so this process's cache has neither the server nor the channel (a quiz night
 * taken over after that process stopped). JDA's channel objects need the cache, so these are the
 * same REST calls JDA makes for them ({@code POST /channels/{id}/messages} and {@code PATCH
 * .../messages/{id}}), built on JDA's request class so they share its rate limiter and retries.
 * That class is JDA's internal API: a JDA upgrade may need this file changed, and the night
 * takeover's end-to-end test shows it.
 */
final class MessagesById {
    private MessagesById() {
    }

    /** Completes with the new message's id; with {@code enforce_nonce}, as JDA sends every message. */
    static CompletableFuture<String> post(JDA jda, String channelId, MessageCreateData message, String nonce) {
        return new Send<String>(jda, Route.Messages.SEND_MESSAGE.compile(channelId), message.toData(),
                new LinkedHashSet<>(message.getAllDistinctFiles()), nonce, true).submit();
    }

    static CompletableFuture<Void> edit(JDA jda, String channelId, String messageId, MessageEditData message) {
        return new Send<Void>(jda, Route.Messages.EDIT_MESSAGE.compile(channelId, messageId), message.toData(),
                new LinkedHashSet<>(message.getAllDistinctFiles()), null, false).submit();
    }

    /** One request: the message's JSON, its files as a multipart body when it has any. */
    private static final class Send<T> extends RestActionImpl<T> {
        private final DataObject json;
        private final Set<? extends AttachedFile> files;
        private final boolean returnsId;

        Send(JDA jda, Route.CompiledRoute route, DataObject json, Set<? extends AttachedFile> files, String nonce,
             boolean returnsId) {
            super(jda, route);
            this.json = json;
            this.files = files;
            this.returnsId = returnsId;
            if (nonce != null) {
                json.put("enforce_nonce", true).put("nonce", nonce);
            }
        }

        @Override
        protected RequestBody finalizeData() {
            return getMultipartBody(files, json);
        }

        @SuppressWarnings("unchecked")
        @Override
        protected void handleSuccess(Response response, Request<T> request) {
            request.onSuccess(returnsId ? (T) response.getObject().getString("id") : null);
        }
    }
}

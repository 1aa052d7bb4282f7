package dev.lalaland.bot.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** All messages the fake knows, and the JSON Discord would build for them. */
final class MessageStore {
    static final int EPHEMERAL = 1 << 6;
    static final int LOADING = 1 << 7;

    /** Message types as Discord numbers them. */
    static final int DEFAULT = 0;
    static final int REPLY = 19;
    static final int CHAT_INPUT_COMMAND = 20;

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx");

    private final FakeGuild.User bot;
    private final Function<String, FakeGuild> guildOfChannel;
    private final Map<String, FakeMessage> byId = new ConcurrentHashMap<>();
    /** Creation order of every message; guarded by itself. */
    private final List<FakeMessage> ordered = new ArrayList<>();

    MessageStore(FakeGuild.User bot, Function<String, FakeGuild> guildOfChannel) {
        this.bot = bot;
        this.guildOfChannel = guildOfChannel;
    }

    /**
     * Creates a message from a bot payload (content, embeds, components, flags, ...).
     *
     * @param interaction the INTERACTION_CREATE payload for replies/follow-ups, else null
     */
    FakeMessage create(
            String channelId,
            JsonNode payload,
            List<UploadedFile> files,
            FakeMessage.Source source,
            ObjectNode interaction,
            int extraFlags) {
        ObjectNode json = base(Snowflakes.next(), channelId);
        int type = DEFAULT;
        if (payload.hasNonNull("message_reference")) {
            type = REPLY;
            ObjectNode ref = payload.get("message_reference").deepCopy();
            ref.put("channel_id", ref.path("channel_id").asText(channelId));
            json.set("message_reference", ref);
        }
        if (interaction != null) {
            // Replies to slash commands show as "used /cmd"; replies to components as plain messages.
            if (source == FakeMessage.Source.INTERACTION_REPLY && interaction.path("type").asInt() == 2) {
                type = CHAT_INPUT_COMMAND;
            }
            json.put("webhook_id", interaction.path("application_id").asText());
            json.put("application_id", interaction.path("application_id").asText());
            ObjectNode meta = json.putObject("interaction_metadata")
                    .put("id", interaction.path("id").asText())
                    .put("type", interaction.path("type").asInt());
            meta.set("user", interaction.path("member").path("user").deepCopy());
            meta.set("authorizing_integration_owners", interaction.path("authorizing_integration_owners").deepCopy());
        }
        json.put("type", type);
        json.put("tts", payload.path("tts").asBoolean(false));
        json.put("flags", payload.path("flags").asInt(0) | extraFlags);
        applyContent(json, payload, files, List.of());
        FakeMessage message = new FakeMessage(
                json, source, interaction == null ? null : interaction.path("id").asText(), files);
        put(message);
        return message;
    }

    /** A message the bot never sent (e.g. clicked by id in a test): authored by the bot, no content. */
    FakeMessage getOrCreateExternal(String messageId, String channelId) {
        FakeMessage existing = byId.get(messageId);
        if (existing != null) {
            return existing;
        }
        synchronized (ordered) {
            return byId.computeIfAbsent(messageId, id -> {
                ObjectNode json = base(id, channelId).put("type", DEFAULT).put("tts", false).put("flags", 0);
                json.put("content", "");
                json.putArray("embeds");
                json.putArray("components");
                json.putArray("attachments");
                FakeMessage m = new FakeMessage(json, FakeMessage.Source.EXTERNAL, null, List.of());
                ordered.add(m);
                return m;
            });
        }
    }

    /** Applies an edit (PATCH body / update callback data): only fields present change. */
    FakeMessage edit(FakeMessage message, JsonNode payload, List<UploadedFile> files) {
        synchronized (message) {
            ObjectNode next = message.currentForEdit();
            // Ephemerality cannot change; the loading flag of a deferred reply goes away with the first edit.
            int oldFlags = next.path("flags").asInt(0);
            int flags = payload.has("flags") ? payload.path("flags").asInt(0) : oldFlags;
            next.put("flags", (flags & ~(LOADING | EPHEMERAL)) | (oldFlags & EPHEMERAL));
            List<JsonNode> kept = new ArrayList<>();
            next.path("attachments").forEach(kept::add);
            applyContent(next, payload, files, kept);
            next.put("edited_timestamp", now());
            message.replace(next, files);
        }
        return message;
    }

    private ObjectNode base(String id, String channelId) {
        ObjectNode json = Json.obj().put("id", id).put("channel_id", channelId);
        FakeGuild guild = guildOfChannel.apply(channelId);
        if (guild != null) {
            json.put("guild_id", guild.id());
        }
        json.set("author", bot.toJson());
        json.put("timestamp", now());
        json.putNull("edited_timestamp");
        json.put("mention_everyone", false);
        json.putArray("mentions");
        json.putArray("mention_roles");
        json.putArray("mention_channels");
        json.put("pinned", false);
        return json;
    }

    /**
     * Sets content/embeds/components/attachments from a payload. On edits only the fields the
     * payload has change; on create, absent ones become empty.
     */
    private void applyContent(ObjectNode json, JsonNode payload, List<UploadedFile> files, List<JsonNode> existing) {
        boolean create = !json.has("content");
        if (payload.has("content") || create) {
            json.put("content", payload.path("content").asText(""));
        }
        if (payload.has("embeds") || create) {
            ArrayNode embeds = json.putArray("embeds");
            for (JsonNode e : payload.path("embeds")) {
                ObjectNode embed = e.deepCopy();
                if (!embed.hasNonNull("type")) {
                    embed.put("type", "rich"); // Discord adds it; JDA refuses embeds without
                }
                embeds.add(embed);
            }
        }
        if (payload.has("components") || create) {
            json.set("components", payload.path("components").isArray() ? payload.get("components").deepCopy() : Json.arr());
        }
        if (payload.has("poll")) {
            json.set("poll", payload.get("poll").deepCopy());
        }
        if (payload.has("attachments") || !files.isEmpty() || create) {
            json.set("attachments", attachments(payload, files, existing));
        }
    }

    /**
     * Existing attachments listed by id in {@code payload.attachments} stay (all stay when the
     * payload has no list); each uploaded {@code files[n]} becomes a new one.
     */
    private static ArrayNode attachments(JsonNode payload, List<UploadedFile> files, List<JsonNode> existing) {
        Map<String, JsonNode> described = new HashMap<>();
        for (JsonNode a : payload.path("attachments")) {
            described.put(a.path("id").asText(), a);
        }
        ArrayNode out = Json.arr();
        for (JsonNode a : existing) {
            if (!payload.has("attachments") || described.containsKey(a.path("id").asText())) {
                out.add(a);
            }
        }
        for (int i = 0; i < files.size(); i++) {
            UploadedFile f = files.get(i);
            String index = f.field().replaceAll("\\D", "");
            JsonNode meta = described.getOrDefault(index.isEmpty() ? Integer.toString(i) : index, Json.obj());
            String id = Snowflakes.next();
            String filename = meta.hasNonNull("filename") ? meta.get("filename").asText() : f.filename();
            ObjectNode a = out.addObject()
                    .put("id", id)
                    .put("filename", filename)
                    .put("size", f.size())
                    .put("url", "https://cdn.fake-discord.invalid/attachments/" + id + "/" + filename)
                    .put("proxy_url", "https://media.fake-discord.invalid/attachments/" + id + "/" + filename);
            if (f.contentType() != null) {
                a.put("content_type", f.contentType());
            }
            if (meta.hasNonNull("description")) {
                a.put("description", meta.get("description").asText());
            }
        }
        return out;
    }

    private void put(FakeMessage m) {
        synchronized (ordered) {
            byId.put(m.id(), m);
            ordered.add(m);
        }
    }

    FakeMessage get(String id) {
        return byId.get(id);
    }

    List<FakeMessage> all() {
        synchronized (ordered) {
            return List.copyOf(ordered);
        }
    }

    List<FakeMessage> inChannel(String channelId, boolean includeHidden) {
        List<FakeMessage> out = new ArrayList<>();
        for (FakeMessage m : all()) {
            if (m.channelId().equals(channelId) && (includeHidden || (!m.deleted() && !m.ephemeral()))) {
                out.add(m);
            }
        }
        return out;
    }

    void clear() {
        synchronized (ordered) {
            byId.clear();
            ordered.clear();
        }
    }

    static String now() {
        return OffsetDateTime.now(ZoneOffset.UTC).format(TIMESTAMP);
    }
}

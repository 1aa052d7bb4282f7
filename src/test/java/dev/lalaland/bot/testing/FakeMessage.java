package dev.lalaland.bot.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A message the fake holds: its current JSON (as Discord would return it), every earlier
 * version, and whether it was deleted. Thread-safe; the JSON accessors return copies.
 */
public final class FakeMessage {
    /** How the message came to exist. */
    public enum Source {
        /** POST /channels/{id}/messages */
        CHANNEL,
        /** an interaction callback of type 4 or 5 */
        INTERACTION_REPLY,
        /** POST /webhooks/{app}/{token} */
        FOLLOW_UP,
        /** made up by the fake, e.g. a button click on a message id it never saw */
        EXTERNAL
    }

    private static final int EPHEMERAL = 1 << 6;

    private final String id;
    private final String channelId;
    private final Source source;
    private final String interactionId;
    private final long createdNanos;
    private final List<JsonNode> history = new ArrayList<>();
    private final List<UploadedFile> files = new ArrayList<>();
    private ObjectNode current;
    private long lastChangeNanos;
    private boolean deleted;

    FakeMessage(ObjectNode json, Source source, String interactionId, List<UploadedFile> files) {
        this.id = json.get("id").asText();
        this.channelId = json.get("channel_id").asText();
        this.source = source;
        this.interactionId = interactionId;
        this.current = json;
        this.createdNanos = System.nanoTime();
        this.lastChangeNanos = createdNanos;
        this.files.addAll(files);
    }

    public String id() {
        return id;
    }

    public String channelId() {
        return channelId;
    }

    public Source source() {
        return source;
    }

    /** The interaction whose reply or follow-up this is, or null. */
    public String interactionId() {
        return interactionId;
    }

    public long createdNanos() {
        return createdNanos;
    }

    public synchronized long lastChangeNanos() {
        return lastChangeNanos;
    }

    /** The current message object. */
    public synchronized ObjectNode json() {
        return current.deepCopy();
    }

    public synchronized String content() {
        return current.path("content").asText("");
    }

    public synchronized JsonNode embeds() {
        return current.path("embeds").deepCopy();
    }

    public synchronized JsonNode components() {
        return current.path("components").deepCopy();
    }

    public synchronized int flags() {
        return current.path("flags").asInt(0);
    }

    public boolean ephemeral() {
        return (flags() & EPHEMERAL) != 0;
    }

    public synchronized boolean deleted() {
        return deleted;
    }

    /** Number of edits so far. */
    public synchronized int edits() {
        return history.size();
    }

    /** Earlier versions, oldest first (the current one is {@link #json()}). */
    public synchronized List<JsonNode> history() {
        return history.stream().<JsonNode>map(JsonNode::deepCopy).toList();
    }

    /** Every file ever attached to this message. */
    public synchronized List<UploadedFile> files() {
        return List.copyOf(files);
    }

    /** All text of the message: content plus embed titles, descriptions, field names/values, footers. */
    public synchronized String text() {
        StringBuilder sb = new StringBuilder(current.path("content").asText(""));
        for (JsonNode embed : current.path("embeds")) {
            for (String f : List.of("title", "description")) {
                sb.append('\n').append(embed.path(f).asText(""));
            }
            for (JsonNode field : embed.path("fields")) {
                sb.append('\n').append(field.path("name").asText("")).append('\n').append(field.path("value").asText(""));
            }
            sb.append('\n').append(embed.path("footer").path("text").asText(""));
            sb.append('\n').append(embed.path("author").path("name").asText(""));
        }
        return sb.toString();
    }

    /** custom_id of every button/select in the message, in display order. */
    public synchronized List<String> customIds() {
        List<String> ids = new ArrayList<>();
        collectCustomIds(current.path("components"), ids);
        return ids;
    }

    private static void collectCustomIds(JsonNode node, List<String> out) {
        if (node.isArray()) {
            node.forEach(n -> collectCustomIds(n, out));
        } else if (node.isObject()) {
            if (node.hasNonNull("custom_id")) {
                out.add(node.get("custom_id").asText());
            }
            collectCustomIds(node.path("components"), out);
            collectCustomIds(node.path("accessory"), out);
        }
    }

    synchronized void replace(ObjectNode next, List<UploadedFile> newFiles) {
        history.add(current);
        current = next;
        files.addAll(newFiles);
        lastChangeNanos = System.nanoTime();
    }

    synchronized ObjectNode currentForEdit() {
        return current.deepCopy();
    }

    synchronized void markDeleted() {
        deleted = true;
        lastChangeNanos = System.nanoTime();
    }

    @Override
    public synchronized String toString() {
        return "FakeMessage[" + id + " in " + channelId + " " + source + (deleted ? " DELETED" : "")
                + " edits=" + history.size() + " " + abbreviate(Json.write(current)) + "]";
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}

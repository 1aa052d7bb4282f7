package dev.lalaland.bot.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The bot's answer to an interaction: {@code POST /interactions/{id}/{token}/callback}.
 *
 * @param type         4 reply, 5 deferred reply, 6 deferred update, 7 update message, 8 autocomplete choices, 9 modal
 * @param data         the callback's {@code data} (an empty object when absent)
 * @param sentNanos    when the fake sent the INTERACTION_CREATE
 * @param arrivedNanos when the callback request arrived at the fake
 * @param status       what the fake answered: 200/204, or e.g. 404 (code 10062) when it came after the 3 s deadline
 */
public record InteractionCallback(
        String interactionId,
        int type,
        JsonNode data,
        List<UploadedFile> files,
        long sentNanos,
        long arrivedNanos,
        int status) {

    public static final int REPLY = 4;
    public static final int DEFERRED_REPLY = 5;
    public static final int DEFERRED_UPDATE = 6;
    public static final int UPDATE_MESSAGE = 7;
    public static final int AUTOCOMPLETE_RESULT = 8;
    public static final int MODAL = 9;

    public long latencyNanos() {
        return arrivedNanos - sentNanos;
    }

    public Duration latency() {
        return Duration.ofNanos(latencyNanos());
    }

    /** False when the fake refused it (late, or second acknowledgement, or invalid). */
    public boolean accepted() {
        return status < 300;
    }

    public String content() {
        return Json.text(data, "content");
    }

    public boolean ephemeral() {
        return (data.path("flags").asInt(0) & 64) != 0;
    }

    /** Autocomplete choices (type 8): each {@code {"name":..,"value":..}}. */
    public List<JsonNode> choices() {
        List<JsonNode> out = new ArrayList<>();
        data.path("choices").forEach(out::add);
        return out;
    }

    @Override
    public String toString() {
        return "InteractionCallback[type=" + type + ", status=" + status + ", latency=" + latencyNanos() / 1_000 + "us, data="
                + Json.write(data) + "]";
    }
}

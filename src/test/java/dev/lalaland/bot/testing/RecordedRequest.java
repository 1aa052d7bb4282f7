package dev.lalaland.bot.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * One REST request as the fake saw it, and what it answered.
 *
 * @param nanoTime  {@link System#nanoTime()} when the request arrived (before any handling)
 * @param path      path below the API base, e.g. {@code /channels/300000000000000001/messages}
 * @param query     raw query string or {@code ""}
 * @param headers   request headers, lower-case names, without {@code Authorization}
 * @param body      the JSON body, or {@code payload_json} of a multipart body; null when none
 * @param files     the {@code files[n]} parts of a multipart body
 * @param status    HTTP status the fake answered
 * @param response  JSON the fake answered, null for 204
 * @param matched   false when no route matched (answered 404 with code 0)
 */
public record RecordedRequest(
        long nanoTime,
        String method,
        String path,
        String query,
        Map<String, List<String>> headers,
        JsonNode body,
        List<UploadedFile> files,
        int status,
        JsonNode response,
        boolean matched) {

    public boolean is(String method, String pathRegex) {
        return this.method.equals(method) && path.matches(pathRegex);
    }

    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase());
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** {@code body.content}, or null. */
    public String content() {
        return Json.text(body, "content");
    }

    @Override
    public String toString() {
        return method + " " + path + (query.isEmpty() ? "" : "?" + query) + " -> " + status
                + (body == null ? "" : " " + abbreviate(Json.write(body)))
                + (files.isEmpty() ? "" : " files=" + files);
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}

package dev.lalaland.bot.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Just enough multipart/form-data parsing for JDA's {@code payload_json} + {@code files[n]} uploads. */
final class Multipart {
    record Part(String name, String filename, String contentType, byte[] bytes) {}

    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
    private static final Pattern NAME = Pattern.compile("\\bname=\"([^\"]*)\"");
    private static final Pattern FILENAME = Pattern.compile("\\bfilename=\"([^\"]*)\"");
    private static final byte[] CRLFCRLF = {'\r', '\n', '\r', '\n'};

    private Multipart() {}

    static boolean isMultipart(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    static List<Part> parse(String contentType, byte[] body) {
        Matcher m = BOUNDARY.matcher(contentType);
        if (!m.find()) {
            throw new IllegalArgumentException("multipart without boundary: " + contentType);
        }
        byte[] delimiter = ("--" + m.group(1)).getBytes(StandardCharsets.ISO_8859_1);
        List<Part> parts = new ArrayList<>();
        int pos = indexOf(body, delimiter, 0);
        while (pos >= 0) {
            int afterDelimiter = pos + delimiter.length;
            if (startsWith(body, afterDelimiter, "--")) {
                break; // closing delimiter
            }
            int headersStart = afterDelimiter + 2; // CRLF after the delimiter
            int headersEnd = indexOf(body, CRLFCRLF, headersStart);
            int next = indexOf(body, delimiter, headersEnd);
            if (headersEnd < 0 || next < 0) {
                throw new IllegalArgumentException("truncated multipart body");
            }
            String headerText = new String(body, headersStart, headersEnd - headersStart, StandardCharsets.UTF_8);
            int contentEnd = next - 2; // the CRLF before the next delimiter belongs to the framing
            byte[] content = Arrays.copyOfRange(body, headersEnd + 4, Math.max(headersEnd + 4, contentEnd));
            parts.add(toPart(headerText, content));
            pos = next;
        }
        return parts;
    }

    private static Part toPart(String headerText, byte[] content) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line : headerText.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
        }
        String disposition = headers.getOrDefault("content-disposition", "");
        Matcher name = NAME.matcher(disposition);
        Matcher filename = FILENAME.matcher(disposition);
        return new Part(
                name.find() ? name.group(1) : "",
                filename.find() ? filename.group(1) : null,
                headers.get("content-type"),
                content);
    }

    private static boolean startsWith(byte[] data, int offset, String prefix) {
        byte[] p = prefix.getBytes(StandardCharsets.ISO_8859_1);
        if (offset + p.length > data.length) {
            return false;
        }
        for (int i = 0; i < p.length; i++) {
            if (data[offset + i] != p[i]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] data, byte[] needle, int from) {
        if (from < 0) {
            return -1;
        }
        outer:
        for (int i = from; i <= data.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (data[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}

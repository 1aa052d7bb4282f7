package dev.lalaland.bot.testing;

import java.nio.charset.StandardCharsets;

/** One {@code files[n]} part of a multipart request. */
public record UploadedFile(String field, String filename, String contentType, byte[] bytes) {
    public String text() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    public int size() {
        return bytes.length;
    }

    @Override
    public String toString() {
        return "UploadedFile[" + field + ", " + filename + ", " + contentType + ", " + bytes.length + " bytes]";
    }
}

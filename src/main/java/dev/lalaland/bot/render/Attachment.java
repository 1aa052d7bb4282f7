package dev.lalaland.bot.render;

/** A file sent with a reply, such as the quiz podium picture. */
public record Attachment(String fileName, byte[] data, String description) {
}

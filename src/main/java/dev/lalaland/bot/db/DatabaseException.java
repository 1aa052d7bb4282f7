package dev.lalaland.bot.db;

/** A database failure the caller cannot fix by changing its input. */
public class DatabaseException extends RuntimeException {
    public DatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}

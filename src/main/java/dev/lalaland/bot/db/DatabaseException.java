package dev.lalaland.bot.db;

/** A database failure the caller cannot fix by changing its input. */
public class DatabaseException extends RuntimeException {
    private final String setting;

    public DatabaseException(String message, Throwable cause) {
        this("BOT_DATABASE", message, cause);
    }

    /** A failure of the database named by {@code setting} ({@code BOT_DATABASE} or {@code BOT_DATABASE_URL}). */
    public DatabaseException(String setting, String message, Throwable cause) {
        super(message, cause);
        this.setting = setting;
    }

    /** The setting that names the database, for the one line start-up prints. */
    public String setting() {
        return setting;
    }
}

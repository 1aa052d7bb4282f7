package dev.lalaland.bot.backup;

/** A backup or restore refused because of what it was given: the message says what and why (exit 2). */
public final class BackupException extends RuntimeException {
    public BackupException(String message) {
        super(message);
    }

    public BackupException(String message, Throwable cause) {
        super(message, cause);
    }
}

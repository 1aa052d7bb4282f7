package dev.lalaland.bot.settings;

/** A setting that stops start-up; the message names the setting and is printed as one line. */
public class SettingsException extends RuntimeException {
    public SettingsException(String message) {
        super(message, null, false, false);
    }
}

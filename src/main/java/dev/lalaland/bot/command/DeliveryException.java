package dev.lalaland.bot.command;

/**
 * Discord refused a message. {@code permanent} refusals (missing access or permissions,
 * unknown channel) will not go away by retrying; others (5xx, timeouts) may.
 */
public class DeliveryException extends RuntimeException {
    private final boolean permanent;

    public DeliveryException(String reason, boolean permanent, Throwable cause) {
        super(reason, cause);
        this.permanent = permanent;
    }

    public boolean permanent() {
        return permanent;
    }
}

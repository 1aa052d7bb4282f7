package dev.lalaland.bot.command;

import java.util.concurrent.CompletionException;

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

    /** Whether a failed send (as a future reports it, possibly wrapped) was refused for good. */
    public static boolean isPermanent(Throwable failure) {
        Throwable e = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        return e instanceof DeliveryException delivery && delivery.permanent;
    }
}

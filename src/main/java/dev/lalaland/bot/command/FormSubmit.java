package dev.lalaland.bot.command;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A filled-in form (Discord's modal submit): {@code formId} is the id the bot gave the form, and
 * {@code values} what the user entered by input id (a select gives its chosen value). Inputs left
 * empty are absent.
 */
public record FormSubmit(String formId, Map<String, String> values, Invoker invoker, Instant receivedAt) {

    public FormSubmit {
        values = Map.copyOf(values);
    }

    /** The part of the id after the handler's prefix, as {@link ButtonClick#argument()}. */
    public String argument() {
        int colon = formId.indexOf(':');
        return colon < 0 ? "" : formId.substring(colon + 1);
    }

    public Optional<String> value(String inputId) {
        String v = values.get(inputId);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v);
    }
}

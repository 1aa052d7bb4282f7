package dev.lalaland.bot.render;

import java.util.List;

/**
 * A form the bot opens in answer to a click (Discord's modal), with no Discord types: a title and
 * up to five inputs. What the user sends back arrives as a
 * {@link dev.lalaland.bot.command.FormSubmit} with the same {@code id}.
 */
public record Modal(String id, String title, List<Input> inputs) {

    /** Discord's limits on a modal: title, inputs, a text input's value and a select's options. */
    public static final int TITLE = 45;
    public static final int INPUTS = 5;
    public static final int TEXT_VALUE = 4000;
    public static final int SELECT_OPTIONS = 25;

    public Modal {
        inputs = List.copyOf(inputs);
        if (title.isEmpty() || title.length() > TITLE || inputs.isEmpty() || inputs.size() > INPUTS
                || id.length() > DiscordLimits.CUSTOM_ID) {
            throw new IllegalArgumentException("modal " + id + " breaks Discord's limits");
        }
    }

    /** One input of the form, shown under its label. */
    public sealed interface Input permits Select, Text {
        String id();

        String label();

        boolean required();
    }

    /** Pick one of fixed options. */
    public record Select(String id, String label, List<Option> options, boolean required) implements Input {
        public Select {
            options = List.copyOf(options);
            if (options.isEmpty() || options.size() > SELECT_OPTIONS) {
                throw new IllegalArgumentException("select " + id + " needs 1 to " + SELECT_OPTIONS + " options");
            }
        }
    }

    /** One option of a {@link Select}: {@code value} comes back, {@code label} is shown. */
    public record Option(String value, String label, String description) {
    }

    /** Free text, one line or a paragraph, at most {@code maxLength} characters. */
    public record Text(String id, String label, boolean paragraph, int maxLength, boolean required,
                       String placeholder) implements Input {
        public Text {
            if (maxLength < 1 || maxLength > TEXT_VALUE) {
                throw new IllegalArgumentException("text input " + id + ": max length " + maxLength);
            }
        }
    }
}

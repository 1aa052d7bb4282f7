package dev.lalaland.bot.quiz;

import dev.lalaland.bot.command.ButtonClick;
import dev.lalaland.bot.command.ButtonHandler;
import dev.lalaland.bot.render.Reply;
import java.util.Optional;

/**
 * Clicks on a quiz night's control panel. A button's id names the stored night and the control
 * ({@code host:<night>:<control>}), so the panel keeps working across restarts.
 */
final class HostButtons implements ButtonHandler {
    static final String PREFIX = "host";

    private final QuizNights nights;

    HostButtons(QuizNights nights) {
        this.nights = nights;
    }

    static String customId(long nightId, HostControl control) {
        return PREFIX + ":" + nightId + ":" + control.id();
    }

    @Override
    public String prefix() {
        return PREFIX;
    }

    @Override
    public Reply onClick(ButtonClick click) {
        String[] parts = click.argument().split(":");
        Optional<HostControl> control = parts.length == 2 ? HostControl.of(parts[1]) : Optional.empty();
        if (control.isEmpty() || !parts[0].matches("\\d{1,18}")) {
            return Reply.privateText("That button is not a quiz night control I know.");
        }
        return nights.control(click.invoker(), Long.parseLong(parts[0]), control.get());
    }
}

package dev.lalaland.bot.command;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every command and button handler of the bot, looked up by name or custom-id prefix. */
public final class CommandRegistry {
    private final Map<String, SlashCommand> commands = new LinkedHashMap<>();
    private final Map<String, ButtonHandler> buttons = new LinkedHashMap<>();

    public CommandRegistry(List<SlashCommand> commands, List<ButtonHandler> buttonHandlers) {
        for (SlashCommand c : commands) {
            if (this.commands.putIfAbsent(c.spec().name(), c) != null) {
                throw new IllegalArgumentException("two commands named " + c.spec().name());
            }
        }
        for (ButtonHandler b : buttonHandlers) {
            if (buttons.putIfAbsent(b.prefix(), b) != null) {
                throw new IllegalArgumentException("two button handlers for " + b.prefix());
            }
        }
    }

    public List<SlashCommand> commands() {
        return List.copyOf(commands.values());
    }

    public Optional<SlashCommand> command(String name) {
        return Optional.ofNullable(commands.get(name));
    }

    public Optional<ButtonHandler> buttonHandler(String customId) {
        int colon = customId.indexOf(':');
        return Optional.ofNullable(buttons.get(colon < 0 ? customId : customId.substring(0, colon)));
    }
}

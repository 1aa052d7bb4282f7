package dev.lalaland.bot.command;

import dev.lalaland.bot.render.Choice;
import dev.lalaland.bot.render.Reply;
import java.util.List;

/**
 * A slash command's behaviour. Implementations are plain Java: the Discord handlers and console
 * mode both call them. {@link #handle} runs off JDA's event thread but must still finish well
 * within Discord's 3 seconds; throw {@link UserInputException} for bad input.
 */
public interface SlashCommand {

    CommandSpec spec();

    Reply handle(CommandRequest request);

    default List<Choice> autocomplete(AutocompleteRequest request) {
        return List.of();
    }
}

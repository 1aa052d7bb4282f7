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

    /**
     * True if {@link #handle} answers this request from memory: no network call, no waiting on a
     * database write, at most a few fast SQLite reads. The Discord layer then answers it on JDA's
     * event thread instead of handing it to a worker; under load that hand-over cost more than the
     * handler itself (issue 6). False unless a command says otherwise.
     */
    default boolean answersFromMemory(CommandRequest request) {
        return false;
    }

    default List<Choice> autocomplete(AutocompleteRequest request) {
        return List.of();
    }
}

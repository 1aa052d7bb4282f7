package dev.lalaland.bot.command;

import dev.lalaland.bot.render.Choice;
import dev.lalaland.bot.render.Reply;
import java.util.List;

/**
 * A slash command's behaviour. Implementations are plain Java: the Discord handlers and console
 * mode both call them. {@link #handle} must finish well within Discord's 3 seconds; throw
 * {@link UserInputException} for bad input. It runs on a worker thread, unless its
 * {@link CommandSpec} says {@link CommandSpec#answeredOnEventThread()}: then on JDA's event thread,
 * and it must answer from memory (the rule is on {@link CommandSpec}). {@link #autocomplete}
 * always runs on JDA's event thread, so it must answer from memory too.
 */
public interface SlashCommand {

    CommandSpec spec();

    /** Its entry in {@code /help}, kept here so that adding a command touches one class. */
    HelpText help();

    Reply handle(CommandRequest request);

    default List<Choice> autocomplete(AutocompleteRequest request) {
        return List.of();
    }
}

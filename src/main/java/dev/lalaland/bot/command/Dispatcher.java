package dev.lalaland.bot.command;

import dev.lalaland.bot.render.Choice;
import dev.lalaland.bot.render.DiscordLimits;
import dev.lalaland.bot.render.Reply;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs commands, autocompletes, button clicks and forms, and turns every failure into a reply for the
 * user: bad input says what was wrong, anything unexpected is logged and gets an apology,
 * never a stack trace. Shared by the Discord handlers and console mode.
 */
public final class Dispatcher {
    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
    public static final String SORRY = "Sorry, something went wrong on my side. It has been logged; please try again.";

    private final CommandRegistry registry;

    public Dispatcher(CommandRegistry registry) {
        this.registry = registry;
    }

    public CommandRegistry registry() {
        return registry;
    }

    public Reply command(CommandRequest request) {
        SlashCommand command = registry.command(request.command()).orElse(null);
        if (command == null) {
            return Reply.privateText("I don't know `/" + request.command() + "`. Try `/help`.");
        }
        if (command.spec().requiresManageServer() && !request.invoker().canManageServer()) {
            return Reply.privateText("Only members with the Manage Server permission can use `/"
                    + request.command() + "`.");
        }
        try {
            return command.handle(request);
        } catch (UserInputException e) {
            return Reply.privateText(e.getMessage());
        } catch (RuntimeException e) {
            log.error("/{} {} failed", request.command(), request.subcommand() == null ? "" : request.subcommand(), e);
            return Reply.privateText(SORRY);
        }
    }

    /** See {@link CommandSpec}; an unknown command is answered on the event thread too: its reply is a fixed text. */
    public boolean answersOnEventThread(CommandRequest request) {
        SlashCommand command = registry.command(request.command()).orElse(null);
        return command == null || command.spec().answersOnEventThread(request.subcommand());
    }

    public List<Choice> autocomplete(AutocompleteRequest request) {
        try {
            List<Choice> choices = registry.command(request.command())
                    .map(c -> c.autocomplete(request))
                    .orElse(List.of());
            return choices.stream()
                    .filter(DiscordLimits::fits)
                    .limit(DiscordLimits.AUTOCOMPLETE_CHOICES)
                    .toList();
        } catch (RuntimeException e) {
            log.error("autocomplete for /{} {} failed", request.command(), request.option(), e);
            return List.of();
        }
    }

    public Reply click(ButtonClick click) {
        return toHandler(click.customId(), "button", handler -> handler.onClick(click));
    }

    /** A filled-in form, to the handler of the button that opened it. */
    public Reply submit(FormSubmit form) {
        return toHandler(form.formId(), "form", handler -> handler.onSubmit(form));
    }

    /** Hands a click or a form to the handler its id names, answering every failure. */
    private Reply toHandler(String id, String what, Function<ButtonHandler, Reply> call) {
        ButtonHandler handler = registry.buttonHandler(id).orElse(null);
        if (handler == null) {
            return Reply.privateText("This " + what + " no longer does anything.");
        }
        try {
            return call.apply(handler);
        } catch (UserInputException e) {
            return Reply.privateText(e.getMessage());
        } catch (RuntimeException e) {
            log.error("{} {} failed", what, id, e);
            return Reply.privateText(SORRY);
        }
    }
}

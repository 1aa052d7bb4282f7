package dev.lalaland.bot.discord;

import dev.lalaland.bot.command.AutocompleteRequest;
import dev.lalaland.bot.command.ButtonClick;
import dev.lalaland.bot.command.CommandRequest;
import dev.lalaland.bot.command.Dispatcher;
import dev.lalaland.bot.command.FormSubmit;
import dev.lalaland.bot.command.Invoker;
import dev.lalaland.bot.render.Choice;
import dev.lalaland.bot.render.Reply;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.components.Component;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.hooks.EventListener;
import net.dv8tion.jda.api.interactions.Interaction;
import net.dv8tion.jda.api.interactions.callbacks.IModalCallback;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.modals.ModalMapping;
import net.dv8tion.jda.api.requests.RestAction;
import org.jetbrains.annotations.NotNull;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives interactions from JDA and answers them. Autocomplete, and commands whose spec says
 * {@link dev.lalaland.bot.command.CommandSpec#answeredOnEventThread()}, are answered in place
 * on JDA's event thread; other commands, all clicks and filled-in forms (modals), which write to
 * the database or call Discord, run on the worker pool so the event thread only translates and
 * hands over. A click whose reply is a form is answered by opening it.
 *
 * <p>A plain {@link EventListener}: {@code ListenerAdapter} looks up its handler methods by walking
 * each event's class hierarchy, on every event, which the benchmark showed in the profile of
 * every interaction.
 */
final class InteractionRouter implements EventListener {
    private static final Logger log = LoggerFactory.getLogger(InteractionRouter.class);

    /** Complete once the features are built; until then commands wait and autocomplete offers nothing. */
    private final CompletableFuture<Dispatcher> dispatcher;
    private final ExecutorService workers;
    private final Clock clock;
    private final JdaMessages messages;

    InteractionRouter(CompletableFuture<Dispatcher> dispatcher, ExecutorService workers, Clock clock,
                      JdaMessages messages) {
        this.dispatcher = dispatcher;
        this.workers = workers;
        this.clock = clock;
        this.messages = messages;
    }

    @Override
    public void onEvent(@NotNull GenericEvent event) {
        if (event instanceof SlashCommandInteractionEvent slash) {
            onSlashCommandInteraction(slash);
        } else if (event instanceof CommandAutoCompleteInteractionEvent autocomplete) {
            onCommandAutoCompleteInteraction(autocomplete);
        } else if (event instanceof ButtonInteractionEvent button) {
            onButtonInteraction(button);
        } else if (event instanceof ModalInteractionEvent form) {
            onModalInteraction(form);
        }
    }

    private void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
        Map<String, String> options = new HashMap<>();
        for (OptionMapping o : event.getOptions()) {
            options.put(o.getName(), o.getType() == OptionType.CHANNEL ? o.getAsChannel().getId() : o.getAsString());
        }
        CommandRequest request = new CommandRequest(event.getName(), event.getSubcommandName(), options,
                invoker(event), clock.instant());
        Dispatcher ready = dispatcher.getNow(null);
        String what = "/" + event.getName();
        if (ready != null && ready.answersOnEventThread(request)) {
            answer(event, () -> ready.command(request), what);
        } else {
            submit(event, () -> answer(event, () -> dispatcher.join().command(request), what));
        }
    }

    /**
     * Sends the reply {@code produce} makes. Should making it, or JDA's checks while building it,
     * fail (a bug, as the dispatcher answers every failure of a command), the user still gets the
     * apology rather than Discord's "The application did not respond".
     */
    private void answer(IReplyCallback event, Supplier<Reply> produce, String what) {
        RestAction<?> action;
        try {
            Reply reply = produce.get();
            // A click may open a form; anything else (or a form where none can open) is a message.
            action = reply.modal() != null && event instanceof IModalCallback opensForms
                    ? opensForms.replyModal(JdaMessages.modal(reply.modal()))
                    : messages.reply(event, reply);
        } catch (RuntimeException e) {
            log.error("could not build the reply to {}", what, e);
            action = event.reply(Dispatcher.SORRY).setEphemeral(true);
        }
        action.queue(null, e -> log.warn("reply to {} failed: {}", what, e.getMessage()));
    }

    private void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
        AutocompleteRequest request = new AutocompleteRequest(event.getName(), event.getSubcommandName(),
                event.getFocusedOption().getName(), event.getFocusedOption().getValue(), invoker(event));
        Dispatcher ready = dispatcher.getNow(null);
        List<Choice> choices = ready == null ? List.of() : ready.autocomplete(request);
        event.replyChoices(choices.stream().map(c -> new Command.Choice(c.name(), c.value())).toList())
                .queue(null, e -> log.debug("autocomplete reply failed: {}", e.getMessage()));
    }

    private void onButtonInteraction(ButtonInteractionEvent event) {
        ButtonClick click = new ButtonClick(event.getComponentId(), event.getMessageId(), invoker(event), clock.instant());
        submit(event, () -> answer(event, () -> dispatcher.join().click(click), "button " + event.getComponentId()));
    }

    /** A filled-in form: a select gives its one chosen value, a text input its text. */
    private void onModalInteraction(ModalInteractionEvent event) {
        Map<String, String> values = new HashMap<>();
        for (ModalMapping input : event.getValues()) {
            String value = input.getType() == Component.Type.STRING_SELECT
                    ? input.getAsStringList().stream().findFirst().orElse(null)
                    : input.getType() == Component.Type.TEXT_INPUT ? input.getAsString() : null;
            if (value != null) {
                values.put(input.getCustomId(), value);
            }
        }
        FormSubmit form = new FormSubmit(event.getModalId(), values, invoker(event), clock.instant());
        submit(event, () -> answer(event, () -> dispatcher.join().submit(form), "form " + event.getModalId()));
    }

    private void submit(Interaction interaction, Runnable work) {
        try {
            workers.execute(work);
        } catch (RejectedExecutionException e) {
            // Shutting down: say so rather than leave the interaction unanswered.
            if (interaction instanceof IReplyCallback callback) {
                callback.reply("I'm restarting; please try again in a moment.").setEphemeral(true).queue(null, x -> { });
            }
        }
    }

    private static Invoker invoker(Interaction interaction) {
        Member member = interaction.getMember();
        String name = member != null ? member.getEffectiveName() : interaction.getUser().getEffectiveName();
        return new Invoker(interaction.getUser().getId(), name,
                interaction.getGuild() == null ? null : interaction.getGuild().getId(),
                interaction.getChannelId(),
                member != null && member.hasPermission(Permission.MANAGE_SERVER));
    }
}

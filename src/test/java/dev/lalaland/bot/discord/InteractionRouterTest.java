package dev.lalaland.bot.discord;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.lalaland.bot.command.CommandRegistry;
import dev.lalaland.bot.command.Dispatcher;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.Interaction;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.requests.restaction.interactions.ReplyCallbackAction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The router's last line of defence. JDA's events are mocked (the seam): the real JDA path is
 * covered end to end by {@code DiscordEndToEndTest}; here JDA refuses to build a reply, which the
 * fake Discord cannot make it do.
 */
class InteractionRouterTest {
    private final ExecutorService workers = Executors.newSingleThreadExecutor();
    // No commands or buttons: every request gets the dispatcher's "I don't know" reply.
    private final InteractionRouter router = new InteractionRouter(
            CompletableFuture.completedFuture(new Dispatcher(new CommandRegistry(List.of(), List.of()))), workers,
            Clock.systemUTC(), new JdaMessages());

    @AfterEach
    void stop() {
        workers.shutdownNow();
    }

    private static <T extends Interaction> T from(T event) {
        User user = mock(User.class);
        when(user.getId()).thenReturn("400000000000000002");
        when(user.getEffectiveName()).thenReturn("Mia");
        when(event.getUser()).thenReturn(user);
        when(event.getChannelId()).thenReturn("300000000000000001");
        return event;
    }

    private static ReplyCallbackAction apologyFor(IReplyCallback event) {
        ReplyCallbackAction apology = mock(ReplyCallbackAction.class, RETURNS_SELF);
        when(event.reply(Dispatcher.SORRY)).thenReturn(apology);
        return apology;
    }

    @Test
    void aCommandWhoseReplyJdaRefusesToBuildStillGetsAnAnswer() {
        SlashCommandInteractionEvent event = from(mock(SlashCommandInteractionEvent.class));
        when(event.getName()).thenReturn("cast");
        when(event.deferReply(anyBoolean())).thenThrow(new IllegalArgumentException("refused by JDA's checks"));
        ReplyCallbackAction apology = apologyFor(event);

        router.onEvent(event);

        verify(apology).setEphemeral(true);
        verify(apology).queue(any(), any());
    }

    @Test
    void aClickWhoseReplyJdaRefusesToBuildStillGetsAnAnswer() {
        ButtonInteractionEvent event = from(mock(ButtonInteractionEvent.class));
        when(event.getComponentId()).thenReturn("quiz:1:0");
        when(event.getMessageId()).thenReturn("700000000000000001");
        when(event.deferReply(anyBoolean())).thenThrow(new IllegalArgumentException("refused by JDA's checks"));
        ReplyCallbackAction apology = apologyFor(event);

        router.onEvent(event);

        verify(apology, timeout(5_000)).queue(any(), any());
        verify(apology).setEphemeral(true);
    }

    @Test
    void aReplyJdaBuildsIsSentAsIsWithNoApology() {
        SlashCommandInteractionEvent event = from(mock(SlashCommandInteractionEvent.class));
        when(event.getName()).thenReturn("cast");
        ReplyCallbackAction reply = mock(ReplyCallbackAction.class, RETURNS_SELF);
        when(event.deferReply(anyBoolean())).thenReturn(reply);

        router.onEvent(event);

        verify(reply).setContent(anyString());
        verify(reply).queue(any(), any());
        verify(event, never()).reply(Dispatcher.SORRY);
    }
}

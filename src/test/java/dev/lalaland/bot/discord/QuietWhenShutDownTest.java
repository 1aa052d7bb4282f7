package dev.lalaland.bot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.utils.SessionController.SessionConnectNode;
import org.junit.jupiter.api.Test;

/**
 * A shard's queued connection, at JDA's seam: JDA refuses to connect a shard that was shut down
 * while it waited, which happens when start-up fails after connecting began (MainProcessTest
 * shows the whole of it, when the timing falls that way: about every other run before the fix).
 */
class QuietWhenShutDownTest {
    private final SessionConnectNode node = mock(SessionConnectNode.class);
    private final AtomicInteger done = new AtomicInteger();

    QuietWhenShutDownTest() throws InterruptedException {
        when(node.getShardInfo()).thenReturn(new JDA.ShardInfo(0, 1));
        doThrow(new RejectedExecutionException("JDA is shutdown!")).when(node).run(false);
    }

    @Test
    void aShardShutDownBeforeItsTurnGivesUpWithoutAnError() throws InterruptedException {
        new DiscordBot.QuietWhenShutDown(node, () -> true, done::incrementAndGet).run(false);

        assertThat(done).hasValue(1);
    }

    @Test
    void aRefusalWhileTheBotRunsIsStillJdasToHandle() {
        assertThatThrownBy(() -> new DiscordBot.QuietWhenShutDown(node, () -> false, done::incrementAndGet).run(false))
                .isInstanceOf(RejectedExecutionException.class);
        assertThat(done).as("still queued, so still known").hasValue(0);
    }
}

package dev.lalaland.bot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lalaland.bot.command.CommandRequest;
import dev.lalaland.bot.command.Dispatcher;
import dev.lalaland.bot.command.Invoker;
import dev.lalaland.bot.render.Embed;
import dev.lalaland.bot.render.Reply;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rule the reply caches rest on (docs/PERFORMANCE.md, "The caches"): a command answered on the
 * event thread returns the very same {@link Reply}, and so the very same {@link Embed}, when asked
 * the same thing again. {@code JdaMessages} keeps JDA's form of an embed by identity, so a command
 * that built an equal reply anew each time would lose that saving without any test failing.
 */
class KeptRepliesTest {
    @TempDir
    Path dir;

    @Test
    void readCommandsReturnTheSameReplyObjectForTheSameQuestion() {
        try (TestBot bot = new TestBot(dir, Clock.systemUTC())) {
            Dispatcher dispatcher = new Dispatcher(bot.registry);
            Map<String, Map<String, String>> asked = Map.of(
                    "cast", Map.of("name", "Keith"),
                    "song", Map.of("title", "City of Stars"),
                    "awards", Map.of("ceremony", "oscars", "result", "won"),
                    "onthisday", Map.of("date", "12-09"),
                    "help", Map.of());
            asked.forEach((command, options) -> {
                Reply first = dispatcher.command(Requests.command(command, options));
                assertThat(dispatcher.command(Requests.command(command, options))).as("/" + command).isSameAs(first);
                if (!options.isEmpty()) {
                    Reply list = dispatcher.command(Requests.command(command, Map.of()));
                    assertThat(dispatcher.command(Requests.command(command, Map.of())))
                            .as("/" + command + " with no options").isSameAs(list);
                }
            });
        }
    }

    @Test
    void aPracticeQuestionAskedAgainShowsTheSameCardObject() {
        try (TestBot bot = new TestBot(dir, Clock.systemUTC())) {
            Dispatcher dispatcher = new Dispatcher(bot.registry);
            // Each channel has seen nothing, so each asks a question at random; a few dozen asks
            // from a small category bring one question back, as the pigeonhole says.
            Map<String, Embed> cardByQuestion = new HashMap<>();
            boolean repeated = false;
            for (int channel = 0; channel < 500 && !repeated; channel++) {
                Invoker who = new Invoker("400000000000000001", "alice", "200000000000000001",
                        String.valueOf(300000000000001000L + channel), false);
                Reply reply = dispatcher.command(new CommandRequest("quiz", "question",
                        Map.of("category", "release", "difficulty", "easy"), who, Instant.now()));
                Embed card = reply.embeds().get(0);
                Embed earlier = cardByQuestion.putIfAbsent(card.description(), card);
                if (earlier != null) {
                    assertThat(card).as("the card of a question asked before").isSameAs(earlier);
                    repeated = true;
                }
            }
            assertThat(repeated).as("some question came back").isTrue();
        }
    }
}

package dev.lalaland.bot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lalaland.bot.command.CommandRequest;
import dev.lalaland.bot.command.Dispatcher;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which requests may be answered on JDA's event thread: only those that neither call Discord nor
 * wait on a database write (see CommandSpec).
 */
class AnswersOnEventThreadTest {
    @TempDir
    Path dir;

    @Test
    void readCommandsAndPracticeQuestionsDoWritesAndDiscordCallsDoNot() {
        try (TestBot bot = new TestBot(dir, Clock.systemUTC())) {
            Dispatcher dispatcher = new Dispatcher(bot.registry);
            for (String name : new String[] {"cast", "song", "awards", "onthisday", "help", "no-such-command"}) {
                assertThat(dispatcher.answersOnEventThread(Requests.command(name, Map.of()))).as(name).isTrue();
            }
            assertThat(dispatcher.answersOnEventThread(quiz("question"))).isTrue();
            for (String sub : new String[] {"start", "stop", "leaderboard"}) {
                assertThat(dispatcher.answersOnEventThread(quiz(sub))).as("quiz " + sub).isFalse();
            }
            for (String sub : new String[] {"onthisday", "onthisday-off", "show"}) {
                CommandRequest config = Requests.command("config", sub, Map.of(), Requests.ADMIN);
                assertThat(dispatcher.answersOnEventThread(config)).as("config " + sub).isFalse();
            }
        }
    }

    private static CommandRequest quiz(String subcommand) {
        return Requests.command("quiz", subcommand, Map.of(), Requests.MEMBER);
    }
}

package dev.lalaland.bot.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lalaland.bot.Features;
import dev.lalaland.bot.command.Dispatcher;
import dev.lalaland.bot.console.ConsoleMode;
import dev.lalaland.bot.console.ConsoleOutbox;
import dev.lalaland.bot.db.Database;
import dev.lalaland.bot.facts.FactFiles;
import dev.lalaland.bot.facts.FactImporter;
import dev.lalaland.bot.facts.FactStore;
import dev.lalaland.bot.quiz.QuizTimings;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Console mode: {@code report} on the last answer shown, then {@code /quiz reports} and its Mute button. */
class ReportConsoleTest {
    @TempDir
    Path dir;

    @Test
    void reportingTheLastAnswerAndMutingItInTheConsole() throws Exception {
        String text = session("""
                report
                /quiz question category:songs
                answer 1
                report
                report boring
                report typo the title says <@1> @everyone
                report unclear
                /quiz reports
                answer 1
                /quiz reports
                """);

        assertThat(text).startsWith("error: there is no answer to report yet");
        String[] replies = text.split("\n\n");
        assertThat(replies[2]).as("the reveal").contains("Answer: ").endsWith("[Report]");
        assertThat(replies[3]).as("the form").isEqualTo("""
                Report this question
                reason: wrong-answer | two-right-answers | unclear | typo
                note: text, up to 1000 characters (optional)
                Send it with: report <reason> [note]""");
        assertThat(replies[4]).contains("The reason must be one of: wrong-answer, two-right-answers, unclear, typo.");
        assertThat(replies[5]).startsWith("Thanks: your report (typo) is saved.");
        assertThat(replies[6]).contains("You already reported this question");
        assertThat(replies[7]).contains("Reported questions", "1. 1 report:\n  ", "Typo 1",
                "Latest notes: the title says <@1> @everyone", "[Mute 1]");
        assertThat(replies[8]).startsWith("Muted: ").endsWith("[Unmute]");
        assertThat(replies[9]).contains("1. 1 report · muted:\n  ", "[Unmute 1]");
    }

    private String session(String input) throws Exception {
        Clock clock = Clock.systemUTC();
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try (Database database = Database.open(dir.resolve("console.db"))) {
            new FactImporter(database, clock).importIfChanged(FactFiles.load(null));
            ConsoleOutbox outbox = new ConsoleOutbox();
            Features features = new Features(database, new FactStore(database), clock, scheduler, outbox,
                    (guild, channel) -> Optional.empty(), Features.Tuning.defaults().withQuiz(QuizTimings.forConsole()));
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
            ConsoleMode console = new ConsoleMode(new Dispatcher(features.registry()), clock, out);
            outbox.printTo(console::printPosted);
            console.run(new BufferedReader(new StringReader(input)));
            return bytes.toString(StandardCharsets.UTF_8);
        } finally {
            scheduler.shutdownNow();
        }
    }
}

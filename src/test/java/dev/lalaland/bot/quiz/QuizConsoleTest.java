package dev.lalaland.bot.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lalaland.bot.Features;
import dev.lalaland.bot.command.Dispatcher;
import dev.lalaland.bot.console.ConsoleMode;
import dev.lalaland.bot.console.ConsoleOutbox;
import dev.lalaland.bot.db.Database;
import dev.lalaland.bot.facts.FactFiles;
import dev.lalaland.bot.facts.FactImporter;
import dev.lalaland.bot.facts.FactStore;
import dev.lalaland.bot.testing.ManualClock;
import dev.lalaland.bot.testing.ManualScheduler;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract's console session: {@code /quiz question}, then {@code answer N}, shows the answer at once. */
class QuizConsoleTest {
    @TempDir
    Path dir;
    private ConsoleOutbox outbox;

    /** The bot's features over a database holding the bundled facts; their posts go to the console made next. */
    private Features features(Database database, Clock clock, ScheduledExecutorService scheduler, QuizTimings timings) {
        new FactImporter(database, clock).importIfChanged(FactFiles.load(null));
        outbox = new ConsoleOutbox();
        Features features = new Features(database, new FactStore(database), clock, scheduler, outbox,
                (guild, channel) -> Optional.empty(), Features.Tuning.defaults().withQuiz(timings));
        // As console mode does: the quiz's timers run once the routines have started.
        features.routines().start();
        return features;
    }

    /** A console session printing to {@code bytes}, the bot's own posts included. */
    private ConsoleMode console(Features features, Clock clock, ByteArrayOutputStream bytes) {
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        ConsoleMode console = new ConsoleMode(new Dispatcher(features.registry()), clock, out);
        outbox.printTo(console::printPosted);
        return console;
    }

    @Test
    void answeringAPracticeQuestionInTheConsoleShowsTheAnswer() throws Exception {
        Clock clock = Clock.systemUTC();
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try (Database database = Database.open(dir.resolve("console.db"))) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            Features features = features(database, clock, scheduler, QuizTimings.forConsole());
            ConsoleMode console = console(features, clock, bytes);

            console.run(new BufferedReader(new StringReader("/quiz question category:songs\n"
                    + "answer 99999999999999999999\nanswer -1\nanswer abc\nanswer\nanswer 5\nanswer 2\nanswer 3\n")));

            String text = bytes.toString(StandardCharsets.UTF_8);
            Matcher buttons = Pattern.compile("^\\[(.+)] \\[(.+)] \\[(.+)] \\[(.+)]$", Pattern.MULTILINE).matcher(text);
            assertThat(buttons.find()).as("the question's four buttons in:\n" + text).isTrue();
            assertThat(text).containsPattern("Locked in: (\\*\\*)?" + Pattern.quote(buttons.group(2)));
            Matcher answer = Pattern.compile("^Answer: (.+)$", Pattern.MULTILINE).matcher(text);
            assertThat(answer.find()).as("the reveal in:\n" + text).isTrue();
            assertThat(answer.group(1)).isIn(buttons.group(1), buttons.group(2), buttons.group(3), buttons.group(4));
            assertThat(text).contains("This question has closed");
            // A countdown printed as a time reads naturally: not "Answer at <time>: one answer each."
            assertThat(text).containsPattern("One answer each; the question closes at \\d{4}-\\d\\d-\\d\\d "
                    + "\\d\\d:\\d\\d:\\d\\d UTC\\.").doesNotContain("Answer at");
            assertThat(text.split("error: answer a number from 1 to 4\n", -1)).as("one line per bad answer in:\n" + text)
                    .hasSize(6);

            // The rules summary the quiz adds to /help keeps /help within Discord's limits.
            var help = new Dispatcher(features.registry()).command(new dev.lalaland.bot.command.CommandRequest("help",
                    null, Map.of(), ConsoleMode.USER, clock.instant()));
            assertThat(dev.lalaland.bot.render.PlainText.render(help)).contains("/quiz").contains("streak");
            assertThat(dev.lalaland.bot.render.DiscordLimits.violations(help)).isEmpty();
        } finally {
            scheduler.shutdownNow();
        }
    }

    @Test
    void theConsoleControlsARunningNightWithPauseResumeSkipAndEnd() throws Exception {
        // The quiz's timers on virtual time: each job runs when the test runs what is due.
        ManualClock clock = ManualClock.at("2026-11-28T20:00:00Z");
        ManualScheduler scheduler = new ManualScheduler(clock);
        try (Database database = Database.open(dir.resolve("console.db"))) {
            QuizTimings quick = QuizTimings.standard().closingPracticeAfter(1);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ConsoleMode console = console(features(database, clock, scheduler, quick), clock, bytes);

            console.run(new BufferedReader(new StringReader("pause\n/quiz start questions:2 seconds:60\n")));
            scheduler.advance(quick.firstQuestionDelay());
            assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("Question 1 of 2");
            console.run(new BufferedReader(new StringReader("pause\nresume\nskip\nend\n")));
            scheduler.runDue();

            String text = bytes.toString(StandardCharsets.UTF_8);
            assertThat(text).contains("error: no quiz night to control: /quiz start hosts one")
                    .contains("[Pause] [Resume] [Skip question] [End night]")
                    .contains("Quiz night paused by you (question 1 has ")
                    .contains("Quiz night resumed by you: question 1 is open again with ")
                    .contains("you skipped question 1")
                    .contains("Quiz night stopped by you")
                    .contains("Skipped by you")
                    .contains("After 1 of 2 questions");
        } finally {
            scheduler.shutdownNow();
        }
    }

    @Test
    void theConsoleJoinsATeamAndTakesAHint() throws Exception {
        Clock clock = Clock.systemUTC();
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try (Database database = Database.open(dir.resolve("console.db"))) {
            QuizTimings quick = new QuizTimings(java.time.Duration.ofSeconds(20), java.time.Duration.ZERO,
                    java.time.Duration.ofSeconds(30), java.time.Duration.ofSeconds(1), java.time.Duration.ofMillis(750), 1);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ConsoleMode console = console(features(database, clock, scheduler, quick), clock, bytes);

            console.run(new BufferedReader(new StringReader("join seb\nhint\n/quiz start hints:maybe\n"
                    + "/quiz start teams:3\n/quiz start questions:2 seconds:60 mode:teams teams:3 hints:true\n"
                    + "join messengers\njoin 5\njoin the\njoin seb\n")));
            org.awaitility.Awaitility.await("the first question").atMost(java.time.Duration.ofSeconds(10))
                    .until(() -> bytes.toString(StandardCharsets.UTF_8).contains("Question 1 of 2"));
            console.run(new BufferedReader(new StringReader("hint\nhint\nanswer 1\nhint\nend\n")));

            String text = bytes.toString(StandardCharsets.UTF_8);
            assertThat(text).contains("error: no team night to join: /quiz start mode:teams hosts one")
                    .contains("error: no question with a hint: /quiz start hints:true hosts a night with them")
                    .contains("hints must be true or false.")
                    .contains("teams is for a team night: add mode:teams")
                    .contains("[Pause] [Resume] [Skip question] [End night]\n[Join The Messengers] [Join Seb's] "
                            + "[Join Lipton's]")
                    .contains("You joined The Messengers (1 member so far)")
                    .contains("error: join which team? The Messengers, Seb's, Lipton's (or its number)")
                    .contains("You are already in The Messengers tonight.")
                    .contains("You are in The Messengers tonight: one team per night, no switching.")
                    .contains("[💡 Hint]")
                    .contains("💡 Hint for question 1: ")
                    .contains("💡 You already have your hint for question 1: ")
                    .contains("You have already answered this one: a hint comes before your answer")
                    .containsPattern("Locked in: .+\\. The answer is revealed")
                    .contains("Quiz night stopped by you");
            Matcher three = Pattern.compile("is not the answer\\. Pick from the other 3.*\\n\\[(.+)] \\[(.+)] \\[(.+)]$",
                    Pattern.MULTILINE).matcher(text);
            assertThat(three.find()).as("the hint's three choices in:\n" + text).isTrue();
            org.awaitility.Awaitility.await("the final standings").atMost(java.time.Duration.ofSeconds(10))
                    .until(() -> bytes.toString(StandardCharsets.UTF_8).contains("After 1 of 2 questions"));
            assertThat(bytes.toString(StandardCharsets.UTF_8))
                    .containsPattern("The Messengers: \\d+ points \\(1 member, best: you");
        } finally {
            scheduler.shutdownNow();
        }
    }
}

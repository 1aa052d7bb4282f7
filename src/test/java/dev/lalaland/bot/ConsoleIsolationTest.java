package dev.lalaland.bot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lalaland.bot.console.ConsoleMode;
import dev.lalaland.bot.db.Database;
import dev.lalaland.bot.onthisday.DailyPostSchedule.Occurrence;
import dev.lalaland.bot.onthisday.DailyPostStore;
import dev.lalaland.bot.quiz.Difficulty;
import dev.lalaland.bot.quiz.Night;
import dev.lalaland.bot.quiz.NightPlan;
import dev.lalaland.bot.quiz.Question;
import dev.lalaland.bot.quiz.QuizStore;
import dev.lalaland.bot.quiz.Round;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Console mode beside a real bot's state: it runs its own server's daily post and quiz
 * nights, and never claims, prints or ends anything of another server in the database it opens;
 * and by default it does not open the bot's database at all.
 */
class ConsoleIsolationTest {
    private static final String REAL_GUILD = "222222222222222222";
    private static final String REAL_CHANNEL = "222222222222222333";
    private static final String CONSOLE_GUILD = ConsoleMode.USER.guildId();
    private static final String CONSOLE_CHANNEL = ConsoleMode.USER.channelId();

    @TempDir
    Path dir;

    /** The admin points console mode at a copy of the bot's database, with everything due at once. */
    @Test
    void consoleModeOnTheBotsDatabaseTouchesOnlyItsOwnServer() throws Exception {
        Path botDb = dir.resolve("lalaland.db");
        Instant now = Instant.now();
        LocalDateTime minuteAgo = LocalDateTime.ofInstant(now.minusSeconds(60), ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES);
        Occurrence due = new Occurrence(minuteAgo.toLocalDate(), minuteAgo.toInstant(ZoneOffset.UTC));
        Round realOpen;
        long realRunning;
        long realEnded;
        try (Database database = Database.open(botDb)) {
            DailyPostStore posts = new DailyPostStore(database);
            posts.turnOn(REAL_GUILD, REAL_CHANNEL, minuteAgo.toLocalTime(), ZoneOffset.UTC, due, now.minusSeconds(86_400));
            posts.turnOn(CONSOLE_GUILD, CONSOLE_CHANNEL, minuteAgo.toLocalTime(), ZoneOffset.UTC, due,
                    now.minusSeconds(86_400));
            QuizStore quiz = new QuizStore(database);
            realRunning = nightWithOpenQuestion(quiz, REAL_GUILD, REAL_CHANNEL, "Real Host", "Real question?", now);
            realOpen = quiz.openRound(realRunning).orElseThrow();
            realEnded = nightWithOpenQuestion(quiz, REAL_GUILD, "222222222222222444", "Real Host", "Ended question?", now);
            quiz.endNight(realEnded, Night.Status.FINISHED, now);
            nightWithOpenQuestion(quiz, CONSOLE_GUILD, CONSOLE_CHANNEL, "you", "Console question?", now);
        }

        // Both variables name the file: console mode before this issue read BOT_DATABASE.
        MainProcess console = MainProcess.start(dir, Map.of("BOT_DATABASE", botDb.toString(),
                "BOT_CONSOLE_DATABASE", botDb.toString()), "console");
        // Its own night resumed and its own daily post printed: the routines did run.
        console.awaitOutput("Asked again after a restart", 1);
        console.awaitOutput("On this day: ", 1);
        console.type("/config show\n");
        console.awaitOutput("Daily post:", 1);
        MainProcess.Result result = console.endInput();

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).doesNotContain("Real Host", "Real question?", "Ended question?", "Quiz night over");
        assertThat(MainProcess.occurrences(result.out(), "Asked again after a restart")).isEqualTo(1);
        assertThat(MainProcess.occurrences(result.out(), "On this day: ")).isEqualTo(1);
        try (Database database = Database.open(botDb)) {
            DailyPostStore posts = new DailyPostStore(database);
            assertThat(posts.claimed(REAL_GUILD, due.localDate())).as("the real server's day is not claimed").isFalse();
            assertThat(posts.settings(REAL_GUILD).orElseThrow().nextPost()).isEqualTo(due.instant());
            assertThat(posts.claimed(CONSOLE_GUILD, due.localDate())).as("the console's own day is").isTrue();
            QuizStore quiz = new QuizStore(database);
            assertThat(quiz.night(realRunning).orElseThrow().running()).as("the real night is not ended").isTrue();
            Round stillOpen = quiz.openRound(realRunning).orElseThrow();
            assertThat(stillOpen.opensAt()).as("nor its question asked again").isEqualTo(realOpen.opensAt());
            assertThat(quiz.pendingEndPosts()).extracting(r -> r.night().id())
                    .as("the ended night's standings are left for the bot to post").containsExactly(realEnded);
        }
    }

    @Test
    void byDefaultConsoleModeOpensAFileOfItsOwnBesideTheBotsDatabase() throws Exception {
        Path botDb = dir.resolve("lalaland.db");
        MainProcess.Result result = MainProcess.run(dir, Map.of("BOT_DATABASE", botDb.toString()),
                "/config show\n", "console");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("Daily post: off");
        assertThat(botDb).as("the bot's database is not opened").doesNotExist();
        assertThat(dir.resolve("lalaland-console.db")).exists();
    }

    private static long nightWithOpenQuestion(QuizStore quiz, String guild, String channel, String host, String text,
                                              Instant now) {
        Night night = quiz.startNight(new NightPlan(guild, channel, "333333333333333333", host, 3, 60,
                Duration.ofSeconds(60), null, null), now.minusSeconds(30)).orElseThrow();
        Question question = new Question("test." + channel, "cast", Difficulty.EASY, text,
                List.of("A", "B", "C", "D"), 1, "Because B.", List.of("test source"));
        quiz.askInNight(night.id(), question, now.minusSeconds(20), now.plusSeconds(40)).orElseThrow();
        return night.id();
    }
}

package dev.lalaland.bot.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lalaland.bot.db.Database;
import dev.lalaland.bot.db.StoreKind;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Week, month and all-time boards, on a real SQLite file and a real PostgreSQL server. */
@ParameterizedClass
@EnumSource(StoreKind.class)
class QuizBoardStoreTest {
    @Parameter
    StoreKind kind;

    @TempDir
    Path dir;
    private Database database;
    private QuizStore store;
    private int channels;

    @BeforeEach
    void open() {
        database = kind.open(dir);
        store = new QuizStore(database);
    }

    @AfterEach
    void close() {
        database.close();
    }

    /**
     * A one-question night asked at {@code at}: each of {@code right} answers it right (at the
     * buzzer, so an easy question's 100 points), each of {@code wrong} wrongly. Returns the night, ended unless {@code keepRunning}.
     */
    private Night night(String guild, Instant at, List<String> right, List<String> wrong, boolean keepRunning) {
        Night night = store.startNight(new NightPlan(guild, "c" + (++channels), "host", "Host", 1, 20,
                Duration.ofSeconds(20), null, null), at).orElseThrow();
        Round round = store.askInNight(night.id(), TestQuestions.question(1, "songs", Difficulty.EASY), at,
                at.plusSeconds(20)).orElseThrow();
        for (String u : right) {
            store.recordAnswer(round.id(), round.channelId(), u, "Player " + u, 1, round.closesAt(), null);
        }
        for (String u : wrong) {
            store.recordAnswer(round.id(), round.channelId(), u, "Player " + u, 0, round.closesAt(), null);
        }
        store.closeRound(round.id());
        if (!keepRunning) {
            store.endNight(night.id(), Night.Status.FINISHED, at.plusSeconds(60));
        }
        return night;
    }

    private QuizStore.Board board(Period period, Instant now, ZoneId zone, String asker) {
        return store.board("g1", period.containing(now, zone), 10, asker);
    }

    private static List<String> names(QuizStore.Board board) {
        return board.top().stream().map(r -> r.standing().displayName() + " " + r.standing().points()).toList();
    }

    @Test
    void aWeekCountsTheAnswersToQuestionsAskedInItInTheServersZone() {
        // Sunday 6 December 2026, 23:30 UTC: still week 30 Nov in UTC, already week 7 Dec in Paris.
        night("g1", Instant.parse("2026-12-06T23:30:00Z"), List.of("ann"), List.of(), false);
        night("g1", Instant.parse("2026-12-01T20:00:00Z"), List.of("bob", "ann"), List.of(), false);
        night("g1", Instant.parse("2026-11-20T20:00:00Z"), List.of("bob"), List.of(), false);
        Instant monday = Instant.parse("2026-12-07T09:00:00Z");

        assertThat(names(board(Period.WEEK, monday, ZoneId.of("Europe/Paris"), "ann"))).containsExactly("Player ann 100");
        assertThat(names(board(Period.WEEK, monday, ZoneOffset.UTC, "ann"))).isEmpty();
        assertThat(names(store.board("g1", Period.WEEK.lastEnded(monday, ZoneOffset.UTC), 10, "ann")))
                .containsExactly("Player ann 200", "Player bob 100");
        assertThat(names(board(Period.MONTH, monday, ZoneOffset.UTC, "ann")))
                .containsExactly("Player ann 200", "Player bob 100");
        assertThat(names(board(Period.ALL_TIME, monday, ZoneOffset.UTC, "ann")))
                .containsExactly("Player ann 200", "Player bob 200");
        assertThat(store.board("another", Period.WEEK.containing(monday, ZoneOffset.UTC), 10, "ann").top()).isEmpty();
    }

    @Test
    void theAskerOutsideTheTopTenSeesTheirOwnPlace() {
        Instant at = Instant.parse("2026-12-02T20:00:00Z");
        // Player p01 scores 12 times, p02 11 times ... p12 once.
        for (int n = 1; n <= 12; n++) {
            List<String> right = new java.util.ArrayList<>();
            for (int p = 1; p <= 13 - n; p++) {
                right.add(String.format("p%02d", p));
            }
            night("g1", at.plusSeconds(n * 120L), right, n == 1 ? List.of("zero") : List.of(), false);
        }
        for (Period period : Period.values()) {
            QuizStore.Board board = board(period, at.plusSeconds(7200), ZoneOffset.UTC, "p12");
            assertThat(board.top()).as(period.id).hasSize(10).extracting(QuizStore.Ranked::place)
                    .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
            assertThat(board.players()).as("players who scored; zero points are not ranked").isEqualTo(12);
            assertThat(board.askerBelowTop()).hasValueSatisfying(r -> {
                assertThat(r.place()).isEqualTo(12);
                assertThat(r.standing().points()).isEqualTo(100);
            });
            assertThat(board(period, at.plusSeconds(7200), ZoneOffset.UTC, "p03").askerBelowTop())
                    .as("in the top: no extra line").isEmpty();
            assertThat(board(period, at.plusSeconds(7200), ZoneOffset.UTC, "zero").asker())
                    .as("no points, no place").isEmpty();
        }
    }

    @Test
    void aRunningNightCountsOnlyOnceItHasEnded() {
        Instant at = Instant.parse("2026-12-02T20:00:00Z");
        Night running = night("g1", at, List.of("ann"), List.of(), true);
        assertThat(board(Period.WEEK, at, ZoneOffset.UTC, "ann").top()).isEmpty();
        store.endNight(running.id(), Night.Status.STOPPED, at.plusSeconds(30));
        assertThat(names(board(Period.WEEK, at, ZoneOffset.UTC, "ann"))).containsExactly("Player ann 100");
    }

    @Test
    void boardsSurviveReopeningTheDatabase() {
        Instant at = Instant.parse("2026-12-02T20:00:00Z");
        night("g1", at, List.of("ann", "bob"), List.of("cy"), false);
        database.close();
        database = kind.open(dir);
        store = new QuizStore(database);
        assertThat(names(board(Period.WEEK, at, ZoneOffset.UTC, "cy"))).containsExactly("Player ann 100", "Player bob 100");
    }

    @Test
    void aProfileAddsUpEveryNightAndKeepsItWhenTheNightsAreDeleted() {
        Instant at = Instant.parse("2026-12-02T20:00:00Z");
        assertThat(store.profile("g1", "ann")).isEmpty();
        // Night 1: three questions; ann right, wrong, right; bob right once.
        Night first = store.startNight(new NightPlan("g1", "c1", "host", "Host", 3, 20, Duration.ofSeconds(20), null,
                null), at).orElseThrow();
        for (int n = 1; n <= 3; n++) {
            Round round = store.askInNight(first.id(), TestQuestions.question(n, n == 2 ? "cast" : "songs",
                    Difficulty.EASY), at, at.plusSeconds(20)).orElseThrow();
            store.recordAnswer(round.id(), round.channelId(), "ann", "Ann", n == 2 ? 0 : 1, round.closesAt(), null);
            if (n == 1) {
                store.recordAnswer(round.id(), round.channelId(), "bob", "Bob", 1, round.closesAt(), null);
            }
            store.closeRound(round.id());
        }
        store.endNight(first.id(), Night.Status.FINISHED, at.plusSeconds(100));
        // Night 2: ann right twice in a row, under a new name.
        Night second = store.startNight(new NightPlan("g1", "c1", "host", "Host", 2, 20, Duration.ofSeconds(20), null,
                null), at.plusSeconds(3600)).orElseThrow();
        for (int n = 4; n <= 5; n++) {
            Round round = store.askInNight(second.id(), TestQuestions.question(n, "songs", Difficulty.EASY),
                    at.plusSeconds(3600), at.plusSeconds(3620)).orElseThrow();
            store.recordAnswer(round.id(), round.channelId(), "ann", "Ann 2", 1, round.closesAt(), null);
            store.closeRound(round.id());
        }
        store.endNight(second.id(), Night.Status.STOPPED, at.plusSeconds(3700));

        Profile ann = store.profile("g1", "ann").orElseThrow();
        assertThat(ann.displayName()).isEqualTo("Ann 2");
        assertThat(ann.nights()).isEqualTo(2);
        assertThat(ann.answers()).isEqualTo(5);
        assertThat(ann.correct()).isEqualTo(4);
        assertThat(ann.accuracyPercent()).hasValue(80);
        assertThat(ann.bestStreak()).isEqualTo(2);
        assertThat(ann.points()).as("100 a right answer, and +20 for the second in a row of night 2").isEqualTo(420);
        assertThat(ann.categories()).containsExactly(new Profile.CategoryPoints("songs", 4, 4, 420),
                new Profile.CategoryPoints("cast", 1, 0, 0));
        assertThat(store.profile("g1", "bob").orElseThrow().nights()).isEqualTo(1);
        assertThat(store.profile("other", "ann")).isEmpty();

        store.endPosted(first.id()).join();
        store.endPosted(second.id()).join();
        assertThat(store.forgetClosedBefore(at.plus(Quiz.KEEP_CLOSED).plusSeconds(7200))).isEqualTo(2);
        database.close();
        database = kind.open(dir);
        store = new QuizStore(database);
        assertThat(store.profile("g1", "ann")).as("kept after the nights are deleted, and across a restart")
                .hasValue(ann);
        assertThat(board(Period.WEEK, at, ZoneOffset.UTC, "ann").top()).as("a week needs the stored answers").isEmpty();
    }

    @Test
    void aRevealWaitingToBePostedKeepsWhyItClosedEarlyAcrossARestart() {
        Instant at = Instant.parse("2026-12-02T20:00:00Z");
        Night night = store.startNight(new NightPlan("g1", "c1", "host", "Host", 2, 20, Duration.ofSeconds(20), null,
                null), at).orElseThrow();
        Round round = store.askInNight(night.id(), TestQuestions.question(1, "songs", Difficulty.EASY), at,
                at.plusSeconds(20)).orElseThrow();
        assertThat(store.closeRound(round.id(), "⏭️ Skipped by Host: answers given so far count.").orElseThrow()
                .closeNote()).isEqualTo("⏭️ Skipped by Host: answers given so far count.");
        database.close();
        database = kind.open(dir);
        store = new QuizStore(database);
        assertThat(store.pendingReveals()).singleElement().satisfies(r ->
                assertThat(r.closeNote()).isEqualTo("⏭️ Skipped by Host: answers given so far count."));
        Round next = store.askInNight(night.id(), TestQuestions.question(2, "songs", Difficulty.EASY), at,
                at.plusSeconds(20)).orElseThrow();
        assertThat(store.closeRound(next.id()).orElseThrow().closeNote()).as("closed on time").isNull();
    }
}

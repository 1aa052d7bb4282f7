package dev.lalaland.bot.quiz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.lalaland.bot.db.Database;
import dev.lalaland.bot.db.StoreKind;
import dev.lalaland.bot.testing.ManualClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Team members, joins and hints (V8) on a real SQLite file and a real PostgreSQL server, across a reopen. */
@ParameterizedClass
@EnumSource(StoreKind.class)
class TeamHintStoreTest {
    @Parameter
    StoreKind kind;

    @TempDir
    Path dir;
    private Database database;
    private QuizStore store;
    private TeamHintStore teams;
    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-02T20:00:00Z"));
    /** Easy, answer 1 (100 base points); and hard, answer 1. */
    private final Question easy = TestQuestions.question(1, "cast", Difficulty.EASY);
    private final Question hard = TestQuestions.question(2, "cast", Difficulty.HARD);

    @BeforeEach
    void open() {
        database = kind.open(dir);
        store = new QuizStore(database);
        teams = new TeamHintStore(database);
    }

    @AfterEach
    void close() {
        database.close();
    }

    /** Closes the database and opens it again, as a restart does. */
    private void reopen() {
        database.close();
        open();
    }

    private Night night(NightStyle style) {
        return store.startNight(new NightPlan("g1", "c1", "host", "Host", 3, 20, Duration.ofSeconds(20), null, null,
                style), clock.instant()).orElseThrow();
    }

    private Round ask(Night night, Question q) {
        return store.askInNight(night.id(), q, clock.instant(), clock.instant().plusSeconds(20)).orElseThrow();
    }

    private void answer(Round round, String user, int choice, Instant at) {
        assertThat(store.recordAnswer(round.id(), "c1", user, "P" + user, choice, at, null).kind())
                .isEqualTo(AnswerOutcome.Kind.RECORDED);
    }

    @Test
    void aNightKeepsItsStyleAndSoloIsTheDefault() {
        Night teamNight = night(new NightStyle(3, true));
        store.endNight(teamNight.id(), Night.Status.STOPPED, clock.instant());
        Night solo = store.startNight(new NightPlan("g1", "c1", "host", "Host", 3, 20, Duration.ofSeconds(20), null,
                null), clock.instant()).orElseThrow();
        reopen();
        assertThat(store.night(teamNight.id()).orElseThrow().style()).isEqualTo(new NightStyle(3, true));
        assertThat(store.night(solo.id()).orElseThrow().style()).isEqualTo(NightStyle.SOLO);
    }

    @Test
    void aMemberIsInOneTeamANightAndLatePlayersGoToTheSmallest() {
        Night night = night(new NightStyle(2, false));
        assertThat(teams.join(night.id(), "u1", "Ann", 2, clock.instant())).isEqualTo(2);
        assertThat(teams.join(night.id(), "u1", "Ann", 1, clock.instant())).as("no switching").isEqualTo(2);
        assertThat(teams.join(night.id(), "u2", "Ben", 2, clock.instant())).isEqualTo(2);
        reopen();
        assertThat(teams.teamOf(night.id(), "u1")).contains(2);
        assertThat(teams.sizes(night.id(), 2)).containsExactly(0, 2);

        Round round = ask(night, easy);
        answer(round, "u3", 1, round.opensAt());     // team 1 has none: there
        answer(round, "u4", 0, round.opensAt());     // 1 and 2: team 1 again
        answer(round, "u5", 1, round.opensAt());     // 2 and 2: a tie, the first in film order
        answer(round, "u1", 1, round.opensAt());     // joined already: stays
        assertThat(teams.teamOf(night.id(), "u3")).contains(1);
        assertThat(teams.teamOf(night.id(), "u4")).contains(1);
        assertThat(teams.teamOf(night.id(), "u5")).contains(1);
        assertThat(teams.teamOf(night.id(), "u1")).contains(2);

        RoundResult result = store.closeRound(round.id()).orElseThrow();
        // Right, at once: 150 each (u3, u5 in team 1; u1 in team 2).
        assertThat(result.teams()).extracting(TeamStanding::name, TeamStanding::points, TeamStanding::members)
                .containsExactly(tuple("The Messengers", 300, 3), tuple("Seb's", 150, 2));
        assertThat(result.teams().get(0).best().displayName()).isEqualTo("Pu3");
        assertThat(store.endNight(night.id(), Night.Status.FINISHED, clock.instant()).orElseThrow().teams())
                .extracting(TeamStanding::points).containsExactly(300, 150);
    }

    @Test
    void aSoloNightPlacesNobody() {
        Night night = night(NightStyle.SOLO);
        Round round = ask(night, easy);
        answer(round, "u1", 1, round.opensAt());
        assertThat(teams.teamOf(night.id(), "u1")).isEmpty();
        assertThat(store.closeRound(round.id()).orElseThrow().teams()).isEmpty();
    }

    @Test
    void joiningClosesOnceAndTheOpeningMessageIsRememberedOnce() {
        Night night = night(new NightStyle(2, false));
        assertThat(teams.joinsClosed(night.id())).isFalse();
        assertThat(teams.openingMessage(night.id())).isEmpty();
        assertThat(teams.openingMessageIs(night.id(), "m1")).isTrue();
        assertThat(teams.openingMessageIs(night.id(), "m2")).isFalse();
        assertThat(teams.closeJoins(night.id())).isTrue();
        assertThat(teams.closeJoins(night.id())).isFalse();
        reopen();
        assertThat(teams.joinsClosed(night.id())).isTrue();
        assertThat(teams.openingMessage(night.id())).contains("m1");
    }

    @Test
    void oneHintPerPlayerPerQuestionAndNoneAfterAnswering() {
        Night night = night(new NightStyle(0, true));
        Round round = ask(night, easy);
        TeamHintStore.HintOutcome first = teams.useHint(round.id(), "u1", "Ann", 3, clock.instant());
        assertThat(first).isEqualTo(new TeamHintStore.HintOutcome(TeamHintStore.HintOutcome.Kind.GIVEN, 3));
        reopen();
        assertThat(teams.useHint(round.id(), "u1", "Ann", 2, clock.instant()))
                .as("the same hint as before the restart")
                .isEqualTo(new TeamHintStore.HintOutcome(TeamHintStore.HintOutcome.Kind.ALREADY_USED, 3));
        answer(round, "u2", 0, round.opensAt());
        assertThat(teams.useHint(round.id(), "u2", "Ben", 2, clock.instant()).kind())
                .isEqualTo(TeamHintStore.HintOutcome.Kind.ALREADY_ANSWERED);
        assertThat(teams.hint(round.id(), "u2")).isEmpty();
    }

    @Test
    void aRightAnswerAfterAHintScoresHalfWithoutStreakBonusAndEndsTheStreak() {
        Night night = night(new NightStyle(0, true));
        Round r1 = ask(night, easy);
        answer(r1, "u1", 1, r1.opensAt());     // 150, streak 1
        answer(r1, "u2", 1, r1.opensAt());
        store.closeRound(r1.id());

        Round r2 = ask(night, hard);
        teams.useHint(r2.id(), "u1", "Pu1", 0, clock.instant());
        answer(r2, "u1", 1, r2.opensAt().plusSeconds(5));   // 200 + 75 = 275, halved 138; no +20 streak
        answer(r2, "u2", 1, r2.opensAt().plusSeconds(5));   // 200 + 75 + 20 = 295
        RoundResult second = store.closeRound(r2.id()).orElseThrow();
        assertThat(second.right()).extracting(RoundResult.Scored::userId, RoundResult.Scored::points,
                RoundResult.Scored::hinted, RoundResult.Scored::streak)
                .containsExactly(tuple("u1", 138, true, 0), tuple("u2", 295, false, 2));
        assertThat(second.hinted()).containsExactly("Pu1");

        Round r3 = ask(night, easy);
        answer(r3, "u1", 1, r3.closesAt());   // 100, a new streak: no bonus
        answer(r3, "u2", 1, r3.closesAt());   // 100 + 40
        reopen();
        RoundResult third = store.closeRound(r3.id()).orElseThrow();
        assertThat(third.right()).extracting(RoundResult.Scored::userId, RoundResult.Scored::points,
                RoundResult.Scored::streak).containsExactly(tuple("u1", 100, 1), tuple("u2", 140, 3));
        assertThat(third.hinted()).isEmpty();
        assertThat(third.standings()).extracting(Standing::userId, Standing::points)
                .containsExactly(tuple("u2", 585), tuple("u1", 388));
    }
}

package dev.lalaland.bot.quiz;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lalaland.bot.db.Database;
import dev.lalaland.bot.db.GuildScope;
import dev.lalaland.bot.db.StoreKind;
import dev.lalaland.bot.shard.ShardPlan;
import dev.lalaland.bot.testing.ShardedServers;
import dev.lalaland.bot.testing.ManualClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The quiz tables on a real SQLite file. */
@ParameterizedClass
@EnumSource(StoreKind.class)
class QuizStoreTest {
    @Parameter
    StoreKind kind;

    @TempDir
    Path dir;
    private Database database;
    private QuizStore store;
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-28T20:00:00Z"));
    private final Question q1 = TestQuestions.question(1, "cast", Difficulty.EASY);
    private final Question q2 = TestQuestions.question(2, "cast", Difficulty.HARD);

    @BeforeEach
    void open() {
        database = kind.open(dir);
        store = new QuizStore(database);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private Night night(String channel, int questions) {
        return store.startNight(new NightPlan("g1", channel, "host", "Host", questions, 20, Duration.ofSeconds(20),
                null, null), clock.instant()).orElseThrow();
    }

    private Round ask(Night night, Question q) {
        return store.askInNight(night.id(), q, clock.instant(), clock.instant().plusSeconds(20)).orElseThrow();
    }

    @Test
    void oneRunningNightPerChannel() {
        Night first = night("c1", 2);
        assertThat(store.startNight(new NightPlan("g1", "c1", "other", "Other", 5, 20, Duration.ofSeconds(20), null,
                null), clock.instant())).isEmpty();
        assertThat(store.startNight(new NightPlan("g1", "c2", "other", "Other", 5, 20, Duration.ofSeconds(20), null,
                null), clock.instant())).as("another channel is free").isPresent();
        store.endNight(first.id(), Night.Status.STOPPED, clock.instant());
        assertThat(store.runningNight("c1")).isEmpty();
        assertThat(store.startNight(new NightPlan("g1", "c1", "other", "Other", 5, 20, Duration.ofSeconds(20), null,
                null), clock.instant())).as("free again once ended").isPresent();
    }

    @Test
    void anAnswerIsRecordedOncePerPlayer() {
        Round round = ask(night("c1", 2), q1);
        AnswerOutcome first = store.recordAnswer(round.id(), round.channelId(), "u1", "Ann", 1, clock.instant(), "m1");
        AnswerOutcome again = store.recordAnswer(round.id(), round.channelId(), "u1", "Ann", 3, clock.instant(), "m1");
        assertThat(first.kind()).isEqualTo(AnswerOutcome.Kind.RECORDED);
        assertThat(again.kind()).isEqualTo(AnswerOutcome.Kind.ALREADY_ANSWERED);
        assertThat(again.choice()).as("the first answer stands").isEqualTo(1);
        assertThat(store.round(round.id()).orElseThrow().messageId()).isEqualTo("m1");
        assertThat(store.closeRound(round.id()).orElseThrow().answers()).isEqualTo(1);
    }

    @Test
    void answersAfterTheDeadlineOrTheCloseAreRefused() {
        Round round = ask(night("c1", 2), q1);
        AnswerOutcome late = store.recordAnswer(round.id(), round.channelId(), "u1", "Ann", 1, round.closesAt().plusMillis(1), null);
        assertThat(late.kind()).isEqualTo(AnswerOutcome.Kind.TIMES_UP);
        store.closeRound(round.id());
        AnswerOutcome closed = store.recordAnswer(round.id(), round.channelId(), "u2", "Bob", 1, round.opensAt(), null);
        assertThat(closed.kind()).isEqualTo(AnswerOutcome.Kind.CLOSED);
        assertThat(store.recordAnswer(99_999, "c1", "u2", "Bob", 1, round.opensAt(), null).kind())
                .isEqualTo(AnswerOutcome.Kind.UNKNOWN_QUESTION);
        assertThat(store.recordAnswer(round.id(), "another-channel", "u3", "Cy", 1, round.opensAt(), null).kind())
                .as("a button id from another channel (forged): not this question")
                .isEqualTo(AnswerOutcome.Kind.UNKNOWN_QUESTION);
    }

    @Test
    void closingScoresOnceWithSpeedAndStreaks() {
        Night night = night("c1", 2);
        Round r1 = ask(night, q1);
        store.recordAnswer(r1.id(), r1.channelId(), "u1", "Ann", 1, r1.opensAt(), null);                 // right, instantly
        store.recordAnswer(r1.id(), r1.channelId(), "u2", "Bob", 1, r1.closesAt(), null);                // right, at the buzzer
        store.recordAnswer(r1.id(), r1.channelId(), "u3", "Cy", 0, r1.opensAt(), null);                  // wrong
        RoundResult first = store.closeRound(r1.id()).orElseThrow();
        assertThat(store.closeRound(r1.id())).as("a second close does nothing").isEmpty();
        assertThat(first.choiceCounts()).containsExactly(1, 2, 0, 0);
        assertThat(first.right()).extracting(RoundResult.Scored::displayName, RoundResult.Scored::points)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Ann", 150), org.assertj.core.groups.Tuple.tuple("Bob", 100));

        Round r2 = ask(night, q2);
        store.recordAnswer(r2.id(), r2.channelId(), "u1", "Ann", 1, r2.closesAt(), null);                // right again: streak 2
        store.recordAnswer(r2.id(), r2.channelId(), "u3", "Cy", 1, r2.closesAt(), null);                 // right, streak 1
        // Bob does not answer: his streak is broken.
        RoundResult second = store.closeRound(r2.id()).orElseThrow();
        assertThat(second.right()).extracting(RoundResult.Scored::displayName, RoundResult.Scored::points,
                RoundResult.Scored::streak).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Ann", 220, 2), org.assertj.core.groups.Tuple.tuple("Cy", 200, 1));
        assertThat(second.standings()).extracting(Standing::displayName, Standing::points)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Ann", 370), org.assertj.core.groups.Tuple.tuple("Cy", 200),
                        org.assertj.core.groups.Tuple.tuple("Bob", 100));
    }

    @Test
    void aNightAsksNoMoreThanItsCountAndNothingAfterItEnds() {
        Night night = night("c1", 1);
        Round r1 = ask(night, q1);
        assertThat(store.askInNight(night.id(), q2, clock.instant(), clock.instant().plusSeconds(20)))
                .as("a question is still open").isEmpty();
        store.closeRound(r1.id());
        assertThat(store.askInNight(night.id(), q2, clock.instant(), clock.instant().plusSeconds(20)))
                .as("all questions asked").isEmpty();
        Night other = night("c2", 5);
        store.endNight(other.id(), Night.Status.STOPPED, clock.instant());
        assertThat(store.askInNight(other.id(), q2, clock.instant(), clock.instant().plusSeconds(20)))
                .as("the night has ended").isEmpty();
    }

    @Test
    void endingANightScoresItsOpenQuestionAndCreditsTheLeaderboardOnce() {
        Night night = night("c1", 3);
        Round r1 = ask(night, q1);
        store.recordAnswer(r1.id(), r1.channelId(), "u1", "Ann", 1, r1.closesAt(), null);
        store.recordAnswer(r1.id(), r1.channelId(), "u2", "Bob", 2, r1.closesAt(), null);
        NightResult result = store.endNight(night.id(), Night.Status.STOPPED, clock.instant()).orElseThrow();
        assertThat(store.endNight(night.id(), Night.Status.FINISHED, clock.instant())).as("ends once").isEmpty();
        assertThat(result.questionsAsked()).isEqualTo(1);
        assertThat(result.standings()).extracting(Standing::displayName).containsExactly("Ann", "Bob");
        assertThat(store.round(r1.id()).orElseThrow().open()).isFalse();
        assertThat(store.leaderboard("g1", 10)).extracting(Standing::displayName, Standing::points)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Ann", 100));

        Night next = night("c1", 1);
        Round r2 = ask(next, q2);
        store.recordAnswer(r2.id(), r2.channelId(), "u2", "Bob", 1, r2.closesAt(), null);
        store.recordAnswer(r2.id(), r2.channelId(), "u1", "Ann", 1, r2.closesAt(), null);
        store.closeRound(r2.id());
        store.endNight(next.id(), Night.Status.FINISHED, clock.instant());
        assertThat(store.leaderboard("g1", 10)).extracting(Standing::displayName, Standing::points)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Ann", 300), org.assertj.core.groups.Tuple.tuple("Bob", 200));
        assertThat(store.leaderboard("another-guild", 10)).isEmpty();
    }

    @Test
    void practiceQuestionsAreNotScored() {
        Round round = store.askPractice("g1", "c1", q1, clock.instant(), clock.instant().plusSeconds(20), saved -> { });
        store.recordAnswer(round.id(), round.channelId(), "u1", "Ann", 1, clock.instant(), null);
        RoundResult result = store.closeRound(round.id()).orElseThrow();
        assertThat(result.right()).extracting(RoundResult.Scored::points).containsExactly(0);
        assertThat(result.standings()).isEmpty();
        assertThat(store.leaderboard("g1", 10)).isEmpty();
    }

    @Test
    void remembersWhenEachServerLastSawAQuestion() {
        store.askPractice("g1", "c1", q1, clock.instant(), clock.instant().plusSeconds(20), saved -> { });
        clock.advance(Duration.ofHours(1));
        Round again = store.askPractice("g1", "c9", q1, clock.instant(), clock.instant().plusSeconds(20), saved -> { });
        Round inNight = ask(night("c2", 2), q2);
        store.awaitAllSaved();
        assertThat(store.lastSeen("g1")).containsOnly(
                Map.entry("test.1", again.opensAt()), Map.entry("test.2", inNight.opensAt()));
        assertThat(store.lastSeen("g2")).isEmpty();
    }

    @Test
    void survivesReopeningTheFile() {
        Night night = night("c1", 2);
        Round round = ask(night, q1);
        store.recordAnswer(round.id(), round.channelId(), "u1", "Ann", 1, clock.instant(), null);
        database.close();
        database = kind.open(dir);
        store = new QuizStore(database);
        assertThat(store.runningNights()).extracting(Night::id).containsExactly(night.id());
        assertThat(store.openRound(night.id())).get().extracting(Round::question).isEqualTo(q1);
        assertThat(store.recordAnswer(round.id(), round.channelId(), "u1", "Ann", 2, clock.instant(), null).kind())
                .isEqualTo(AnswerOutcome.Kind.ALREADY_ANSWERED);
    }

    @Test
    void aPracticeQuestionIsReturnedAsItWillBeStoredAndCanBeAnsweredAtOnce() {
        Instant opens = Instant.parse("2026-11-28T20:00:00.123456789Z");
        Round asked = store.askPractice("g1", "c1", q1, opens, opens.plusSeconds(20), saved -> { });

        assertThat(asked.opensAt()).as("stored to the millisecond").isEqualTo(Instant.parse("2026-11-28T20:00:00.123Z"));
        assertThat(store.recordAnswer(asked.id(), asked.channelId(), "u1", "Ann", 1, opens, null).kind())
                .as("answered before the background save could be assumed done").isEqualTo(AnswerOutcome.Kind.RECORDED);
        assertThat(store.round(asked.id())).contains(asked);
    }

    @Test
    void roundIdsKeepGrowingAcrossNightsPracticeAndRestarts() {
        Round practice = store.askPractice("g1", "c1", q1, clock.instant(), clock.instant().plusSeconds(20), saved -> { });
        Round inNight = ask(night("c2", 2), q2);
        assertThat(inNight.id()).isGreaterThan(practice.id());
        database.close();

        database = kind.open(dir);
        store = new QuizStore(database);
        Round afterRestart = store.askPractice("g1", "c1", q2, clock.instant(), clock.instant().plusSeconds(20), saved -> { });
        assertThat(afterRestart.id()).isGreaterThan(inNight.id());
        assertThat(store.round(practice.id())).as("saved before the file was closed").get()
                .extracting(Round::question).isEqualTo(q1);
    }

    @Test
    void aStoreScopedToSomeShardsResumesOnlyTheirServersRoundsAndNights() {
        // Snowflakes past 2^53, so a cast that lost digits would put them on the wrong shard.
        String onShard0 = ShardedServers.idOnShard(0, 0, 2);
        String onShard1 = ShardedServers.idOnShard(0, 1, 2);
        Round other = store.askPractice(onShard0, "c0", q1, clock.instant(), clock.instant().plusSeconds(20), saved -> { });
        Round ours = store.askPractice(onShard1, "c1", q2, clock.instant(), clock.instant().plusSeconds(20), saved -> { });
        for (String guild : List.of(onShard0, onShard1)) {
            store.startNight(new NightPlan(guild, "n" + guild, "host", "Host", 3, 20, Duration.ofSeconds(20), null,
                    null), clock.instant()).orElseThrow();
        }

        QuizStore shard1 = new QuizStore(database, GuildScope.onShards(ShardPlan.some(2, new TreeSet<>(List.of(1)))));
        assertThat(shard1.openRounds()).containsExactly(ours);
        assertThat(shard1.runningNights()).extracting(Night::guildId).containsExactly(onShard1);
        QuizStore console = new QuizStore(database, GuildScope.only(onShard0));
        assertThat(console.openRounds()).containsExactly(other);
        assertThat(store.openRounds()).as("unscoped: every server").containsExactly(other, ours);
    }

    @Test
    void closingTheDatabaseFinishesQueuedSaves() {
        java.util.List<Round> asked = new java.util.ArrayList<>();
        for (int i = 0; i < 200; i++) {
            asked.add(store.askPractice("g1", "c" + i, i % 2 == 0 ? q1 : q2, clock.instant(),
                    clock.instant().plusSeconds(20), saved -> { }));
        }
        database.close();

        database = kind.open(dir);
        store = new QuizStore(database);
        assertThat(store.openRounds()).containsExactlyElementsOf(asked);
    }

    @Test
    void aPracticeQuestionThatCouldNotBeSavedCannotBeAnswered() {
        // The table requires an explanation, so this save fails on the writer thread.
        Question unsaveable = new Question("test.bad", "cast", Difficulty.EASY, "Saved?", java.util.List.of("A", "B", "C", "D"),
                1, null, java.util.List.of("test source"));
        Round lost = store.askPractice("g1", "c1", unsaveable, clock.instant(), clock.instant().plusSeconds(20), saved -> { });

        assertThat(store.recordAnswer(lost.id(), lost.channelId(), "u1", "Ann", 1, clock.instant(), null).kind())
                .isEqualTo(AnswerOutcome.Kind.UNKNOWN_QUESTION);
        assertThat(store.round(lost.id())).isEmpty();
        Round next = store.askPractice("g1", "c1", q1, clock.instant(), clock.instant().plusSeconds(20), saved -> { });
        assertThat(store.round(next.id())).as("later questions are saved as usual").contains(next);
    }

    @Test
    void aClosedRoundWaitsForItsRevealAndReadsBackAsItClosed() {
        Night night = night("c1", 3);
        Round round = ask(night, q1);
        int right = q1.answer();
        int wrong = (right + 1) % Question.CHOICES;
        store.recordAnswer(round.id(), round.channelId(), "u1", "Ann", right, clock.instant().plusSeconds(2), "m1");
        store.recordAnswer(round.id(), round.channelId(), "u2", "Bob", wrong, clock.instant().plusSeconds(3), "m1");
        store.recordAnswer(round.id(), round.channelId(), "u3", "Cid", right, clock.instant().plusSeconds(9), "m1");

        RoundResult closed = store.closeRound(round.id()).orElseThrow();
        assertThat(closed.right()).extracting(RoundResult.Scored::displayName).containsExactly("Ann", "Cid");
        assertThat(closed.right()).allMatch(s -> s.points() > 0 && s.streak() == 1);
        assertThat(store.pendingReveals()).as("read back after a restart: the same reveal").containsExactly(closed);

        store.revealPosted(round.id()).join();
        assertThat(store.pendingReveals()).isEmpty();
    }

    @Test
    void onlyARevealStillToBePostedIsPending() {
        Round practice = store.askPractice("g1", "c2", q2, clock.instant(), clock.instant().plusSeconds(20), r -> { });
        assertThat(store.closeRoundRevealedInReply(practice.id())).isPresent();
        Night night = night("c1", 3);
        ask(night, q1);
        store.endNight(night.id(), Night.Status.STOPPED, clock.instant());
        assertThat(store.pendingReveals()).as("shown in a click's reply; ended with the night").isEmpty();
    }

    @Test
    void anEndedNightWaitsForItsFinalStandingsUnlessItFailed() {
        Night stopped = night("c1", 3);
        Night failed = night("c2", 3);
        store.endNight(stopped.id(), Night.Status.STOPPED, clock.instant());
        store.endNight(failed.id(), Night.Status.FAILED, clock.instant());
        assertThat(store.pendingEndPosts()).extracting(r -> r.night().id(), NightResult::endedAs, NightResult::endedAt)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(stopped.id(), Night.Status.STOPPED, clock.instant()));
        store.endPosted(stopped.id()).join();
        assertThat(store.pendingEndPosts()).isEmpty();
    }

    @Test
    void closedPracticeQuestionsAndEndedNightsAreForgottenAfterTheCutoffAndTheLeaderboardStays() {
        Round old = store.askPractice("g1", "c1", q1, clock.instant(), clock.instant().plusSeconds(20), r -> { });
        store.recordAnswer(old.id(), old.channelId(), "u1", "Ann", q1.answer(), clock.instant().plusSeconds(1), "m1");
        store.closeRound(old.id());
        store.revealPosted(old.id()).join();
        Round unrevealed = store.askPractice("g1", "c2", q1, clock.instant(), clock.instant().plusSeconds(20), r -> { });
        store.closeRound(unrevealed.id());
        Round stillOpen = store.askPractice("g1", "c3", q2, clock.instant(), clock.instant().plusSeconds(20), r -> { });
        Night ended = night("c4", 1);
        Round nightRound = ask(ended, q1);
        store.recordAnswer(nightRound.id(), nightRound.channelId(), "u1", "Ann", q1.answer(), clock.instant().plusSeconds(1), "m2");
        store.closeRound(nightRound.id());
        store.endNight(ended.id(), Night.Status.FINISHED, clock.instant().plusSeconds(30));
        store.endPosted(ended.id()).join();
        Night running = night("c5", 3);
        List<Standing> leaderboard = store.leaderboard("g1", 10);

        clock.advance(Duration.ofDays(31));
        Round recent = store.askPractice("g1", "c6", q2, clock.instant(), clock.instant().plusSeconds(20), r -> { });
        store.closeRound(recent.id());
        store.revealPosted(recent.id()).join();

        assertThat(store.forgetClosedBefore(clock.instant().minus(Duration.ofDays(30)))).as("one question, one night")
                .isEqualTo(2);
        assertThat(store.round(old.id())).isEmpty();
        assertThat(store.round(nightRound.id())).as("went with its night").isEmpty();
        assertThat(store.night(ended.id())).isEmpty();
        assertThat(store.round(unrevealed.id())).as("its reveal may still be posted").isPresent();
        assertThat(store.round(stillOpen.id())).isPresent();
        assertThat(store.round(recent.id())).isPresent();
        assertThat(store.night(running.id())).isPresent();
        assertThat(store.leaderboard("g1", 10)).isEqualTo(leaderboard).isNotEmpty();
        assertThat(store.forgetClosedBefore(clock.instant().minus(Duration.ofDays(30)))).isZero();
    }

    @Test
    void manyOldQuestionsAreForgottenInSeveralSmallTransactions() {
        for (int i = 0; i < 450; i++) {
            Round r = store.askPractice("g1", "c" + i, q1, clock.instant(), clock.instant().plusSeconds(20), x -> { });
            store.closeRound(r.id());
            store.revealPosted(r.id());
        }
        database.writeQueuedNow();
        await("every reveal recorded").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5))
                .until(() -> store.pendingReveals().isEmpty());
        clock.advance(Duration.ofDays(31));
        assertThat(store.forgetClosedBefore(clock.instant().minus(Duration.ofDays(30)))).isEqualTo(450);
    }

    @Test
    void oldPracticeQuestionsAreFoundByTheirIndexNotByReadingEveryQuestion() {
        assumeTrue(kind == StoreKind.SQLITE, "SQLite's query plan");
        List<String> plan = database.read(h -> h.select("EXPLAIN QUERY PLAN "
                + QuizStore.forgetPractice(database.dialect(), GuildScope.everyServer()),
                clock.instant().toEpochMilli(), 200)
                .map((r, ctx) -> r.getString("detail")).list());
        assertThat(plan).anyMatch(step -> step.contains("quiz_round_practice_closed"))
                .noneMatch(step -> step.startsWith("SCAN quiz_round"));
    }
}

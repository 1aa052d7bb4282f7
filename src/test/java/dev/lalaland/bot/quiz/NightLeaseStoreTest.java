package dev.lalaland.bot.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lalaland.bot.db.Database;
import dev.lalaland.bot.db.GuildScope;
import dev.lalaland.bot.db.StoreKind;
import dev.lalaland.bot.shard.ShardPlan;
import dev.lalaland.bot.testing.ManualClock;
import dev.lalaland.bot.testing.ShardedServers;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The lease of a quiz night, as two bot processes over one database see it (each process its own
 * connection and instance id): who may advance a night, renewing, losing and taking over a lease.
 */
@ParameterizedClass
@EnumSource(StoreKind.class)
class NightLeaseStoreTest {
    private static final Duration LEASE = Duration.ofSeconds(20);
    private static final Duration OTHERS_WAIT = Duration.ofSeconds(10);
    /** A server on shard 0 of 2. */
    private static final String SERVER = ShardedServers.idOnShard(0, 0, 2);

    @Parameter
    StoreKind kind;

    @TempDir
    Path dir;
    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-02T20:00:00Z"));
    private final List<Database> databases = new ArrayList<>();
    private QuizStore a;
    private QuizStore b;

    @BeforeEach
    void open() {
        a = process("a", GuildScope.everyServer());
        b = process("b", GuildScope.everyServer());
    }

    @AfterEach
    void close() {
        databases.forEach(Database::close);
    }

    /** A bot process of its own over the test's database: its own connection, its own instance id. */
    private QuizStore process(String instanceId, GuildScope scope) {
        Database database = kind.open(dir);
        databases.add(database);
        return new QuizStore(database, scope, instanceId, LEASE);
    }

    private Night start(QuizStore store, String channel) {
        return store.startNight(new NightPlan(SERVER, channel, "host", "Host", 3, 20, Duration.ofSeconds(20), null,
                null), clock.instant()).orElseThrow();
    }

    private Optional<Round> ask(QuizStore store, Night night, int question) {
        return store.askInNight(night.id(), TestQuestions.question(question, "cast", Difficulty.EASY), clock.instant(),
                clock.instant().plusSeconds(20));
    }

    @Test
    void theProcessThatStartsANightHoldsItsLeaseAndRenewsIt() {
        Night night = start(a, "c1");
        assertThat(a.lease(night.id())).contains(new QuizStore.Lease("a", clock.instant().plus(LEASE)));
        assertThat(a.owns(night.id())).isTrue();
        assertThat(b.owns(night.id())).isFalse();

        clock.advance(Duration.ofSeconds(15));
        assertThat(a.renewLeases(clock.instant().plus(LEASE))).containsExactly(night.id());
        assertThat(b.renewLeases(clock.instant().plus(LEASE))).as("b owns nothing").isEmpty();
        assertThat(a.lease(night.id()).orElseThrow().until()).isEqualTo(clock.instant().plus(LEASE));

        // Past the first lease's end, but renewed: nobody takes it.
        clock.advance(Duration.ofSeconds(10));
        assertThat(b.takeOverLapsed(clock.instant(), Optional.of(clock.instant()))).isEmpty();
        assertThat(a.lease(night.id()).orElseThrow().owner()).isEqualTo("a");
    }

    @Test
    void onlyTheOwnerAdvancesANight() {
        Night night = start(a, "c1");
        assertThat(ask(b, night, 1)).as("b asks nothing in a's night").isEmpty();
        Round round = ask(a, night, 1).orElseThrow();

        assertThat(b.closeRound(round.id())).as("b cannot close it").isEmpty();
        assertThat(b.reopen(round.id(), clock.instant(), clock.instant().plusSeconds(60))).isFalse();
        assertThat(b.endNight(night.id(), Night.Status.FINISHED, clock.instant())).as("nor end the night").isEmpty();
        assertThat(a.openRound(night.id())).isPresent();
        assertThat(a.runningNight(night.id())).isPresent();

        assertThat(a.closeRound(round.id())).isPresent();
        assertThat(a.endNight(night.id(), Night.Status.FINISHED, clock.instant())).isPresent();
    }

    @Test
    void aLapsedLeaseIsTakenOverAndTheOldOwnerCanNoLongerAdvanceTheNight() {
        Night night = start(a, "c1");
        Round open = ask(a, night, 1).orElseThrow();
        assertThat(b.takeOverLapsed(clock.instant(), Optional.of(clock.instant()))).as("still leased").isEmpty();

        clock.advance(LEASE.plusMillis(1));   // a stopped renewing (killed)
        assertThat(b.takeOverLapsed(clock.instant(), Optional.empty())).containsExactly(night.id());
        assertThat(b.lease(night.id())).contains(new QuizStore.Lease("b", clock.instant().plus(LEASE)));

        // a comes back to life (a long pause, not a crash): every write of its timers fails.
        assertThat(a.renewLeases(clock.instant().plus(LEASE))).as("a lost it").isEmpty();
        assertThat(a.closeRound(open.id())).isEmpty();
        assertThat(a.endNight(night.id(), Night.Status.FINISHED, clock.instant())).isEmpty();
        assertThat(b.lease(night.id()).orElseThrow().owner()).isEqualTo("b");

        assertThat(b.closeRound(open.id())).isPresent();
        assertThat(b.endNight(night.id(), Night.Status.FINISHED, clock.instant())).isPresent();
        // Its final standings are still to be posted: the lease stays with b until they are.
        assertThat(b.renewLeases(clock.instant().plus(LEASE))).containsExactly(night.id());
        b.endPosted(night.id()).join();
        assertThat(b.renewLeases(clock.instant().plus(LEASE))).isEmpty();
    }

    @Test
    void ofTwoProcessesRacingForLapsedNightsEachNightGoesToExactlyOne() throws Exception {
        QuizStore c = process("c", GuildScope.everyServer());
        List<Long> nights = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            nights.add(start(a, "c" + i).id());
        }
        clock.advance(LEASE.plusSeconds(1));
        Instant now = clock.instant();
        CyclicBarrier together = new CyclicBarrier(2);
        CompletableFuture<List<Long>> byB = CompletableFuture.supplyAsync(() -> race(together, b, now));
        CompletableFuture<List<Long>> byC = CompletableFuture.supplyAsync(() -> race(together, c, now));
        List<Long> takenByB = byB.get(60, TimeUnit.SECONDS);
        List<Long> takenByC = byC.get(60, TimeUnit.SECONDS);

        Set<Long> both = new HashSet<>(takenByB);
        both.retainAll(takenByC);
        assertThat(both).as("taken by both").isEmpty();
        List<Long> all = new ArrayList<>(takenByB);
        all.addAll(takenByC);
        assertThat(all).containsExactlyInAnyOrderElementsOf(nights);
        for (long night : nights) {
            assertThat(a.lease(night).orElseThrow().owner()).isEqualTo(takenByB.contains(night) ? "b" : "c");
        }
        assertThat(b.takeOverLapsed(now, Optional.of(now))).as("nothing left to take").isEmpty();
    }

    private static List<Long> race(CyclicBarrier together, QuizStore store, Instant now) {
        try {
            together.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return store.takeOverLapsed(now, Optional.empty());
    }

    @Test
    void anotherShardsProcessWaitsLongerThanTheServersOwnAndARestartedOwnerGetsItFirst() {
        QuizStore shardOne = process("shard1", GuildScope.onShards(ShardPlan.some(2, new TreeSet<>(List.of(1)))));
        QuizStore shardZero = process("shard0", GuildScope.onShards(ShardPlan.some(2, new TreeSet<>(List.of(0)))));
        Night night = start(a, "c1");
        Instant lapsed = clock.instant().plus(LEASE);

        clock.set(lapsed.plusSeconds(5));
        assertThat(shardOne.takeOverLapsed(clock.instant(), Optional.of(clock.instant().minus(OTHERS_WAIT))))
                .as("not its server: it waits").isEmpty();
        assertThat(shardOne.takeOverLapsed(clock.instant(), Optional.empty())).as("never, if it may not stand in")
                .isEmpty();
        clock.set(lapsed.plus(OTHERS_WAIT).plusMillis(1));
        assertThat(shardOne.takeOverLapsed(clock.instant(), Optional.empty())).isEmpty();
        assertThat(shardOne.takeOverLapsed(clock.instant(), Optional.of(clock.instant().minus(OTHERS_WAIT))))
                .containsExactly(night.id());

        // The server's own process is back; shardOne stops cleanly and gives the lease up.
        shardOne.releaseLeases(clock.instant().minusMillis(1));
        assertThat(shardZero.takeOverLapsed(clock.instant(), Optional.empty())).containsExactly(night.id());
    }

    @Test
    void aHostEndsTheNightFromAnyProcessAndThatProcessPostsTheStandings() {
        Night night = start(a, "c1");
        ask(a, night, 1).orElseThrow();
        NightResult ended = b.endNightByHost(night.id(), Night.Status.STOPPED, clock.instant()).orElseThrow();
        assertThat(ended.endedAs()).isEqualTo(Night.Status.STOPPED);
        assertThat(a.openRound(night.id())).as("its open question closed with it").isEmpty();
        assertThat(b.lease(night.id()).orElseThrow().owner()).isEqualTo("b");
        assertThat(b.pendingEndPost(night.id())).isPresent();
        assertThat(a.renewLeases(clock.instant().plus(LEASE))).isEmpty();
        assertThat(b.endNightByHost(night.id(), Night.Status.STOPPED, clock.instant())).as("ends once").isEmpty();
    }

    @Test
    void aPausedNightIsTakenBackByTheHostsResumeEvenUnderALiveLease() {
        Night night = start(a, "c1");
        Round open = ask(a, night, 1).orElseThrow();
        assertThat(b.takeOverPaused(night.id(), clock.instant())).as("not paused: a's timers are running").isFalse();
        assertThat(new NightControlStore(databases.get(0)).pause(night.id(), clock.instant(), open.id(),
                Duration.ofSeconds(12))).isTrue();
        assertThat(b.takeOverPaused(night.id(), clock.instant())).isTrue();
        assertThat(b.lease(night.id())).contains(new QuizStore.Lease("b", clock.instant().plus(LEASE)));
        assertThat(a.endNight(night.id(), Night.Status.STOPPED, clock.instant())).as("a's give-up timer").isEmpty();
        assertThat(b.reopen(open.id(), clock.instant(), clock.instant().plusSeconds(12))).isTrue();
    }

    @Test
    void aNightFromBeforeLeasesHasNoOwnerAndTheFirstProcessToLookTakesIt() {
        QuizStore unowned = new QuizStore(databases.get(0));
        Night night = unowned.startNight(new NightPlan(SERVER, "c1", "host", "Host", 3, 20, Duration.ofSeconds(20),
                null, null), clock.instant()).orElseThrow();
        assertThat(a.lease(night.id())).contains(new QuizStore.Lease(null, null));
        assertThat(a.takeOverLapsed(clock.instant(), Optional.empty())).containsExactly(night.id());
        assertThat(b.takeOverLapsed(clock.instant(), Optional.empty())).isEmpty();
        assertThat(ask(a, night, 1)).isPresent();
    }
}

package dev.lalaland.bot.onthisday;

import dev.lalaland.bot.command.Outbox;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lalaland.bot.db.Database;
import dev.lalaland.bot.db.GuildScope;
import dev.lalaland.bot.db.StoreKind;
import dev.lalaland.bot.onthisday.DailyPostSchedule.Decision;
import dev.lalaland.bot.onthisday.DailyPostSchedule.Occurrence;
import dev.lalaland.bot.onthisday.DailyPostStore.DuePost;
import dev.lalaland.bot.onthisday.DailyPostStore.Plan;
import dev.lalaland.bot.shard.ShardPlan;
import dev.lalaland.bot.testing.ShardedServers;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The daily post's SQL, on a real SQLite file and a real PostgreSQL server. */
@ParameterizedClass
@EnumSource(StoreKind.class)
class DailyPostStoreTest {
    @Parameter
    StoreKind kind;

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final LocalTime NINE = LocalTime.of(9, 0);
    private static final Instant NOW = Instant.parse("2026-06-01T06:00:00Z");
    private static final LocalDate JUNE_1 = LocalDate.parse("2026-06-01");

    @TempDir
    Path dir;
    private Database database;
    private DailyPostStore store;

    @BeforeEach
    void open() {
        database = TestFacts.open(kind, dir);
        store = new DailyPostStore(database);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private Occurrence first() {
        return DailyPostSchedule.firstAfter(NOW, NINE, PARIS);
    }

    @Test
    void aStoreScopedToSomeShardsPlansAndRecoversOnlyTheirServers() {
        // Snowflakes past 2^53, so a cast that lost digits would put them on the wrong shard.
        String onShard0 = ShardedServers.idOnShard(0, 0, 2);
        String onShard1 = ShardedServers.idOnShard(0, 1, 2);
        store.turnOn(onShard0, "c0", NINE, PARIS, first(), NOW);
        store.turnOn(onShard1, "c1", NINE, PARIS, first(), NOW);
        Instant later = first().instant().plusSeconds(60);

        DailyPostStore shard1 = new DailyPostStore(database,
                GuildScope.onShards(ShardPlan.some(2, new TreeSet<>(List.of(1)))));
        assertThat(shard1.due(later, 10)).extracting(DuePost::guildId).containsExactly(onShard1);
        assertThat(shard1.nextWork()).contains(first().instant());
        assertThat(new DailyPostStore(database, GuildScope.only(onShard0)).due(later, 10))
                .extracting(DuePost::guildId).containsExactly(onShard0);
        assertThat(store.due(later, 10)).as("unscoped: every server").extracting(DuePost::guildId)
                .containsExactlyInAnyOrder(onShard0, onShard1);
        assertThat(new DailyPostStore(database, GuildScope.onShards(ShardPlan.some(4, new TreeSet<>(List.of(2, 3)))))
                .nextWork()).as("no server of ours: nothing to wake for").isEmpty();
    }

    @Test
    void settingsSurviveTurningOffAndTheReasonIsOnlyKeptWhenTheBotDidIt() {
        store.turnOn("g1", "c1", NINE, PARIS, first(), NOW);
        assertThat(store.settings("g1")).hasValueSatisfying(s -> {
            assertThat(s.on()).isTrue();
            assertThat(s.channelId()).isEqualTo("c1");
            assertThat(s.time()).isEqualTo(NINE);
            assertThat(s.zone()).isEqualTo(PARIS);
            assertThat(s.nextPost()).isEqualTo("2026-06-01T07:00:00Z");
        });

        assertThat(store.turnOff("g1", NOW)).isTrue();
        assertThat(store.turnOff("g1", NOW)).isFalse();
        assertThat(store.settings("g1")).hasValueSatisfying(s -> {
            assertThat(s.on()).isFalse();
            assertThat(s.channelId()).isEqualTo("c1");
            assertThat(s.turnedOffBecause()).isEmpty();
        });

        store.turnOn("g1", "c2", NINE, PARIS, first(), NOW);
        store.refuse("g1", JUNE_1, "Missing Permissions", NOW);
        assertThat(store.settings("g1")).hasValueSatisfying(s -> {
            assertThat(s.on()).isFalse();
            assertThat(s.turnedOffBecause()).contains("Missing Permissions");
        });

        store.turnOn("g1", "c3", NINE, PARIS, first(), NOW);
        assertThat(store.settings("g1").orElseThrow().turnedOffBecause()).isEmpty();
        assertThat(store.settings("unknown")).isEmpty();
    }

    @Test
    void dueServersComeFromAnIndexRangeScanNotATableScan() {
        assumeTrue(kind == StoreKind.SQLITE, "SQLite's query plan");
        String plan = database.read(h -> h.select("EXPLAIN QUERY PLAN SELECT guild_id, post_time, zone, "
                        + "next_local_date, next_due_epoch FROM daily_post_config WHERE next_due_epoch <= 1 "
                        + "ORDER BY next_due_epoch LIMIT 10")
                .map((r, ctx) -> r.getString("detail") + "\n").list().stream().collect(Collectors.joining()));
        assertThat(plan).contains("USING INDEX daily_post_config_by_next_due").doesNotContain("SCAN daily_post_config\n");
    }

    @Test
    void dueListsOnlyServersThatAreOnAndDueEarliestFirst() {
        store.turnOn("late", "c", NINE, PARIS, DailyPostSchedule.firstAfter(NOW, LocalTime.of(10, 0), PARIS), NOW);
        store.turnOn("early", "c", NINE, PARIS, first(), NOW);
        store.turnOn("off", "c", NINE, PARIS, first(), NOW);
        store.turnOff("off", NOW);
        store.turnOn("tomorrow", "c", NINE, PARIS, DailyPostSchedule.firstAfter(NOW, LocalTime.of(7, 0), PARIS), NOW);

        assertThat(store.due(Instant.parse("2026-06-01T08:00:00Z"), 10)).extracting(DuePost::guildId)
                .containsExactly("early", "late");
        assertThat(store.due(Instant.parse("2026-06-01T07:59:59Z"), 10)).extracting(DuePost::guildId)
                .containsExactly("early");
        assertThat(store.due(Instant.parse("2026-06-01T08:00:00Z"), 1)).hasSize(1);
    }

    @Test
    void aDateIsClaimedOnceEvenIfTheSamePlanIsAppliedTwice() {
        store.turnOn("g1", "c1", NINE, PARIS, first(), NOW);
        Instant at = Instant.parse("2026-06-01T07:00:00Z");
        List<DuePost> due = store.due(at, 10);
        List<Plan> plans = plan(due, at);

        assertThat(store.apply(plans, at)).isEqualTo(1);
        assertThat(store.apply(plans, at)).isZero();
        assertThat(store.status("g1", JUNE_1)).contains(PostStatus.QUEUED);
        assertThat(store.settings("g1").orElseThrow().nextPost()).isEqualTo("2026-06-02T07:00:00Z");
        assertThat(store.due(at, 10)).isEmpty();
    }

    @Test
    void reconfiguringTheSameDayCannotClaimTheDateAgain() {
        store.turnOn("g1", "c1", NINE, PARIS, first(), NOW);
        Instant nine = Instant.parse("2026-06-01T07:00:00Z");
        store.apply(plan(store.due(nine, 10), nine), nine);
        store.ready(nine, 10).forEach(p -> store.markSending(p.guildId(), p.localDate(), nine));
        store.markSent("g1", JUNE_1, "m1");

        // An admin moves the post to 10:00 the same day; even if the command did not notice, the claim does.
        Instant ten = Instant.parse("2026-06-01T08:00:00Z");
        store.turnOn("g1", "c1", LocalTime.of(10, 0), PARIS,
                DailyPostSchedule.on(JUNE_1, LocalTime.of(10, 0), PARIS), nine);
        assertThat(store.apply(plan(store.due(ten, 10), ten), ten)).isZero();
        assertThat(store.status("g1", JUNE_1)).contains(PostStatus.SENT);
        assertThat(store.ready(ten, 10)).isEmpty();
        assertThat(store.claimed("g1", JUNE_1)).isTrue();
    }

    @Test
    void aPlanReadBeforeAConfigChangeDoesNotOverwriteTheNewSettings() {
        store.turnOn("g1", "c1", NINE, PARIS, first(), NOW);
        Instant nine = Instant.parse("2026-06-01T07:00:00Z");
        List<Plan> stale = plan(store.due(nine, 10), nine);
        store.turnOff("g1", nine);

        assertThat(store.apply(stale, nine)).isZero();
        assertThat(store.settings("g1").orElseThrow().on()).isFalse();
        assertThat(store.claimed("g1", JUNE_1)).isFalse();
    }

    @Test
    void postsInFlightLongerAgoThanDiscordDropsRepeatsBecomeUnknownAndAreNotReadyAgain() {
        store.turnOn("g1", "c1", NINE, PARIS, first(), NOW);
        Instant nine = Instant.parse("2026-06-01T07:00:00Z");
        store.apply(plan(store.due(nine, 10), nine), nine);
        assertThat(store.markSending("g1", JUNE_1, nine)).isTrue();
        assertThat(store.markSending("g1", JUNE_1, nine)).as("only one sender can take it").isFalse();

        Instant later = nine.plus(Outbox.REPEATS_DROPPED_WITHIN).plusSeconds(1);
        assertThat(store.recoverInFlight(later)).isEqualTo(new DailyPostStore.InFlight(0, 1));
        assertThat(store.status("g1", JUNE_1)).contains(PostStatus.UNKNOWN);
        assertThat(store.ready(nine.plusSeconds(3600), 10)).isEmpty();
    }

    @Test
    void postsInFlightAMomentAgoAreReadyAgainAtOnceWithTheirNonce() {
        store.turnOn("g1", "c1", NINE, PARIS, first(), NOW);
        Instant nine = Instant.parse("2026-06-01T07:00:00Z");
        store.apply(plan(store.due(nine, 10), nine), nine);
        String nonce = store.ready(nine, 10).get(0).nonce();
        store.markSending("g1", JUNE_1, nine);

        Instant restarted = nine.plus(Outbox.REPEATS_DROPPED_WITHIN);
        assertThat(store.recoverInFlight(restarted)).isEqualTo(new DailyPostStore.InFlight(1, 0));
        assertThat(store.status("g1", JUNE_1)).contains(PostStatus.QUEUED);
        assertThat(store.ready(restarted, 10)).singleElement()
                .satisfies(again -> assertThat(again.nonce()).isEqualTo(nonce));
    }

    @Test
    void aRetryWaitsForItsTimeAndKeepsItsNonceAndFact() {
        store.turnOn("g1", "c1", NINE, PARIS, first(), NOW);
        Instant nine = Instant.parse("2026-06-01T07:00:00Z");
        store.apply(plan(store.due(nine, 10), nine), nine);
        var post = store.ready(nine, 10).get(0);
        store.rememberFact("g1", JUNE_1, "f3");
        store.markSending("g1", JUNE_1, nine);
        store.retryAt("g1", JUNE_1, nine.plusSeconds(30), "503");

        assertThat(store.ready(nine.plusSeconds(29), 10)).isEmpty();
        assertThat(store.ready(nine.plusSeconds(30), 10)).singleElement().satisfies(again -> {
            assertThat(again.nonce()).isEqualTo(post.nonce()).hasSizeLessThanOrEqualTo(25);
            assertThat(again.factId()).isEqualTo("f3");
            assertThat(again.attempts()).isEqualTo(1);
        });
        assertThat(store.nextWork()).contains(nine.plusSeconds(30));
    }

    @Test
    void noncesDifferByServerAndDate() {
        assertThat(DailyPostStore.nonce("g1", JUNE_1)).isNotEqualTo(DailyPostStore.nonce("g2", JUNE_1))
                .isNotEqualTo(DailyPostStore.nonce("g1", JUNE_1.plusDays(1)))
                .isEqualTo(DailyPostStore.nonce("g1", JUNE_1))
                .hasSizeLessThanOrEqualTo(25);
    }

    @Test
    void oldClaimsAreForgotten() {
        store.turnOn("g1", "c1", NINE, PARIS, first(), NOW);
        Instant nine = Instant.parse("2026-06-01T07:00:00Z");
        store.apply(plan(store.due(nine, 10), nine), nine);
        assertThat(store.forgetBefore(JUNE_1)).isZero();
        assertThat(store.forgetBefore(JUNE_1.plusDays(1))).isEqualTo(1);
    }

    private static List<Plan> plan(List<DuePost> due, Instant now) {
        List<Plan> plans = new ArrayList<>();
        for (DuePost d : due) {
            Decision decision = DailyPostSchedule.decide(d.localDate(), d.time(), d.zone(), now);
            plans.add(new Plan(d, decision));
        }
        return plans;
    }
}

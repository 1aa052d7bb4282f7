package dev.lalaland.bot.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lalaland.bot.db.Database;
import dev.lalaland.bot.db.GuildScope;
import dev.lalaland.bot.db.StoreKind;
import dev.lalaland.bot.render.PlainText;
import dev.lalaland.bot.routine.RoutineRunner;
import dev.lalaland.bot.testing.ManualClock;
import dev.lalaland.bot.testing.ManualScheduler;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The week and month podiums on a real SQLite file and a real PostgreSQL server, on virtual time:
 * each run is called with the instant it runs at, or driven by a runner on a manual scheduler.
 */
@ParameterizedClass
@EnumSource(StoreKind.class)
class SeasonPodiumsTest {
    @Parameter
    StoreKind kind;

    /** Sunday 6 December 2026, 20:00 UTC: the last evening of the week of Monday 30 November. */
    private static final Instant SUNDAY_EVENING = Instant.parse("2026-12-06T20:00:00Z");
    private static final Instant MONDAY = Instant.parse("2026-12-07T00:00:00Z");
    private static final LocalDate WEEK_START = LocalDate.parse("2026-11-30");
    private static final Duration POLL = Duration.ofMinutes(1);

    @TempDir
    Path dir;
    private Database database;
    private QuizStore store;
    private PodiumTestOutbox outbox;
    private Map<String, ZoneId> zones = Map.of();
    private int channels;

    @BeforeEach
    void open() {
        database = kind.open(dir);
        store = new QuizStore(database);
        outbox = new PodiumTestOutbox();
    }

    @AfterEach
    void close() {
        database.close();
        assertThat(outbox.violations).as("every podium fits Discord's limits").isEmpty();
    }

    /** A process's routine on the test's database (a second one is a restart). */
    private SeasonPodiums podiums(GuildScope scope) {
        return new SeasonPodiums(new QuizStore(database, scope), new PodiumStore(database, scope),
                guild -> zones.getOrDefault(guild, ZoneOffset.UTC), outbox, POLL);
    }

    private SeasonPodiums podiums() {
        return podiums(GuildScope.everyServer());
    }

    /** A one-question night in {@code channel} at {@code at}; {@code right} answer it right. Ended unless told. */
    private Night night(String guild, String channel, Instant at, List<String> right, boolean end) {
        Night night = store.startNight(new NightPlan(guild, channel, "host", "Host", 1, 20, Duration.ofSeconds(20), null,
                null), at).orElseThrow();
        Round round = store.askInNight(night.id(), TestQuestions.question(++channels, "songs", Difficulty.EASY), at,
                at.plusSeconds(20)).orElseThrow();
        for (String u : right) {
            store.recordAnswer(round.id(), channel, u, "Player " + u, 1, round.closesAt(), null);
        }
        store.closeRound(round.id());
        if (end) {
            store.endNight(night.id(), Night.Status.FINISHED, at.plusSeconds(60));
        }
        return night;
    }

    private List<PodiumTestOutbox.Message> podiumPosts() {
        return outbox.posts.stream().filter(m -> m.reply().embeds().get(0).title().startsWith("🏆 Final podium")).toList();
    }

    @Test
    void theWeeksPodiumIsPostedOnceInTheLastNightsChannelAtTheRolloverAndNotAgainAfterARestart() {
        night("100", "c-early", SUNDAY_EVENING.minusSeconds(86_400), List.of("ann", "bob"), true);
        night("100", "c-last", SUNDAY_EVENING, List.of("ann"), true);
        SeasonPodiums first = podiums();
        first.start(SUNDAY_EVENING);
        first.runOnce(MONDAY.minusSeconds(1));
        assertThat(podiumPosts()).as("the week has not ended").isEmpty();

        assertThat(first.runOnce(MONDAY)).hasValue(MONDAY.plus(POLL));
        assertThat(podiumPosts()).singleElement().satisfies(post -> {
            assertThat(post.channelId()).isEqualTo("c-last");
            assertThat(post.reply().embeds().get(0).title())
                    .isEqualTo("🏆 Final podium: the week of Monday 30 November 2026");
            assertThat(PlainText.render(post.reply())).contains("🥇 Player ann: 200 points")
                    .contains("🥈 Player bob: 100 points");
            assertThat(post.reply().attachments()).singleElement()
                    .satisfies(a -> assertThat(a.fileName()).isEqualTo("podium.png"));
            assertThat(outbox.nonceOf(post)).hasValue(SeasonPodiums.nonce("100", Period.WEEK, WEEK_START));
        });
        first.runOnce(MONDAY.plus(POLL));
        assertThat(podiumPosts()).as("once").hasSize(1);

        SeasonPodiums restarted = podiums();
        restarted.start(MONDAY.plusSeconds(300));
        restarted.runOnce(MONDAY.plusSeconds(300));
        assertThat(podiumPosts()).as("not again after a restart").hasSize(1);
        assertThat(new PodiumStore(database, GuildScope.everyServer()).status("100", Period.WEEK, WEEK_START))
                .hasValue("sent");
    }

    @Test
    void theRolloverComesAtMidnightInTheServersZoneOnTheRunnersVirtualTime() {
        zones = Map.of("100", ZoneId.of("Europe/Paris"));
        night("100", "c1", SUNDAY_EVENING, List.of("ann"), true);
        ManualClock clock = new ManualClock(SUNDAY_EVENING.plusSeconds(120));
        ManualScheduler scheduler = new ManualScheduler(clock);
        RoutineRunner runner = new RoutineRunner(clock, scheduler);
        runner.add(podiums());
        runner.start();
        // Monday 00:00 in Paris is Sunday 23:00 UTC.
        scheduler.advanceTo(Instant.parse("2026-12-06T22:59:30Z"));
        assertThat(podiumPosts()).isEmpty();
        scheduler.advanceTo(Instant.parse("2026-12-06T23:01:00Z"));
        assertThat(podiumPosts()).singleElement().satisfies(post -> assertThat(PlainText.render(post.reply()))
                .contains("time zone Europe/Paris"));
        scheduler.advance(Duration.ofHours(30));
        assertThat(podiumPosts()).as("once, whatever the runs after").hasSize(1);
        runner.stop();
    }

    @Test
    void aPeriodWithoutPointsHasNoPodium() {
        night("100", "c1", SUNDAY_EVENING, List.of(), true);
        podiums().runOnce(MONDAY.plusSeconds(5));
        assertThat(podiumPosts()).isEmpty();
        assertThat(new PodiumStore(database, GuildScope.everyServer()).status("100", Period.WEEK, WEEK_START))
                .hasValue("empty");
    }

    @Test
    void aNightRunningAcrossTheRolloverIsWaitedForAndCounts() {
        Night late = night("100", "c1", MONDAY.minusSeconds(600), List.of("ann"), false);
        SeasonPodiums podiums = podiums();
        podiums.runOnce(MONDAY.plusSeconds(5));
        assertThat(podiumPosts()).as("its points are not in yet").isEmpty();
        store.endNight(late.id(), Night.Status.FINISHED, MONDAY.plusSeconds(600));
        podiums.runOnce(MONDAY.plusSeconds(660));
        assertThat(podiumPosts()).singleElement().satisfies(post -> assertThat(PlainText.render(post.reply()))
                .contains("Player ann: 100 points"));
    }

    @Test
    void afterADowntimeThePodiumIsPostedLateWithinADayAndNeverLater() {
        night("100", "c1", SUNDAY_EVENING, List.of("ann"), true);
        night("200", "c2", SUNDAY_EVENING, List.of("bob"), true);
        podiums(GuildScope.only("100")).runOnce(MONDAY.plus(Duration.ofHours(23)));
        assertThat(podiumPosts()).extracting(PodiumTestOutbox.Message::channelId).containsExactly("c1");
        podiums(GuildScope.only("200")).runOnce(MONDAY.plus(Duration.ofHours(25)));
        assertThat(podiumPosts()).as("more than a day late: skipped").hasSize(1);
    }

    @Test
    void theMonthsPodiumComesOnTheFirst() {
        night("100", "c1", Instant.parse("2026-11-15T20:00:00Z"), List.of("ann"), true);
        night("100", "c1", Instant.parse("2026-11-30T20:00:00Z"), List.of("bob", "ann"), true);
        podiums().runOnce(Instant.parse("2026-12-01T00:00:30Z"));
        assertThat(podiumPosts()).singleElement().satisfies(post -> {
            assertThat(post.reply().embeds().get(0).title()).isEqualTo("🏆 Final podium: November 2026");
            assertThat(PlainText.render(post.reply())).contains("Player ann: 200 points").contains("Player bob: 100 points");
        });
    }

    @Test
    void aPodiumUnconfirmedWhenTheBotStoppedIsSentAgainOnlyIfThatWasAMomentAgo() {
        night("100", "c1", SUNDAY_EVENING, List.of("ann"), true);
        night("200", "c2", SUNDAY_EVENING, List.of("bob"), true);
        outbox.hold = m -> true;
        podiums().runOnce(MONDAY);
        assertThat(outbox.held).hasSize(2);
        outbox.hold = m -> false;

        // Server 100 restarts a minute later: again, with the same nonce.
        podiums(GuildScope.only("100")).start(MONDAY.plusSeconds(60));
        assertThat(podiumPosts()).extracting(PodiumTestOutbox.Message::channelId).containsExactly("c1");
        assertThat(outbox.nonceOf(podiumPosts().get(0))).hasValue(outbox.held.get(0).nonce());
        // Server 200's process comes back ten minutes later: it may have gone out, so never again.
        SeasonPodiums late = podiums(GuildScope.only("200"));
        late.start(MONDAY.plusSeconds(600));
        late.runOnce(MONDAY.plusSeconds(600));
        assertThat(podiumPosts()).hasSize(1);
        assertThat(new PodiumStore(database, GuildScope.everyServer()).status("200", Period.WEEK, WEEK_START))
                .hasValue("unknown");
    }
}

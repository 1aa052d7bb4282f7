package dev.lalaland.bot.onthisday;

import dev.lalaland.bot.routine.RoutineRunner;
import dev.lalaland.bot.command.Outbox;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.lalaland.bot.command.DeliveryException;
import dev.lalaland.bot.db.Database;
import dev.lalaland.bot.facts.FactStore;
import dev.lalaland.bot.testing.RecordingOutbox;
import dev.lalaland.bot.testing.RecordingOutbox.Message;
import dev.lalaland.bot.render.Embed;
import dev.lalaland.bot.render.Palette;
import dev.lalaland.bot.testing.ManualClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The daily post's decisions, driven pass by pass with a virtual clock on a real SQLite file.
 * A "restart" is a new routine on the same database (the old one is simply dropped, as a killed
 * process would be); its start-up recovery runs as {@link DailyPostRoutine#start} would run it.
 */
class DailyPostRoutineTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final LocalDate JUNE_1 = LocalDate.parse("2026-06-01");

    @TempDir
    Path dir;
    private Database database;
    private DailyPostStore store;
    private final ManualClock clock = ManualClock.at("2026-06-01T06:00:00Z");
    private RecordingOutbox outbox;
    private DailyPostRoutine routine;

    @BeforeEach
    void open() {
        database = TestFacts.open(dir);
        store = new DailyPostStore(database);
        outbox = new RecordingOutbox(clock);
        routine = restart();
    }

    @AfterEach
    void close() {
        database.close();
        assertThat(outbox.sent()).as("every daily post carries a nonce").allSatisfy(m -> assertThat(m.nonce()).isNotNull());
        assertThat(outbox.edits()).as("daily posts are never edited").isEmpty();
        assertThat(outbox.violations()).isEmpty();
    }

    /** A fresh routine on the same database, after the start-up recovery. */
    private DailyPostRoutine restart() {
        return restart(DailyPostRoutine.Options.defaults());
    }

    private DailyPostRoutine restart(DailyPostRoutine.Options options) {
        FactStore facts = new FactStore(database);
        EventCalendar calendar = new EventCalendar(facts);
        DailyPostComposer composer = new DailyPostComposer(calendar, facts, new FactRotation(database),
                new OnThisDayRenderer());
        DailyPostRoutine fresh = new DailyPostRoutine(store, composer, outbox, clock, options);
        fresh.recoverInterruptedPosts(clock.instant());
        return fresh;
    }

    private void configure(String guild, String time, ZoneId zone) {
        LocalTime at = LocalTime.parse(time);
        store.turnOn(guild, "ch-" + guild, at, zone, DailyPostSchedule.firstAfter(clock.instant(), at, zone),
                clock.instant());
    }

    /** Runs passes as the scheduler would, sleeping (virtually) as long as each pass asks, until {@code end}. */
    private void runUntil(String end) {
        runUntil(Instant.parse(end));
    }

    private void runUntil(Instant end) {
        while (true) {
            Duration pause = routine.pass(clock.instant());
            assertThat(pause).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(30));
            Instant next = clock.instant().plus(pause);
            if (next.isAfter(end)) {
                clock.set(end);
                routine.pass(clock.instant());
                return;
            }
            clock.set(next);
        }
    }

    private List<Message> posts() {
        return outbox.sent();
    }

    @Test
    void postsOnceAtTheLocalTimeAndAgainTheNextDay() {
        configure("g1", "09:00", PARIS);
        runUntil("2026-06-01T06:59:59Z");
        assertThat(posts()).isEmpty();

        runUntil("2026-06-01T21:00:00Z");
        assertThat(posts()).singleElement().satisfies(p -> {
            assertThat(p.at()).isEqualTo("2026-06-01T07:00:00Z");
            assertThat(p.channelId()).isEqualTo("ch-g1");
            assertThat(p.nonce()).isEqualTo(DailyPostStore.nonce("g1", JUNE_1));
        });
        assertThat(store.status("g1", JUNE_1)).contains(PostStatus.SENT);

        runUntil("2026-06-03T06:00:00Z");
        assertThat(posts()).extracting(Message::at).containsExactly(
                Instant.parse("2026-06-01T07:00:00Z"), Instant.parse("2026-06-02T07:00:00Z"));
    }

    @Test
    void theTenthAnniversaryOfTheUsReleaseIsASpecialPostAndTheDayBeforeAndAfterAreNot() {
        clock.set("2026-12-08T12:00:00Z");   // 07:00 in New York: the first post is this morning's
        configure("g1", "09:00", NEW_YORK);
        runUntil("2026-12-10T23:00:00Z");

        assertThat(posts()).extracting(Message::at).containsExactly(Instant.parse("2026-12-08T14:00:00Z"),
                Instant.parse("2026-12-09T14:00:00Z"), Instant.parse("2026-12-10T14:00:00Z"));
        Embed tenth = posts().get(1).reply().embeds().get(0);
        assertThat(tenth.title()).isEqualTo("On this day: December 9 · 10 years of La La Land");
        assertThat(tenth.color()).isEqualTo(Palette.WIN_GOLD);
        assertThat(tenth.description()).isEqualTo("**10th anniversary today**: "
                + "Limited release in the United States (9 December 2016).");
        for (Message ordinary : List.of(posts().get(0), posts().get(2))) {
            assertThat(ordinary.reply().embeds().get(0).title()).doesNotContain("years of La La Land");
            assertThat(ordinary.reply().embeds().get(0).color()).isNotEqualTo(Palette.WIN_GOLD);
        }
    }

    @Test
    void sleepsUntilTheNextPostButNeverLongerThanThePollInterval() {
        assertThat(routine.pass(clock.instant())).isEqualTo(Duration.ofSeconds(30));
        configure("g1", "08:01", PARIS);
        clock.set("2026-06-01T06:00:50Z");
        assertThat(routine.pass(clock.instant())).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void onTheRealSchedulerItPostsOnTimeAndNothingAfterStop() throws Exception {
        ShiftedClock realTime = new ShiftedClock();
        realTime.jumpTo(Instant.parse("2026-06-01T06:59:59.500Z"));
        RecordingOutbox realOutbox = new RecordingOutbox(realTime);
        LocalTime nine = LocalTime.of(9, 0);
        store.turnOn("g1", "ch-g1", nine, PARIS, DailyPostSchedule.firstAfter(realTime.instant(), nine, PARIS),
                realTime.instant());
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);
        scheduler.setRemoveOnCancelPolicy(true);
        try {
            FactStore facts = new FactStore(database);
            DailyPostRoutine live = new DailyPostRoutine(store, new DailyPostComposer(new EventCalendar(facts), facts,
                    new FactRotation(database), new OnThisDayRenderer()), realOutbox, realTime,
                    DailyPostRoutine.Options.defaults().withPollInterval(Duration.ofMillis(200)));
            RoutineRunner routines = new RoutineRunner(realTime, scheduler);
            routines.add(live);
            routines.start();
            await("the post at 09:00 Paris time").atMost(Duration.ofSeconds(10))
                    .until(() -> realOutbox.sent().size() == 1);
            assertThat(realOutbox.sent().get(0).at()).isBetween(Instant.parse("2026-06-01T07:00:00Z"),
                    Instant.parse("2026-06-01T07:00:05Z"));

            long stopping = System.nanoTime();
            routines.stop();
            assertThat(Duration.ofNanos(System.nanoTime() - stopping)).isLessThan(Duration.ofSeconds(1));
            // Nothing left to run: a stopped routine has no next pass waiting on the scheduler.
            assertThat(scheduler.getQueue()).isEmpty();
            assertThat(realOutbox.sent()).hasSize(1);
            assertThat(store.status("g1", JUNE_1)).contains(PostStatus.SENT);
        } finally {
            scheduler.shutdownNow();
        }
    }

    @Nested
    class Restarts {
        @Test
        void restartJustBeforePostTimePostsOnce() {
            configure("g1", "09:00", PARIS);
            runUntil("2026-06-01T06:59:30Z");
            routine = restart();
            runUntil("2026-06-01T08:00:00Z");
            routine = restart();
            runUntil("2026-06-01T21:00:00Z");
            assertThat(posts()).extracting(Message::at).containsExactly(Instant.parse("2026-06-01T07:00:00Z"));
        }

        @Test
        void downAtPostTimeCatchesUpWhenBackTheSameLocalDay() {
            configure("g1", "09:00", PARIS);
            runUntil("2026-06-01T06:59:00Z");
            clock.set("2026-06-01T07:05:00Z");
            routine = restart();
            runUntil("2026-06-01T21:00:00Z");
            assertThat(posts()).extracting(Message::at).containsExactly(Instant.parse("2026-06-01T07:05:00Z"));
            assertThat(posts().get(0).reply().embeds().get(0).title()).isEqualTo("On this day: June 1");
        }

        @Test
        void catchUpWorksUntilLocalMidnight() {
            configure("g1", "09:00", PARIS);
            clock.set("2026-06-01T21:59:00Z"); // 23:59 in Paris
            routine = restart();
            routine.pass(clock.instant());
            assertThat(posts()).hasSize(1);
        }

        @Test
        void downUntilTheNextLocalDaySkipsTheMissedPost() {
            configure("g1", "09:00", PARIS);
            clock.set("2026-06-01T22:01:00Z"); // 00:01 on June 2 in Paris
            routine = restart();
            runUntil("2026-06-02T06:59:00Z");
            assertThat(posts()).isEmpty();
            runUntil("2026-06-02T21:00:00Z");
            assertThat(posts()).singleElement().satisfies(p -> {
                assertThat(p.at()).isEqualTo("2026-06-02T07:00:00Z");
                assertThat(p.reply().embeds().get(0).title()).isEqualTo("On this day: June 2");
            });
        }

        /** Down for days, back after today's post time: the missed days are gone, today's goes out at once. */
        @Test
        void downForDaysCatchesUpTodaysPostWhenBackTheSameLocalDay() {
            configure("g1", "09:00", PARIS);
            runUntil("2026-06-01T21:00:00Z");
            clock.set("2026-06-03T16:00:00Z"); // 18:00 on June 3 in Paris: June 2 and 3's 09:00 missed
            routine = restart();
            runUntil("2026-06-03T21:00:00Z");
            assertThat(posts()).extracting(p -> p.reply().embeds().get(0).title())
                    .containsExactly("On this day: June 1", "On this day: June 3");
            assertThat(posts().get(1).at()).as("at once").isBetween("2026-06-03T16:00:00Z", "2026-06-03T16:00:01Z");
        }

        /** The 09:00 Paris post is handed to Discord, no answer comes, and the bot is restarted. */
        private void diesWhileSendingTheNineOClockPostAndRestartsAt(String restartAt) {
            configure("g1", "09:00", PARIS);
            outbox.neverAnswer();
            runUntil("2026-06-01T07:00:00Z");
            assertThat(store.status("g1", JUNE_1)).contains(PostStatus.SENDING);
            outbox.accept();
            clock.set(restartAt);
            routine = restart();
        }

        @Test
        void aPostInFlightWhenTheBotDiedAMomentAgoIsSentAgainWithItsNonce() {
            diesWhileSendingTheNineOClockPostAndRestartsAt("2026-06-01T07:01:00Z");
            runUntil("2026-06-01T21:00:00Z");
            // Discord drops the second if the first arrived: same nonce, within its memory of nonces.
            assertThat(posts()).hasSize(2);
            assertThat(posts().get(1).nonce()).isEqualTo(posts().get(0).nonce());
            assertThat(Duration.between(posts().get(0).at(), posts().get(1).at()))
                    .isLessThanOrEqualTo(Outbox.REPEATS_DROPPED_WITHIN);
            assertThat(store.status("g1", JUNE_1)).contains(PostStatus.SENT);
        }

        @Test
        void aPostInFlightWhenTheBotDiedLongerAgoIsNeverSentAgain() {
            diesWhileSendingTheNineOClockPostAndRestartsAt("2026-06-01T07:05:00Z");
            runUntil("2026-06-01T21:00:00Z");
            assertThat(posts()).hasSize(1);
            assertThat(store.status("g1", JUNE_1)).contains(PostStatus.UNKNOWN);

            runUntil("2026-06-02T08:00:00Z");
            assertThat(posts()).hasSize(2);
        }

        @Test
        void aPostClaimedButNotYetSentWhenTheBotDiedIsSentOnce() {
            configure("g1", "09:00", PARIS);
            clock.set("2026-06-01T07:00:00Z");
            assertThat(routine.claimDue(clock.instant())).isEqualTo(1);
            clock.set("2026-06-01T07:00:10Z");
            routine = restart();
            runUntil("2026-06-01T21:00:00Z");
            assertThat(posts()).extracting(Message::at).containsExactly(Instant.parse("2026-06-01T07:00:10Z"));
        }
    }

    @Nested
    class DaylightSaving {
        @Test
        void fallBackNightPostsOnceAtTheFirstHalfPastOne() {
            clock.set("2026-10-31T12:00:00Z");
            configure("g1", "01:30", NEW_YORK);
            runUntil("2026-11-01T12:00:00Z");
            assertThat(posts()).extracting(Message::at).containsExactly(Instant.parse("2026-11-01T05:30:00Z"));
        }

        @Test
        void springForwardNightPostsOnceAtTheMovedTime() {
            clock.set("2026-03-28T12:00:00Z");
            configure("g1", "02:30", PARIS);
            runUntil("2026-03-30T12:00:00Z");
            // 01:30 CET on the 28th... the 29th has no 02:30 so 03:30 CEST; then 02:30 CEST on the 30th
            assertThat(posts()).extracting(Message::at).containsExactly(
                    Instant.parse("2026-03-29T01:30:00Z"), Instant.parse("2026-03-30T00:30:00Z"));
        }

        @Test
        void halfHourZoneAndMidnight() {
            configure("kolkata", "09:00", ZoneId.of("Asia/Kolkata"));
            configure("midnight", "00:00", PARIS);
            runUntil("2026-06-02T12:00:00Z");
            assertThat(outbox.sentTo("ch-kolkata")).extracting(Message::at).containsExactly(
                    Instant.parse("2026-06-02T03:30:00Z"));
            assertThat(outbox.sentTo("ch-midnight")).extracting(Message::at).containsExactly(
                    Instant.parse("2026-06-01T22:00:00Z"));
            assertThat(outbox.sentTo("ch-midnight").get(0).reply().embeds().get(0).title())
                    .isEqualTo("On this day: June 2");
        }
    }

    @Nested
    class Failures {
        private ListAppender<ILoggingEvent> logs;

        @BeforeEach
        void captureLogs() {
            logs = new ListAppender<>();
            logs.start();
            ((Logger) LoggerFactory.getLogger(DailyPostRoutine.class)).addAppender(logs);
        }

        @AfterEach
        void releaseLogs() {
            ((Logger) LoggerFactory.getLogger(DailyPostRoutine.class)).detachAppender(logs);
        }

        private long warnings() {
            return logs.list.stream().filter(e -> e.getLevel() == Level.WARN).count();
        }

        @Test
        void aPermanentRefusalTurnsThePostOffWithTheReasonLoggedOnceAndNeverRetried() {
            configure("g1", "09:00", PARIS);
            outbox.failWith(new DeliveryException("Missing Permissions (Discord error 50013)", true, null));
            runUntil("2026-06-05T12:00:00Z");

            assertThat(posts()).hasSize(1);
            assertThat(store.status("g1", JUNE_1)).contains(PostStatus.REFUSED);
            DailyPostSettings settings = store.settings("g1").orElseThrow();
            assertThat(settings.on()).isFalse();
            assertThat(settings.turnedOffBecause()).hasValueSatisfying(why ->
                    assertThat(why).contains("Missing Permissions").contains("<#ch-g1>").contains("2026-06-01"));
            assertThat(warnings()).isEqualTo(1);
        }

        @Test
        void passingFailuresAreRetriedWithBackoffAndTheSameNonceUntilOnePasses() {
            configure("g1", "09:00", PARIS);
            AtomicInteger calls = new AtomicInteger();
            outbox.answerWith(s -> calls.incrementAndGet() <= 2
                    ? CompletableFuture.failedFuture(new DeliveryException("Discord 503", false, null))
                    : CompletableFuture.completedFuture("m1"));
            runUntil("2026-06-01T21:00:00Z");

            assertThat(posts()).extracting(Message::at).containsExactly(Instant.parse("2026-06-01T07:00:00Z"),
                    Instant.parse("2026-06-01T07:00:30Z"), Instant.parse("2026-06-01T07:02:30Z"));
            assertThat(posts()).extracting(Message::nonce).containsOnly(DailyPostStore.nonce("g1", JUNE_1));
            assertThat(store.status("g1", JUNE_1)).contains(PostStatus.SENT);
            assertThat(store.settings("g1").orElseThrow().on()).isTrue();
        }

        @Test
        void afterAFewPassingFailuresTheDayIsGivenUpButTheNextDayPosts() {
            configure("g1", "09:00", PARIS);
            outbox.failWith(new DeliveryException("timeout", false, null));
            runUntil("2026-06-01T21:00:00Z");
            assertThat(posts()).hasSize(1 + DailyPostRoutine.RETRY_BACKOFF.size());
            assertThat(store.status("g1", JUNE_1)).contains(PostStatus.FAILED);

            outbox.accept();
            runUntil("2026-06-02T08:00:00Z");
            assertThat(posts()).hasSize(2 + DailyPostRoutine.RETRY_BACKOFF.size());
            assertThat(store.status("g1", JUNE_1.plusDays(1))).contains(PostStatus.SENT);
        }

        @Test
        void aRetryIsNotSentOnceTheLocalDayIsOver() {
            configure("g1", "23:59", PARIS);
            outbox.failWith(new DeliveryException("Discord 502", false, null));
            runUntil("2026-06-01T22:30:00Z");
            // 23:59:00 fails, 23:59:30 fails, the next try would be 00:01:30 on June 2: expired instead.
            assertThat(posts()).extracting(Message::at).containsExactly(Instant.parse("2026-06-01T21:59:00Z"),
                    Instant.parse("2026-06-01T21:59:30Z"));
            assertThat(store.status("g1", JUNE_1)).contains(PostStatus.EXPIRED);
        }

        @Test
        void turningThePostOffBetweenClaimAndSendCancelsIt() {
            configure("g1", "09:00", PARIS);
            clock.set("2026-06-01T07:00:00Z");
            routine.claimDue(clock.instant());
            store.turnOff("g1", clock.instant());
            runUntil("2026-06-03T00:00:00Z");
            assertThat(posts()).isEmpty();
            assertThat(store.status("g1", JUNE_1)).contains(PostStatus.CANCELLED);
        }
    }

    @Nested
    class Content {
        @Test
        void anAnniversaryDayPostsItsEvents() {
            clock.set("2026-12-08T12:00:00Z");
            configure("g1", "09:00", PARIS);
            runUntil("2026-12-09T12:00:00Z");
            assertThat(posts()).singleElement().satisfies(p -> {
                assertThat(p.reply().embeds().get(0).title()).isEqualTo("On this day: December 9 · 10 years of La La Land");
                assertThat(p.reply().embeds().get(0).fields().get(0).name()).isEqualTo("2016 · 10 years ago");
                assertThat(p.reply().ephemeral()).isFalse();
            });
        }

        @Test
        void quietDaysRotateFactsWithoutRepeatsUntilAllAreUsed() {
            configure("g1", "09:00", PARIS);
            int n = TestFacts.FACTS.size();
            runUntil(Instant.parse("2026-06-01T12:00:00Z").plus(Duration.ofDays(n - 1)));
            List<String> facts = posts().stream().map(p -> p.reply().embeds().get(0).fields().stream()
                    .filter(f -> f.name().equals("Fact of the day")).findFirst().orElseThrow().value()).toList();
            assertThat(facts).hasSize(n).doesNotHaveDuplicates();
        }
    }
}

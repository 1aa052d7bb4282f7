package dev.lalaland.bot.onthisday;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lalaland.bot.db.Database;
import dev.lalaland.bot.facts.FactStore;
import dev.lalaland.bot.testing.RecordingOutbox;
import dev.lalaland.bot.testing.RecordingOutbox.Message;
import dev.lalaland.bot.testing.ManualClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ten thousand servers configured for the same minute. Measured in virtual time: the real
 * routine, store (SQLite file), composer and pacer run pass after pass, and between passes the
 * clock jumps by exactly the pause the routine asked for, as the scheduler would sleep. So the
 * test checks the pacing decisions at the production rate (not a scaled one) in seconds of wall
 * time, and the send timestamps it records are the ones the bot would produce.
 */
class DailyPostPacingTest {
    private static final int SERVERS = 10_000;
    /** Discord's global limit, requests per second. */
    private static final int DISCORD_GLOBAL_LIMIT = 50;

    @TempDir
    Path dir;

    @Test
    void tenThousandServersAtTheSameMinuteArePostedOnceEachAndSteadilyWithinDiscordsLimits() {
        ManualClock clock = ManualClock.at("2026-06-01T08:00:00Z");
        try (Database database = TestFacts.open(dir)) {
            DailyPostStore store = new DailyPostStore(database);
            long setupStart = System.nanoTime();
            ZoneId utc = ZoneId.of("UTC");
            LocalTime nine = LocalTime.of(9, 0);
            for (int i = 0; i < SERVERS; i++) {
                store.turnOn("g" + i, "ch" + i, nine, utc, DailyPostSchedule.firstAfter(clock.instant(), nine, utc),
                        clock.instant());
            }
            System.out.printf("configured %d servers in %d ms%n", SERVERS, (System.nanoTime() - setupStart) / 1_000_000);
            RecordingOutbox outbox = new RecordingOutbox(clock);
            FactStore facts = new FactStore(database);
            EventCalendar calendar = new EventCalendar(facts);
            DailyPostRoutine.Options options = DailyPostRoutine.Options.defaults();
            DailyPostRoutine routine = new DailyPostRoutine(store, new DailyPostComposer(calendar, facts,
                    new FactRotation(database), new OnThisDayRenderer()), outbox, clock, options);

            long wallStart = System.nanoTime();
            Instant end = Instant.parse("2026-06-01T10:00:00Z");
            int passes = 0;
            while (clock.instant().isBefore(end) && outbox.sent().size() < SERVERS) {
                clock.advance(routine.pass(clock.instant()));
                passes++;
            }
            long wallMillis = (System.nanoTime() - wallStart) / 1_000_000;

            List<Message> sent = outbox.sent();
            assertThat(sent).hasSize(SERVERS);
            assertThat(sent.stream().map(Message::channelId).distinct().count()).isEqualTo(SERVERS);
            assertThat(countSent(database)).isEqualTo(SERVERS);

            Instant first = sent.get(0).at();
            Instant last = sent.get(sent.size() - 1).at();
            int busiestSecond = busiestSecond(sent);
            double spanSeconds = Duration.between(first, last).toMillis() / 1000.0;
            System.out.printf("10k daily posts: first %s, last %s (%.1f s), busiest 1-s window %d posts, "
                    + "%d passes, %d ms wall time%n", first, last, spanSeconds, busiestSecond, passes, wallMillis);

            assertThat(first).isEqualTo("2026-06-01T09:00:00Z");
            // A token bucket allows at most its burst plus one second's rate in any one second.
            assertThat(busiestSecond).isLessThanOrEqualTo((int) options.postsPerSecond() + options.burst())
                    .isLessThan(DISCORD_GLOBAL_LIMIT);
            // Steady, not a burst: the whole run takes about SERVERS / rate seconds.
            double expected = (SERVERS - options.burst()) / options.postsPerSecond();
            assertThat(spanSeconds).isBetween(expected - 1, expected * 1.1);
            // Every channel gets one message, far below ~5 per 5 s per channel.
        }
    }

    /** The most posts whose timestamps fall within any one-second window. */
    private static int busiestSecond(List<Message> sent) {
        List<Long> millis = sent.stream().map(s -> s.at().toEpochMilli()).sorted().toList();
        int best = 0;
        int start = 0;
        for (int i = 0; i < millis.size(); i++) {
            while (millis.get(i) - millis.get(start) >= 1000) {
                start++;
            }
            best = Math.max(best, i - start + 1);
        }
        return best;
    }

    private static long countSent(Database database) {
        return database.read(h -> h.select("SELECT count(*) FROM daily_post WHERE status = 'sent'")
                .mapTo(Long.class).one());
    }
}

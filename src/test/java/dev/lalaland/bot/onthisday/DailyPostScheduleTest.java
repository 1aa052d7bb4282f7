package dev.lalaland.bot.onthisday;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lalaland.bot.onthisday.DailyPostSchedule.Decision;
import dev.lalaland.bot.onthisday.DailyPostSchedule.Occurrence;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DailyPostScheduleTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");
    private static final ZoneId ADELAIDE = ZoneId.of("Australia/Adelaide");

    private static Occurrence on(String date, String time, ZoneId zone) {
        return DailyPostSchedule.on(LocalDate.parse(date), LocalTime.parse(time), zone);
    }

    private static Occurrence firstAfter(String now, String time, ZoneId zone) {
        return DailyPostSchedule.firstAfter(Instant.parse(now), LocalTime.parse(time), zone);
    }

    @Nested
    class DaylightSaving {
        @Test
        void parisSpringForwardMovesTheMissingHalfHourForward() {
            // 2026-03-29: 02:00 CET becomes 03:00 CEST, so 02:30 never happens; 03:30 CEST does.
            assertThat(on("2026-03-29", "02:30", PARIS))
                    .isEqualTo(new Occurrence(LocalDate.parse("2026-03-29"), Instant.parse("2026-03-29T01:30:00Z")));
            assertThat(on("2026-03-28", "02:30", PARIS).instant()).isEqualTo("2026-03-28T01:30:00Z");
            assertThat(on("2026-03-30", "02:30", PARIS).instant()).isEqualTo("2026-03-30T00:30:00Z");
        }

        @Test
        void parisFallBackPostsAtTheFirstOfTheTwoHalfPastTwos() {
            // 2026-10-25: 03:00 CEST becomes 02:00 CET, so 02:30 happens at 00:30Z and again at 01:30Z.
            assertThat(on("2026-10-25", "02:30", PARIS).instant()).isEqualTo("2026-10-25T00:30:00Z");
            // After that post, the next one is the next day's, not the repeat an hour later.
            assertThat(DailyPostSchedule.after(LocalDate.parse("2026-10-25"), LocalTime.parse("02:30"), PARIS).instant())
                    .isEqualTo("2026-10-26T01:30:00Z");
        }

        @Test
        void parisNineOClockIsEightUtcInSummerAndWinter() {
            assertThat(on("2026-03-28", "09:00", PARIS).instant()).isEqualTo("2026-03-28T08:00:00Z");
            assertThat(on("2026-03-29", "09:00", PARIS).instant()).isEqualTo("2026-03-29T07:00:00Z");
            assertThat(on("2026-10-25", "09:00", PARIS).instant()).isEqualTo("2026-10-25T08:00:00Z");
        }

        @Test
        void newYorkSpringForwardMovesTheMissingHalfHourForward() {
            // 2026-03-08: 02:00 EST becomes 03:00 EDT.
            assertThat(on("2026-03-08", "02:30", NEW_YORK).instant()).isEqualTo("2026-03-08T07:30:00Z");
        }

        @Test
        void newYorkFallBackPostsOnceAtTheEarlierHalfPastOne() {
            // 2026-11-01: 02:00 EDT becomes 01:00 EST; 01:30 is 05:30Z (EDT) and 06:30Z (EST).
            assertThat(on("2026-11-01", "01:30", NEW_YORK).instant()).isEqualTo("2026-11-01T05:30:00Z");
            // Configured between the two half-past-ones: the day's post already passed; next is tomorrow.
            assertThat(firstAfter("2026-11-01T06:00:00Z", "01:30", NEW_YORK))
                    .isEqualTo(new Occurrence(LocalDate.parse("2026-11-02"), Instant.parse("2026-11-02T06:30:00Z")));
        }

        @Test
        void adelaideIsAHalfHourZoneWithItsOwnDaylightSaving() {
            // UTC+9:30 in winter, +10:30 from the first Sunday of October (2026-10-04, 02:00 -> 03:00).
            assertThat(on("2026-07-01", "09:00", ADELAIDE).instant()).isEqualTo("2026-06-30T23:30:00Z");
            // 02:30 does not exist that night: 03:30 ACDT (+10:30) is 17:00Z the day before.
            assertThat(on("2026-10-04", "02:30", ADELAIDE).instant()).isEqualTo("2026-10-03T17:00:00Z");
            assertThat(on("2026-12-01", "09:00", ADELAIDE).instant()).isEqualTo("2026-11-30T22:30:00Z");
        }
    }

    @Test
    void kolkataIsFiveAndAHalfHoursAhead() {
        assertThat(on("2026-06-01", "09:00", KOLKATA).instant()).isEqualTo("2026-06-01T03:30:00Z");
        // At 08:59 Kolkata time the post is still ahead today; at 09:00 exactly it is tomorrow's turn.
        assertThat(firstAfter("2026-06-01T03:29:00Z", "09:00", KOLKATA).localDate()).isEqualTo("2026-06-01");
        assertThat(firstAfter("2026-06-01T03:30:00Z", "09:00", KOLKATA).localDate()).isEqualTo("2026-06-02");
    }

    @Test
    void midnightBelongsToTheDayItStarts() {
        assertThat(firstAfter("2026-06-01T21:59:59Z", "00:00", PARIS))
                .isEqualTo(new Occurrence(LocalDate.parse("2026-06-02"), Instant.parse("2026-06-01T22:00:00Z")));
        assertThat(firstAfter("2026-06-01T22:00:00Z", "00:00", PARIS).localDate()).isEqualTo("2026-06-03");
    }

    @Test
    void firstPostIsTodayIfStillAheadElseTomorrow() {
        assertThat(firstAfter("2026-06-01T06:59:00Z", "09:00", PARIS).instant()).isEqualTo("2026-06-01T07:00:00Z");
        assertThat(firstAfter("2026-06-01T07:00:01Z", "09:00", PARIS).instant()).isEqualTo("2026-06-02T07:00:00Z");
    }

    @Nested
    class CatchUp {
        private final LocalTime nine = LocalTime.of(9, 0);

        @Test
        void aPostFoundDueLateTheSameLocalDayIsSent() {
            Decision late = DailyPostSchedule.decide(LocalDate.parse("2026-06-01"), nine, PARIS,
                    Instant.parse("2026-06-01T21:59:00Z"));
            assertThat(late.postNow()).isTrue();
            assertThat(late.next().localDate()).isEqualTo("2026-06-02");
        }

        @Test
        void aPostFoundDueAfterItsLocalDayEndedIsSkipped() {
            // 00:01 in Paris on June 2nd: June 1st's post is lost, June 2nd's is still ahead.
            Decision missed = DailyPostSchedule.decide(LocalDate.parse("2026-06-01"), nine, PARIS,
                    Instant.parse("2026-06-01T22:01:00Z"));
            assertThat(missed.postNow()).isFalse();
            assertThat(missed.next()).isEqualTo(on("2026-06-02", "09:00", PARIS));
        }

        /** The contract: down at post time, it posts when it comes back, the same local day. */
        @Test
        void downForDaysAndBackAfterTodaysTimeSendsTodaysPostAtOnce() {
            Instant back = Instant.parse("2026-06-05T12:00:00Z"); // 14:00 in Paris, today's 09:00 has passed
            Decision missed = DailyPostSchedule.decide(LocalDate.parse("2026-06-01"), nine, PARIS, back);
            assertThat(missed.postNow()).as("June 1st's day is over").isFalse();
            assertThat(missed.next()).isEqualTo(on("2026-06-05", "09:00", PARIS));
            assertThat(missed.next().instant()).isBefore(back);

            Decision today = DailyPostSchedule.decide(missed.next().localDate(), nine, PARIS, back);
            assertThat(today.postNow()).isTrue();
            assertThat(today.next().localDate()).isEqualTo("2026-06-06");
        }

        @Test
        void downForDaysAndBackBeforeTodaysTimeWaitsForIt() {
            Decision missed = DailyPostSchedule.decide(LocalDate.parse("2026-06-01"), nine, PARIS,
                    Instant.parse("2026-06-05T05:00:00Z"));
            assertThat(missed.postNow()).isFalse();
            assertThat(missed.next()).isEqualTo(on("2026-06-05", "09:00", PARIS));
        }
    }
}

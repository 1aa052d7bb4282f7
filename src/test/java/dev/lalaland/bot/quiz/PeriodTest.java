package dev.lalaland.bot.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Weeks and months in a server's time zone: plain Java, no database. */
class PeriodTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");

    @Test
    void weeksStartOnMondayAtLocalMidnight() {
        // Sunday 6 December 2026, 23:30 in Paris, is 22:30 UTC.
        Period.Window week = Period.WEEK.containing(Instant.parse("2026-12-06T22:30:00Z"), PARIS);
        assertThat(week.start()).isEqualTo(LocalDate.parse("2026-11-30"));
        assertThat(week.from()).isEqualTo(Instant.parse("2026-11-29T23:00:00Z"));
        assertThat(week.to()).isEqualTo(Instant.parse("2026-12-06T23:00:00Z"));
        assertThat(week.label()).isEqualTo("the week of Monday 30 November 2026");
        // Half an hour later it is Monday in Paris: a new week, though still Sunday in UTC.
        assertThat(Period.WEEK.containing(Instant.parse("2026-12-06T23:30:00Z"), PARIS).start())
                .isEqualTo(LocalDate.parse("2026-12-07"));
        assertThat(Period.WEEK.containing(Instant.parse("2026-12-06T23:30:00Z"), ZoneOffset.UTC).start())
                .isEqualTo(LocalDate.parse("2026-11-30"));
    }

    @Test
    void aMondayIsTheFirstDayOfItsWeekAndTheLastEndedWeekIsThePreviousOne() {
        Instant mondayMorning = Instant.parse("2026-12-07T00:00:00Z");
        assertThat(Period.WEEK.containing(mondayMorning, ZoneOffset.UTC).start()).isEqualTo(LocalDate.parse("2026-12-07"));
        Period.Window ended = Period.WEEK.lastEnded(mondayMorning, ZoneOffset.UTC);
        assertThat(ended.start()).isEqualTo(LocalDate.parse("2026-11-30"));
        assertThat(ended.to()).isEqualTo(mondayMorning);
    }

    @Test
    void monthsRunFromTheFirstToTheFirstAcrossTheYearEnd() {
        Period.Window december = Period.MONTH.containing(Instant.parse("2026-12-31T23:59:59Z"), ZoneOffset.UTC);
        assertThat(december.start()).isEqualTo(LocalDate.parse("2026-12-01"));
        assertThat(december.to()).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
        assertThat(december.label()).isEqualTo("December 2026");
        Period.Window ended = Period.MONTH.lastEnded(Instant.parse("2027-01-01T00:00:00Z"), ZoneOffset.UTC);
        assertThat(ended).isEqualTo(december);
        // A week across the year end belongs to the year of its Monday.
        assertThat(Period.WEEK.containing(Instant.parse("2027-01-02T12:00:00Z"), ZoneOffset.UTC).start())
                .isEqualTo(LocalDate.parse("2026-12-28"));
    }

    @Test
    void aWeekWithAClockChangeIsAnHourLongerOrShorter() {
        // Los Angeles falls back on Sunday 1 November 2026: that week has 169 hours.
        Period.Window fallBack = Period.WEEK.containing(Instant.parse("2026-10-28T12:00:00Z"), LOS_ANGELES);
        assertThat(fallBack.from()).isEqualTo(Instant.parse("2026-10-26T07:00:00Z"));
        assertThat(fallBack.to()).isEqualTo(Instant.parse("2026-11-02T08:00:00Z"));
        // Paris springs forward on Sunday 29 March 2026: 167 hours.
        Period.Window springForward = Period.WEEK.containing(Instant.parse("2026-03-25T12:00:00Z"), PARIS);
        assertThat(java.time.Duration.between(springForward.from(), springForward.to()).toHours()).isEqualTo(167);
    }

    @Test
    void allTimeCoversEverything() {
        Period.Window all = Period.ALL_TIME.containing(Instant.parse("2026-12-02T00:00:00Z"), PARIS);
        assertThat(all.from()).isEqualTo(Instant.EPOCH);
        assertThat(all.to()).isEqualTo(Instant.MAX);
        assertThat(Period.ids()).containsExactly("all-time", "month", "week");
        assertThat(Period.of("week")).isEqualTo(Period.WEEK);
    }
}

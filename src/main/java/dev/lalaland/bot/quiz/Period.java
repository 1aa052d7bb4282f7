package dev.lalaland.bot.quiz;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What a leaderboard covers: every night ever, or one calendar month or week in the server's time
 * zone. Weeks start on Monday (ISO 8601, as most of Discord's servers count them); a period runs
 * from local midnight of its first day to local midnight after its last, daylight saving included.
 */
public enum Period {
    ALL_TIME("all-time"),
    MONTH("month"),
    WEEK("week");

    public final String id;

    Period(String id) {
        this.id = id;
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(p -> p.id).toList();
    }

    public static Period of(String id) {
        for (Period p : values()) {
            if (p.id.equals(id)) {
                return p;
            }
        }
        throw new IllegalArgumentException("no period " + id);
    }

    /** The periods a podium is posted for when they end. */
    static List<Period> calendar() {
        return List.of(WEEK, MONTH);
    }

    /** The first day of the period that contains {@code day}; all-time has none. */
    LocalDate startOf(LocalDate day) {
        return switch (this) {
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
            case ALL_TIME -> throw new IllegalStateException("all-time has no start");
        };
    }

    /** The period that contains {@code at} in {@code zone}. */
    Window containing(Instant at, ZoneId zone) {
        if (this == ALL_TIME) {
            return new Window(this, null, zone);
        }
        return new Window(this, startOf(at.atZone(zone).toLocalDate()), zone);
    }

    /** The period just before the one that contains {@code at}: the last one that has ended. */
    Window lastEnded(Instant at, ZoneId zone) {
        Window current = containing(at, zone);
        return new Window(this, this == WEEK ? current.start().minusWeeks(1) : current.start().minusMonths(1), zone);
    }

    /**
     * One week or month in one zone, or all time ({@code start} null). Points count for it when
     * their question was asked from {@link #from()} (inclusive) to {@link #to()} (exclusive).
     */
    public record Window(Period period, LocalDate start, ZoneId zone) {

        /** The day after the last one. */
        public LocalDate endExclusive() {
            return switch (period) {
                case WEEK -> start.plusWeeks(1);
                case MONTH -> start.plusMonths(1);
                case ALL_TIME -> null;
            };
        }

        public Instant from() {
            return start == null ? Instant.EPOCH : start.atStartOfDay(zone).toInstant();
        }

        public Instant to() {
            return start == null ? Instant.MAX : endExclusive().atStartOfDay(zone).toInstant();
        }

        /** "all-time", "the week of Monday 30 November 2026", "December 2026". */
        public String label() {
            return switch (period) {
                case ALL_TIME -> "all-time";
                case WEEK -> "the week of Monday " + firstDay();
                case MONTH -> monthName(start) + " " + start.getYear();
            };
        }

        /** "30 November 2026". */
        public String firstDay() {
            return start.getDayOfMonth() + " " + monthName(start) + " " + start.getYear();
        }

        private static String monthName(LocalDate d) {
            String m = d.getMonth().name().toLowerCase(Locale.ROOT);
            return Character.toUpperCase(m.charAt(0)) + m.substring(1);
        }
    }
}

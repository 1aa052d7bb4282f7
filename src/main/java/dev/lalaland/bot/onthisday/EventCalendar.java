package dev.lalaland.bot.onthisday;

import dev.lalaland.bot.facts.Event;
import dev.lalaland.bot.facts.Fact;
import dev.lalaland.bot.facts.FactStore;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The film's history by day of the year, read from the fact store once: the facts do not change
 * while the bot runs, and {@code /onthisday} asks for them on every call.
 */
public final class EventCalendar {
    /** A leap year, so that every month-day, February 29 included, has a day-of-year. */
    private static final int LEAP_YEAR = 2000;

    /** Each month-day with events, with its events oldest first. */
    private final TreeMap<MonthDay, List<Event>> byDay = new TreeMap<>();
    private final List<Fact> facts;

    public EventCalendar(FactStore facts) {
        Map<MonthDay, List<Event>> grouped = new HashMap<>();
        for (Event e : facts.allEvents()) { // ordered by month-day, then date
            grouped.computeIfAbsent(MonthDay.parse("--" + e.monthDay()), d -> new ArrayList<>()).add(e);
        }
        grouped.forEach((day, events) -> byDay.put(day, List.copyOf(events)));
        this.facts = List.copyOf(facts.facts());
    }

    /** The events on that month-day in any year, oldest first. */
    public List<Event> eventsOn(MonthDay day) {
        return byDay.getOrDefault(day, List.of());
    }

    /**
     * The nearest month-day after {@code day} that has events, wrapping into next year, with
     * those events; empty only if there are no events at all.
     */
    public Optional<Anniversary> nextAnniversaryAfter(MonthDay day) {
        var next = byDay.higherEntry(day);
        if (next == null) {
            next = byDay.firstEntry();
        }
        return next == null ? Optional.empty() : Optional.of(new Anniversary(next.getKey(), next.getValue()));
    }

    /**
     * The fact shown by {@code /onthisday} on a quiet day: the same all day for everyone, and a
     * different one from one day to the next. (The daily post uses a per-server rotation instead.)
     */
    public Optional<Fact> factFor(MonthDay day) {
        if (facts.isEmpty()) {
            return Optional.empty();
        }
        int dayOfYear = day.atYear(LEAP_YEAR).getDayOfYear();
        return Optional.of(facts.get(dayOfYear % facts.size()));
    }

    /** Days from {@code from} to the next {@code day} (0 if it is that day). */
    public static long daysUntil(LocalDate from, MonthDay day) {
        LocalDate candidate = nextOccurrence(from, day);
        return ChronoUnit.DAYS.between(from, candidate);
    }

    /**
     * The first date on or after {@code from} that falls on {@code day}; February 29 waits for
     * the next leap year.
     */
    static LocalDate nextOccurrence(LocalDate from, MonthDay day) {
        for (int year = from.getYear(); ; year++) {
            if (day.isValidYear(year)) {
                LocalDate candidate = day.atYear(year);
                if (!candidate.isBefore(from)) {
                    return candidate;
                }
            }
        }
    }

    /** {@code day} in the year of {@code today}, or null when it has none this year (29 February). */
    static LocalDate thisYears(MonthDay day, LocalDate today) {
        return day.isValidYear(today.getYear()) ? day.atYear(today.getYear()) : null;
    }

    /** A month-day and what happened on it. */
    public record Anniversary(MonthDay day, List<Event> events) {
    }
}

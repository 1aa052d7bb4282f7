package dev.lalaland.bot.facts;

import java.util.List;

/**
 * A dated moment in the film's history, for "on this day". {@code date} is {@code YYYY-MM-DD}: the day
 * it happened, or its first day when it lasted several ({@code endDate} is then the last). When
 * {@code dateIs} is {@link #PUBLISHED}, the date is when a source published it, and the thing itself
 * happened on or before it: the quiz never asks when such an event happened.
 */
public record Event(String id, String date, String endDate, String dateIs, String title, String text, String kind,
                    List<String> sources) {
    public static final String HAPPENED = "happened";
    public static final String PUBLISHED = "published";

    public Event {
        sources = List.copyOf(sources);
        dateIs = dateIs == null ? HAPPENED : dateIs;
    }

    /** A one-day event that happened on its date. */
    public Event(String id, String date, String title, String text, String kind, List<String> sources) {
        this(id, date, null, HAPPENED, title, text, kind, sources);
    }

    /** The last day it lasted: its date unless it ran over several. */
    public String lastDate() {
        return endDate == null ? date : endDate;
    }

    public boolean datedByPublication() {
        return PUBLISHED.equals(dateIs);
    }

    public String monthDay() {
        return date.substring(5);
    }

    public int year() {
        return Integer.parseInt(date.substring(0, 4));
    }
}

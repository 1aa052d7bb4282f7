package dev.lalaland.bot.facts;

import java.util.List;

/**
 * A dated moment in the film's history, for "on this day". {@code date} is {@code YYYY-MM-DD}: the day
 * it happened, or its first day when it lasted several ({@code endDate} is then the last). When
 * {@code dateIs} is {@link #PUBLISHED}, the date is when a source published it, and the thing itself
 * happened on or before it: the quiz never asks when such an event happened. A {@code milestone} is
 * one of the film's own (its premiere, its releases, the Oscars): its round anniversaries (5, 10,
 * 15 ... years) get a special "on this day" post.
 */
public record Event(String id, String date, String endDate, String dateIs, boolean milestone, String title, String text,
                    String kind, List<String> sources) {
    public static final String HAPPENED = "happened";
    public static final String PUBLISHED = "published";

    public Event {
        sources = List.copyOf(sources);
        dateIs = dateIs == null ? HAPPENED : dateIs;
    }

    /** A one-day event that happened on its date. */
    public Event(String id, String date, String title, String text, String kind, List<String> sources) {
        this(id, date, null, HAPPENED, false, title, text, kind, sources);
    }

    /** The last day it lasted: its date unless it ran over several. */
    public String lastDate() {
        return endDate == null ? date : endDate;
    }

    /** Whole years from this event to {@code on}: a positive multiple of 5 marks a round anniversary. */
    public int yearsOn(java.time.LocalDate on) {
        return on.getYear() - year();
    }

    /** The same event, marked as one of the film's milestones or not. */
    public Event asMilestone(boolean isMilestone) {
        return new Event(id, date, endDate, dateIs, isMilestone, title, text, kind, sources);
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

package dev.lalaland.bot.facts;

import java.util.List;

/** A dated moment in the film's history, for "on this day". {@code date} is {@code YYYY-MM-DD}. */
public record Event(String id, String date, String title, String text, String kind, List<String> sources) {

    public Event {
        sources = List.copyOf(sources);
    }

    public String monthDay() {
        return date.substring(5);
    }

    public int year() {
        return Integer.parseInt(date.substring(0, 4));
    }
}

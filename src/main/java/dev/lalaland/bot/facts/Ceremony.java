package dev.lalaland.bot.facts;

import java.util.List;

/**
 * One awards ceremony (or festival, or list). {@code group} is the {@code /awards ceremony}
 * choice it answers to; {@code date} is {@code YYYY-MM-DD} or {@code YYYY-MM}: the awards night.
 * {@code startDate}, when set, is the first day of a festival or event that ran for several days
 * (the 73rd Venice festival ran from 31 August to its awards night on 10 September 2016).
 */
public record Ceremony(String id, String group, String body, String name, String startDate, String date, String venue,
                       String host, String note, List<String> sources) {

    public Ceremony {
        sources = List.copyOf(sources);
    }

    /** A ceremony held on one day (or month). */
    public Ceremony(String id, String group, String body, String name, String date, String venue, String host,
                    String note, List<String> sources) {
        this(id, group, body, name, null, date, venue, host, note, sources);
    }

    /** The first day it ran: its date unless it lasted several days. */
    public String firstDate() {
        return startDate == null ? date : startDate;
    }
}

package dev.lalaland.bot.facts;

import java.util.List;

/**
 * One awards ceremony (or festival, or list). {@code group} is the {@code /awards ceremony}
 * choice it answers to; {@code date} is {@code YYYY-MM-DD} or {@code YYYY-MM}.
 */
public record Ceremony(String id, String group, String body, String name, String date, String venue, String host,
                       String note, List<String> sources) {

    public Ceremony {
        sources = List.copyOf(sources);
    }
}

package dev.lalaland.bot.facts;

import java.util.List;

/** A sourced statement about the film, for the fact of the day and trivia. */
public record Fact(String id, String category, String text, List<String> sources) {

    public Fact {
        sources = List.copyOf(sources);
    }
}

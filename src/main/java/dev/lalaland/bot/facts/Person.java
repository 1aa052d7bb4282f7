package dev.lalaland.bot.facts;

import java.util.List;

/** Someone who worked on the film: credited cast (with a character) or crew. */
public record Person(String id, String name, String kind, int order, String character, List<String> aliases,
                    String role, String summary, String born, String birthplace, List<String> sources) {

    public Person {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        sources = List.copyOf(sources);
    }

    public boolean isCast() {
        return "cast".equals(kind);
    }
}

package dev.lalaland.bot.facts;

import java.util.List;

/** One category at one ceremony. {@code result} is {@code won}, {@code nominated} or {@code honored}. */
public record Nomination(String id, String ceremony, String category, String nominee, List<String> personIds,
                         String songId, String result, String wonBy, String note, List<String> sources) {

    public Nomination {
        personIds = personIds == null ? List.of() : List.copyOf(personIds);
        sources = List.copyOf(sources);
    }

    public boolean won() {
        return "won".equals(result) || "honored".equals(result);
    }
}

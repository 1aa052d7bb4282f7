package dev.lalaland.bot.facts;

import java.util.List;

/** The soundtrack album as released. */
public record Album(String title, String releaseDate, String label, String length, String producers,
                    List<String> charts, List<String> sources) {

    public Album {
        charts = charts == null ? List.of() : List.copyOf(charts);
        sources = List.copyOf(sources);
    }
}

package dev.lalaland.bot.facts;

import java.util.List;

/** A soundtrack track. {@code kind} is {@code song} or {@code score}. */
public record Song(String id, int track, String title, String performers, List<String> performerIds, String kind,
                   String music, String lyrics, String length, String scene, List<String> sources) {

    public Song {
        performerIds = performerIds == null ? List.of() : List.copyOf(performerIds);
        sources = List.copyOf(sources);
    }
}

package dev.lalaland.bot.facts;

import java.util.List;

/** Everything in the data files, validated. */
public record FactSet(List<Person> people, List<Song> songs, Album album, List<Ceremony> ceremonies,
                      List<Nomination> nominations, List<Event> events, List<Fact> facts,
                      List<WrittenQuestion> questions, String checksum) {
}

package dev.lalaland.bot.quiz;

import dev.lalaland.bot.facts.Album;
import dev.lalaland.bot.facts.Ceremony;
import dev.lalaland.bot.facts.Event;
import dev.lalaland.bot.facts.Fact;
import dev.lalaland.bot.facts.FactStore;
import dev.lalaland.bot.facts.Nomination;
import dev.lalaland.bot.facts.Person;
import dev.lalaland.bot.facts.Song;
import dev.lalaland.bot.facts.WrittenQuestion;
import java.util.List;
import java.util.Optional;

/**
 * Everything the question generators read, loaded from the fact store once. Questions come only
 * from here, so a question can never say something {@code /cast}, {@code /song} or
 * {@code /awards} does not.
 */
record QuizFacts(List<Person> people, List<Song> songs, Optional<Album> album, List<Ceremony> ceremonies,
                 List<Nomination> nominations, List<Event> events, List<Fact> facts, List<WrittenQuestion> written) {

    QuizFacts {
        people = List.copyOf(people);
        songs = List.copyOf(songs);
        ceremonies = List.copyOf(ceremonies);
        nominations = List.copyOf(nominations);
        events = List.copyOf(events);
        facts = List.copyOf(facts);
        written = List.copyOf(written);
    }

    static QuizFacts load(FactStore store) {
        return new QuizFacts(store.people(), store.songs(), store.album(), store.ceremonies(null),
                store.allNominations(), store.allEvents(), store.facts(), store.writtenQuestions());
    }

    List<Person> cast() {
        return people.stream().filter(Person::isCast).toList();
    }

    List<Person> crew() {
        return people.stream().filter(p -> !p.isCast()).toList();
    }

    Optional<Ceremony> ceremony(String id) {
        return ceremonies.stream().filter(c -> c.id().equals(id)).findFirst();
    }
}

package dev.lalaland.bot.onthisday;

import dev.lalaland.bot.db.Database;
import dev.lalaland.bot.facts.Event;
import dev.lalaland.bot.facts.Fact;
import dev.lalaland.bot.facts.FactImporter;
import dev.lalaland.bot.facts.FactSet;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/** A database on a temp file holding a small calendar and a few facts. */
public final class TestFacts {
    public static final List<Event> EVENTS = List.of(
            event("venice-premiere", "2016-08-31", "Premiere at the Venice Film Festival", "festival").asMilestone(true),
            event("us-limited", "2016-12-09", "Limited release in the United States", "release").asMilestone(true),
            event("tiff", "2016-09-12", "People's Choice Award at TIFF", "awards"),
            event("globes", "2017-01-08", "Seven Golden Globes, a record", "awards"),
            event("stone-born", "1988-11-06", "Emma Stone is born", "birthday"),
            event("gosling-born", "1980-11-12", "Ryan Gosling is born", "birthday"),
            event("chazelle-born", "1985-01-19", "Damien Chazelle is born", "birthday"),
            event("us-wide", "2016-12-25", "Wide release in the United States", "release"),
            event("uk", "2017-01-12", "Release in the United Kingdom", "release"),
            event("anniversary-screening", "2019-12-09", "A later event on the same day", "other"));
    public static final List<Fact> FACTS = List.of(
            fact("f1", "The film opens with \"Another Day of Sun\" on a freeway ramp."),
            fact("f2", "Justin Hurwitz wrote the score."),
            fact("f3", "Linus Sandgren shot it on film in CinemaScope."),
            fact("f4", "Mandy Moore choreographed the dances."),
            fact("f5", "The film won six Academy Awards."));

    private TestFacts() {
    }

    public static Database open(Path dir) {
        return open(dir, EVENTS, FACTS);
    }

    public static Database open(Path dir, List<Event> events, List<Fact> facts) {
        Database database = Database.open(dir.resolve("test.db"));
        FactSet set = new FactSet(List.of(), List.of(), null, List.of(), List.of(), events, facts, List.of(),
                "test-" + events.hashCode() + "-" + facts.hashCode());
        new FactImporter(database, Clock.systemUTC()).importIfChanged(set);
        return database;
    }

    public static Event event(String id, String date, String title, String kind) {
        return new Event(id, date, title, title + ".", kind, List.of("https://www.example.org/" + id));
    }

    public static Fact fact(String id, String text) {
        return new Fact(id, "production", text, List.of("https://www.example.com/" + id));
    }
}

package dev.lalaland.bot.facts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lalaland.bot.db.Database;
import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Copies a validated {@link FactSet} into the database in one transaction. Idempotent: when the files
 * are unchanged (same checksum) nothing is written; when they changed, the fact tables are
 * replaced as a whole, so there is always exactly one consistent copy. Server state is untouched.
 * Several processes may import into one database at the same moment: one of them does the work.
 */
public final class FactImporter {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> FACT_TABLES = List.of(
            "nomination_person", "nomination", "song_performer", "ceremony", "song", "person", "album", "event",
            "fact", "written_question");

    private final Database database;
    private final Clock clock;

    public FactImporter(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Whether the fact tables hold the files with this checksum ({@link FactFiles#checksum}); false for null. */
    public boolean holds(String checksum) {
        return checksum != null && database.read(h -> checksum.equals(currentChecksum(h)));
    }

    /**
     * Returns true if the tables were (re)written, false if they already held this data. Processes
     * started together each call this: the first to take the import lock imports, and the others,
     * once it has committed, find its checksum and use what it wrote.
     */
    public boolean importIfChanged(FactSet facts) {
        return database.transaction(h -> {
            database.dialect().lockUntilCommit(h, "fact_import");
            if (facts.checksum().equals(currentChecksum(h))) {
                return false;
            }
            for (String table : FACT_TABLES) {
                h.execute("DELETE FROM " + table);
            }
            insertAll(h, facts);
            h.execute("INSERT INTO fact_import (id, checksum, imported_at) VALUES (1, ?, ?) ON CONFLICT (id) "
                    + "DO UPDATE SET checksum = excluded.checksum, imported_at = excluded.imported_at",
                    facts.checksum(), clock.instant().toString());
            return true;
        });
    }

    private static String currentChecksum(Handle h) {
        return h.select("SELECT checksum FROM fact_import WHERE id = 1").mapTo(String.class).findFirst().orElse(null);
    }

    private static void insertAll(Handle h, FactSet facts) {
        PreparedBatch people = h.prepareBatch("INSERT INTO person (id, name, kind, sort_order, character, "
                + "aliases, role, summary, born, birthplace, sources) VALUES (?,?,?,?,?,?,?,?,?,?,?)");
        for (Person p : facts.people()) {
            people.add(p.id(), p.name(), p.kind(), p.order(), p.character(), json(p.aliases()), p.role(),
                    p.summary(), p.born(), p.birthplace(), json(p.sources()));
        }
        execute(people);
        PreparedBatch songs = h.prepareBatch("INSERT INTO song (id, track, title, performers, kind, music, "
                + "lyrics, length, scene, sources) VALUES (?,?,?,?,?,?,?,?,?,?)");
        PreparedBatch performers = h.prepareBatch("INSERT INTO song_performer (song_id, person_id) VALUES (?, ?)");
        for (Song s : facts.songs()) {
            songs.add(s.id(), s.track(), s.title(), s.performers(), s.kind(), s.music(), s.lyrics(), s.length(),
                    s.scene(), json(s.sources()));
            for (String personId : s.performerIds()) {
                performers.add(s.id(), personId);
            }
        }
        execute(songs);
        execute(performers);
        Album a = facts.album();
        if (a != null) {
            h.execute("INSERT INTO album (id, title, release_date, label, length, producers, charts, sources) "
                    + "VALUES (1,?,?,?,?,?,?,?)", a.title(), a.releaseDate(), a.label(), a.length(), a.producers(),
                    json(a.charts()), json(a.sources()));
        }
        PreparedBatch ceremonies = h.prepareBatch("INSERT INTO ceremony (id, grp, body, name, date, venue, host, "
                + "note, sort_order, sources, start_date) VALUES (?,?,?,?,?,?,?,?,?,?,?)");
        int order = 0;
        for (Ceremony x : facts.ceremonies()) {
            ceremonies.add(x.id(), x.group(), x.body(), x.name(), x.date(), x.venue(), x.host(), x.note(), order++,
                    json(x.sources()), x.startDate());
        }
        execute(ceremonies);
        PreparedBatch nominations = h.prepareBatch("INSERT INTO nomination (id, ceremony_id, sort_order, category, "
                + "nominee, song_id, result, won_by, note, sources) VALUES (?,?,?,?,?,?,?,?,?,?)");
        PreparedBatch nominees = h.prepareBatch(
                "INSERT INTO nomination_person (nomination_id, person_id) VALUES (?, ?)");
        order = 0;
        for (Nomination n : facts.nominations()) {
            nominations.add(n.id(), n.ceremony(), order++, n.category(), n.nominee(), n.songId(), n.result(),
                    n.wonBy(), n.note(), json(n.sources()));
            for (String personId : n.personIds()) {
                nominees.add(n.id(), personId);
            }
        }
        execute(nominations);
        execute(nominees);
        PreparedBatch events = h.prepareBatch("INSERT INTO event (id, date, month_day, kind, title, text, sources, "
                + "end_date, date_is, milestone) VALUES (?,?,?,?,?,?,?,?,?,?)");
        for (Event e : facts.events()) {
            events.add(e.id(), e.date(), e.monthDay(), e.kind(), e.title(), e.text(), json(e.sources()), e.endDate(),
                    e.dateIs(), e.milestone() ? 1 : 0);
        }
        execute(events);
        PreparedBatch factRows = h.prepareBatch(
                "INSERT INTO fact (id, sort_order, category, text, sources) VALUES (?,?,?,?,?)");
        order = 0;
        for (Fact f : facts.facts()) {
            factRows.add(f.id(), order++, f.category(), f.text(), json(f.sources()));
        }
        execute(factRows);
        PreparedBatch questions = h.prepareBatch("INSERT INTO written_question (id, sort_order, category, "
                + "difficulty, question, choices, answer, explanation, sources) VALUES (?,?,?,?,?,?,?,?,?)");
        order = 0;
        for (WrittenQuestion q : facts.questions()) {
            questions.add(q.id(), order++, q.category(), q.difficulty(), q.question(), json(q.choices()), q.answer(),
                    q.explanation(), json(q.sources()));
        }
        execute(questions);
    }

    /** JDBI refuses to run an empty batch; a data folder may have no rows for a table. */
    private static void execute(PreparedBatch batch) {
        if (batch.size() > 0) {
            batch.execute();
        }
    }

    static String json(List<String> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

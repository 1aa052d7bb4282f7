package dev.lalaland.bot.facts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lalaland.bot.db.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;

/**
 * Copies a validated {@link FactSet} into SQLite in one transaction. Idempotent: when the files
 * are unchanged (same checksum) nothing is written; when they changed, the fact tables are
 * replaced as a whole, so there is always exactly one consistent copy. Server state is untouched.
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
        return checksum != null && database.read(c -> checksum.equals(currentChecksum(c)));
    }

    /** Returns true if the tables were (re)written, false if they already held this data. */
    public boolean importIfChanged(FactSet facts) {
        return database.transaction(c -> {
            if (facts.checksum().equals(currentChecksum(c))) {
                return false;
            }
            try (Statement st = c.createStatement()) {
                for (String table : FACT_TABLES) {
                    st.executeUpdate("DELETE FROM " + table);
                }
            }
            insertAll(c, facts);
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT OR REPLACE INTO fact_import (id, checksum, imported_at) VALUES (1, ?, ?)")) {
                ps.setString(1, facts.checksum());
                ps.setString(2, clock.instant().toString());
                ps.executeUpdate();
            }
            return true;
        });
    }

    private static String currentChecksum(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT checksum FROM fact_import WHERE id = 1")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static void insertAll(Connection c, FactSet facts) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO person (id, name, kind, sort_order, character, "
                + "aliases, role, summary, born, birthplace, sources) VALUES (?,?,?,?,?,?,?,?,?,?,?)")) {
            for (Person p : facts.people()) {
                bind(ps, p.id(), p.name(), p.kind(), p.order(), p.character(), json(p.aliases()), p.role(),
                        p.summary(), p.born(), p.birthplace(), json(p.sources()));
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO song (id, track, title, performers, kind, music, "
                + "lyrics, length, scene, sources) VALUES (?,?,?,?,?,?,?,?,?,?)");
             PreparedStatement performer = c.prepareStatement(
                     "INSERT INTO song_performer (song_id, person_id) VALUES (?, ?)")) {
            for (Song s : facts.songs()) {
                bind(ps, s.id(), s.track(), s.title(), s.performers(), s.kind(), s.music(), s.lyrics(), s.length(),
                        s.scene(), json(s.sources()));
                for (String personId : s.performerIds()) {
                    bind(performer, s.id(), personId);
                }
            }
            ps.executeBatch();
            performer.executeBatch();
        }
        Album a = facts.album();
        if (a != null) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO album (id, title, release_date, label, length, "
                    + "producers, charts, sources) VALUES (1,?,?,?,?,?,?,?)")) {
                bind(ps, a.title(), a.releaseDate(), a.label(), a.length(), a.producers(), json(a.charts()),
                        json(a.sources()));
                ps.executeBatch();
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO ceremony (id, grp, body, name, date, venue, host, "
                + "note, sort_order, sources, start_date) VALUES (?,?,?,?,?,?,?,?,?,?,?)")) {
            int order = 0;
            for (Ceremony x : facts.ceremonies()) {
                bind(ps, x.id(), x.group(), x.body(), x.name(), x.date(), x.venue(), x.host(), x.note(), order++,
                        json(x.sources()), x.startDate());
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO nomination (id, ceremony_id, sort_order, category, "
                + "nominee, song_id, result, won_by, note, sources) VALUES (?,?,?,?,?,?,?,?,?,?)");
             PreparedStatement person = c.prepareStatement(
                     "INSERT INTO nomination_person (nomination_id, person_id) VALUES (?, ?)")) {
            int order = 0;
            for (Nomination n : facts.nominations()) {
                bind(ps, n.id(), n.ceremony(), order++, n.category(), n.nominee(), n.songId(), n.result(), n.wonBy(),
                        n.note(), json(n.sources()));
                for (String personId : n.personIds()) {
                    bind(person, n.id(), personId);
                }
            }
            ps.executeBatch();
            person.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO event (id, date, month_day, kind, title, text, sources, end_date, date_is, milestone) "
                        + "VALUES (?,?,?,?,?,?,?,?,?,?)")) {
            for (Event e : facts.events()) {
                bind(ps, e.id(), e.date(), e.monthDay(), e.kind(), e.title(), e.text(), json(e.sources()), e.endDate(),
                        e.dateIs(), e.milestone() ? 1 : 0);
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO fact (id, sort_order, category, text, sources) VALUES (?,?,?,?,?)")) {
            int order = 0;
            for (Fact f : facts.facts()) {
                bind(ps, f.id(), order++, f.category(), f.text(), json(f.sources()));
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO written_question (id, sort_order, category, "
                + "difficulty, question, choices, answer, explanation, sources) VALUES (?,?,?,?,?,?,?,?,?)")) {
            int order = 0;
            for (WrittenQuestion q : facts.questions()) {
                bind(ps, q.id(), order++, q.category(), q.difficulty(), q.question(), json(q.choices()), q.answer(),
                        q.explanation(), json(q.sources()));
            }
            ps.executeBatch();
        }
    }

    private static void bind(PreparedStatement ps, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            ps.setObject(i + 1, values[i]);
        }
        ps.addBatch();
    }

    static String json(List<String> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

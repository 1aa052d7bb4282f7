package dev.lalaland.bot.facts;

import static dev.lalaland.bot.facts.JsonColumns.strings;

import dev.lalaland.bot.db.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Read-only queries over the fact tables, in display order. Plain Java, no Discord types. */
public final class FactStore {
    private static final String PERSON_COLUMNS =
            "p.id, p.name, p.kind, p.sort_order, p.character, p.aliases, p.role, p.summary, p.born, p.birthplace, p.sources";
    private static final String SONG_COLUMNS =
            "s.id, s.track, s.title, s.performers, s.kind, s.music, s.lyrics, s.length, s.scene, s.sources";
    private static final String EVENT_COLUMNS = "id, date, title, text, kind, sources, end_date, date_is, milestone";
    private static final String NOMINATION_COLUMNS =
            "n.id, n.ceremony_id, n.category, n.nominee, n.song_id, n.result, n.won_by, n.note, n.sources";

    private final Database database;

    public FactStore(Database database) {
        this.database = database;
    }

    /**
     * Which version of the fact files the tables hold: their checksum ({@link FactFiles#checksum}),
     * set by each import; {@code "none"} before the first. Stored with whatever must be traced back
     * to the data it was about (a player's report of a question).
     */
    public String version() {
        return database.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT checksum FROM fact_import WHERE id = 1");
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : "none";
            }
        });
    }

    /** Cast in billing order, then crew in credit order. */
    public List<Person> people() {
        return database.read(c -> list(c, "SELECT " + PERSON_COLUMNS
                + " FROM person p ORDER BY p.kind = 'crew', p.sort_order", FactStore::person));
    }

    public List<Person> people(String kind) {
        return database.read(c -> list(c, "SELECT " + PERSON_COLUMNS
                + " FROM person p WHERE p.kind = ? ORDER BY p.sort_order", FactStore::person, kind));
    }

    public Optional<Person> person(String id) {
        return database.read(c -> list(c, "SELECT " + PERSON_COLUMNS + " FROM person p WHERE p.id = ?",
                FactStore::person, id)).stream().findFirst();
    }

    /** Tracks in album order. */
    public List<Song> songs() {
        return database.read(c -> {
            List<Song> songs = list(c, "SELECT " + SONG_COLUMNS + " FROM song s ORDER BY s.track", r -> song(r, List.of()));
            List<Song> withPerformers = new ArrayList<>();
            for (Song s : songs) {
                withPerformers.add(withPerformers(c, s));
            }
            return withPerformers;
        });
    }

    public Optional<Song> song(String id) {
        return database.read(c -> {
            List<Song> found = list(c, "SELECT " + SONG_COLUMNS + " FROM song s WHERE s.id = ?", r -> song(r, List.of()), id);
            return found.isEmpty() ? Optional.<Song>empty() : Optional.of(withPerformers(c, found.get(0)));
        });
    }

    public Optional<Album> album() {
        return database.read(c -> list(c, "SELECT title, release_date, label, length, producers, charts, sources "
                + "FROM album WHERE id = 1", r -> new Album(r.getString(1), r.getString(2), r.getString(3),
                r.getString(4), r.getString(5), strings(r.getString(6)), strings(r.getString(7))))).stream().findFirst();
    }

    /** Ceremonies in chronological file order; {@code group} null for all. */
    public List<Ceremony> ceremonies(String group) {
        String sql = "SELECT id, grp, body, name, date, venue, host, note, sources, start_date FROM ceremony"
                + (group == null ? "" : " WHERE grp = ?") + " ORDER BY sort_order";
        return database.read(c -> group == null ? list(c, sql, FactStore::ceremony) : list(c, sql, FactStore::ceremony, group));
    }

    public Map<String, Ceremony> ceremoniesById() {
        Map<String, Ceremony> byId = new LinkedHashMap<>();
        ceremonies(null).forEach(c -> byId.put(c.id(), c));
        return byId;
    }

    public List<Nomination> nominations(String ceremonyId) {
        return database.read(c -> withPeople(c, list(c, "SELECT " + NOMINATION_COLUMNS
                + " FROM nomination n WHERE n.ceremony_id = ? ORDER BY n.sort_order", FactStore::nomination, ceremonyId)));
    }

    public List<Nomination> allNominations() {
        return database.read(c -> withPeople(c, list(c, "SELECT " + NOMINATION_COLUMNS
                + " FROM nomination n JOIN ceremony x ON x.id = n.ceremony_id ORDER BY x.sort_order, n.sort_order",
                FactStore::nomination)));
    }

    public List<Nomination> nominationsForPerson(String personId) {
        return database.read(c -> withPeople(c, list(c, "SELECT " + NOMINATION_COLUMNS
                + " FROM nomination n JOIN nomination_person np ON np.nomination_id = n.id"
                + " JOIN ceremony x ON x.id = n.ceremony_id WHERE np.person_id = ? ORDER BY x.sort_order, n.sort_order",
                FactStore::nomination, personId)));
    }

    public List<Nomination> nominationsForSong(String songId) {
        return database.read(c -> withPeople(c, list(c, "SELECT " + NOMINATION_COLUMNS
                + " FROM nomination n JOIN ceremony x ON x.id = n.ceremony_id WHERE n.song_id = ?"
                + " ORDER BY x.sort_order, n.sort_order", FactStore::nomination, songId)));
    }

    /** Events on a month-day ({@code MM-DD}), oldest first. */
    public List<Event> events(String monthDay) {
        return database.read(c -> list(c, "SELECT " + EVENT_COLUMNS + " FROM event WHERE month_day = ?"
                + " ORDER BY date", FactStore::event, monthDay));
    }

    public List<Event> allEvents() {
        return database.read(c -> list(c, "SELECT " + EVENT_COLUMNS + " FROM event ORDER BY month_day, date",
                FactStore::event));
    }

    public List<Fact> facts() {
        return database.read(c -> list(c, "SELECT id, category, text, sources FROM fact ORDER BY sort_order",
                r -> new Fact(r.getString(1), r.getString(2), r.getString(3), strings(r.getString(4)))));
    }

    public Optional<Fact> fact(String id) {
        return database.read(c -> list(c, "SELECT id, category, text, sources FROM fact WHERE id = ?",
                r -> new Fact(r.getString(1), r.getString(2), r.getString(3), strings(r.getString(4))), id))
                .stream().findFirst();
    }

    public List<WrittenQuestion> writtenQuestions() {
        return database.read(c -> list(c, "SELECT id, category, difficulty, question, choices, answer, explanation, "
                + "sources FROM written_question ORDER BY sort_order", r -> new WrittenQuestion(r.getString(1),
                r.getString(2), r.getString(3), r.getString(4), strings(r.getString(5)), r.getInt(6), r.getString(7),
                strings(r.getString(8)))));
    }

    @FunctionalInterface
    private interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private static <T> List<T> list(Connection c, String sql, Row<T> row, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(row.map(rs));
                }
                return out;
            }
        }
    }

    private static Person person(ResultSet r) throws SQLException {
        return new Person(r.getString(1), r.getString(2), r.getString(3), r.getInt(4), r.getString(5),
                strings(r.getString(6)), r.getString(7), r.getString(8), r.getString(9), r.getString(10),
                strings(r.getString(11)));
    }

    private static Song song(ResultSet r, List<String> performerIds) throws SQLException {
        return new Song(r.getString(1), r.getInt(2), r.getString(3), r.getString(4), performerIds, r.getString(5),
                r.getString(6), r.getString(7), r.getString(8), r.getString(9), strings(r.getString(10)));
    }

    private static Song withPerformers(Connection c, Song s) throws SQLException {
        List<String> ids = list(c, "SELECT person_id FROM song_performer WHERE song_id = ? ORDER BY rowid",
                r -> r.getString(1), s.id());
        return new Song(s.id(), s.track(), s.title(), s.performers(), ids, s.kind(), s.music(), s.lyrics(), s.length(),
                s.scene(), s.sources());
    }

    private static Ceremony ceremony(ResultSet r) throws SQLException {
        return new Ceremony(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(10),
                r.getString(5), r.getString(6), r.getString(7), r.getString(8), strings(r.getString(9)));
    }

    private static Nomination nomination(ResultSet r) throws SQLException {
        return new Nomination(r.getString(1), r.getString(2), r.getString(3), r.getString(4), List.of(), r.getString(5),
                r.getString(6), r.getString(7), r.getString(8), strings(r.getString(9)));
    }

    private static List<Nomination> withPeople(Connection c, List<Nomination> nominations) throws SQLException {
        List<Nomination> out = new ArrayList<>(nominations.size());
        for (Nomination n : nominations) {
            List<String> people = list(c, "SELECT person_id FROM nomination_person WHERE nomination_id = ? ORDER BY rowid",
                    r -> r.getString(1), n.id());
            out.add(new Nomination(n.id(), n.ceremony(), n.category(), n.nominee(), people, n.songId(), n.result(),
                    n.wonBy(), n.note(), n.sources()));
        }
        return out;
    }

    private static Event event(ResultSet r) throws SQLException {
        return new Event(r.getString(1), r.getString(2), r.getString(7), r.getString(8), r.getInt(9) == 1,
                r.getString(3), r.getString(4), r.getString(5), strings(r.getString(6)));
    }
}

package dev.lalaland.bot.facts;

import static dev.lalaland.bot.facts.JsonColumns.strings;

import dev.lalaland.bot.db.Database;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

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
        return database.read(h -> h.select("SELECT checksum FROM fact_import WHERE id = 1").mapTo(String.class)
                .findFirst().orElse("none"));
    }

    /** Cast in billing order, then crew in credit order. */
    public List<Person> people() {
        return database.read(h -> list(h, "SELECT " + PERSON_COLUMNS
                + " FROM person p ORDER BY p.kind = 'crew', p.sort_order", PERSON));
    }

    public List<Person> people(String kind) {
        return database.read(h -> list(h, "SELECT " + PERSON_COLUMNS
                + " FROM person p WHERE p.kind = ? ORDER BY p.sort_order", PERSON, kind));
    }

    public Optional<Person> person(String id) {
        return database.read(h -> list(h, "SELECT " + PERSON_COLUMNS + " FROM person p WHERE p.id = ?",
                PERSON, id)).stream().findFirst();
    }

    /** Tracks in album order. */
    public List<Song> songs() {
        return database.read(h -> {
            List<Song> songs = list(h, "SELECT " + SONG_COLUMNS + " FROM song s ORDER BY s.track", SONG);
            List<Song> withPerformers = new ArrayList<>();
            for (Song s : songs) {
                withPerformers.add(withPerformers(h, s));
            }
            return withPerformers;
        });
    }

    public Optional<Song> song(String id) {
        return database.read(h -> {
            List<Song> found = list(h, "SELECT " + SONG_COLUMNS + " FROM song s WHERE s.id = ?", SONG, id);
            return found.isEmpty() ? Optional.<Song>empty() : Optional.of(withPerformers(h, found.get(0)));
        });
    }

    public Optional<Album> album() {
        return database.read(h -> list(h, "SELECT title, release_date, label, length, producers, charts, sources "
                + "FROM album WHERE id = 1", (r, ctx) -> new Album(r.getString("title"), r.getString("release_date"),
                r.getString("label"), r.getString("length"), r.getString("producers"), strings(r.getString("charts")),
                strings(r.getString("sources"))))).stream().findFirst();
    }

    /** Ceremonies in chronological file order; {@code group} null for all. */
    public List<Ceremony> ceremonies(String group) {
        String sql = "SELECT id, grp, body, name, date, venue, host, note, sources, start_date FROM ceremony"
                + (group == null ? "" : " WHERE grp = ?") + " ORDER BY sort_order";
        return database.read(h -> group == null ? list(h, sql, CEREMONY) : list(h, sql, CEREMONY, group));
    }

    public Map<String, Ceremony> ceremoniesById() {
        Map<String, Ceremony> byId = new LinkedHashMap<>();
        ceremonies(null).forEach(c -> byId.put(c.id(), c));
        return byId;
    }

    public List<Nomination> nominations(String ceremonyId) {
        return database.read(h -> withPeople(h, list(h, "SELECT " + NOMINATION_COLUMNS
                + " FROM nomination n WHERE n.ceremony_id = ? ORDER BY n.sort_order", NOMINATION, ceremonyId)));
    }

    public List<Nomination> allNominations() {
        return database.read(h -> withPeople(h, list(h, "SELECT " + NOMINATION_COLUMNS
                + " FROM nomination n JOIN ceremony x ON x.id = n.ceremony_id ORDER BY x.sort_order, n.sort_order",
                NOMINATION)));
    }

    public List<Nomination> nominationsForPerson(String personId) {
        return database.read(h -> withPeople(h, list(h, "SELECT " + NOMINATION_COLUMNS
                + " FROM nomination n JOIN nomination_person np ON np.nomination_id = n.id"
                + " JOIN ceremony x ON x.id = n.ceremony_id WHERE np.person_id = ? ORDER BY x.sort_order, n.sort_order",
                NOMINATION, personId)));
    }

    public List<Nomination> nominationsForSong(String songId) {
        return database.read(h -> withPeople(h, list(h, "SELECT " + NOMINATION_COLUMNS
                + " FROM nomination n JOIN ceremony x ON x.id = n.ceremony_id WHERE n.song_id = ?"
                + " ORDER BY x.sort_order, n.sort_order", NOMINATION, songId)));
    }

    /** Events on a month-day ({@code MM-DD}), oldest first. */
    public List<Event> events(String monthDay) {
        return database.read(h -> list(h, "SELECT " + EVENT_COLUMNS + " FROM event WHERE month_day = ?"
                + " ORDER BY date", EVENT, monthDay));
    }

    public List<Event> allEvents() {
        return database.read(h -> list(h, "SELECT " + EVENT_COLUMNS + " FROM event ORDER BY month_day, date", EVENT));
    }

    public List<Fact> facts() {
        return database.read(h -> list(h, "SELECT id, category, text, sources FROM fact ORDER BY sort_order",
                FACT));
    }

    public Optional<Fact> fact(String id) {
        return database.read(h -> list(h, "SELECT id, category, text, sources FROM fact WHERE id = ?",
                FACT, id))
                .stream().findFirst();
    }

    public List<WrittenQuestion> writtenQuestions() {
        return database.read(h -> list(h, "SELECT id, category, difficulty, question, choices, answer, explanation, "
                + "sources FROM written_question ORDER BY sort_order", (r, ctx) -> new WrittenQuestion(r.getString("id"),
                r.getString("category"), r.getString("difficulty"), r.getString("question"),
                strings(r.getString("choices")), r.getInt("answer"), r.getString("explanation"),
                strings(r.getString("sources")))));
    }

    private static <T> List<T> list(Handle h, String sql, RowMapper<T> mapper, Object... params) {
        return h.select(sql, params).map(mapper).list();
    }

    private static final RowMapper<Person> PERSON = (r, ctx) -> new Person(r.getString("id"), r.getString("name"),
            r.getString("kind"), r.getInt("sort_order"), r.getString("character"), strings(r.getString("aliases")),
            r.getString("role"), r.getString("summary"), r.getString("born"), r.getString("birthplace"),
            strings(r.getString("sources")));

    /** Without its performers: {@link #withPerformers} adds them. */
    private static final RowMapper<Song> SONG = (r, ctx) -> new Song(r.getString("id"), r.getInt("track"),
            r.getString("title"), r.getString("performers"), List.of(), r.getString("kind"), r.getString("music"),
            r.getString("lyrics"), r.getString("length"), r.getString("scene"), strings(r.getString("sources")));

    private static final RowMapper<Ceremony> CEREMONY = (r, ctx) -> new Ceremony(r.getString("id"),
            r.getString("grp"), r.getString("body"), r.getString("name"), r.getString("start_date"), r.getString("date"),
            r.getString("venue"),
            r.getString("host"), r.getString("note"), strings(r.getString("sources")));

    /** Without its people: {@link #withPeople} adds them. */
    private static final RowMapper<Nomination> NOMINATION = (r, ctx) -> new Nomination(r.getString("id"),
            r.getString("ceremony_id"), r.getString("category"), r.getString("nominee"), List.of(),
            r.getString("song_id"), r.getString("result"), r.getString("won_by"), r.getString("note"),
            strings(r.getString("sources")));

    private static final RowMapper<Event> EVENT = (r, ctx) -> new Event(r.getString("id"), r.getString("date"),
            r.getString("end_date"), r.getString("date_is"), r.getInt("milestone") == 1, r.getString("title"),
            r.getString("text"), r.getString("kind"), strings(r.getString("sources")));

    private static final RowMapper<Fact> FACT = (r, ctx) -> new Fact(r.getString("id"), r.getString("category"),
            r.getString("text"), strings(r.getString("sources")));

    private Song withPerformers(Handle h, Song s) {
        List<String> ids = h.select("SELECT person_id FROM song_performer WHERE song_id = ? ORDER BY "
                + database.dialect().insertionOrder(), s.id()).mapTo(String.class).list();
        return new Song(s.id(), s.track(), s.title(), s.performers(), ids, s.kind(), s.music(), s.lyrics(), s.length(),
                s.scene(), s.sources());
    }

    private List<Nomination> withPeople(Handle h, List<Nomination> nominations) {
        List<Nomination> out = new ArrayList<>(nominations.size());
        for (Nomination n : nominations) {
            List<String> people = h.select("SELECT person_id FROM nomination_person WHERE nomination_id = ? ORDER BY "
                    + database.dialect().insertionOrder(), n.id()).mapTo(String.class).list();
            out.add(new Nomination(n.id(), n.ceremony(), n.category(), n.nominee(), people, n.songId(), n.result(),
                    n.wonBy(), n.note(), n.sources()));
        }
        return out;
    }
}

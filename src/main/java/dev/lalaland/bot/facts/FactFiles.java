package dev.lalaland.bot.facts;

import static dev.lalaland.bot.facts.FieldRule.Type.DATE;
import static dev.lalaland.bot.facts.FieldRule.Type.ID;
import static dev.lalaland.bot.facts.FieldRule.Type.INTEGER;
import static dev.lalaland.bot.facts.FieldRule.Type.PARTIAL_DATE;
import static dev.lalaland.bot.facts.FieldRule.Type.SOURCES;
import static dev.lalaland.bot.facts.FieldRule.Type.TEXT;
import static dev.lalaland.bot.facts.FieldRule.Type.TEXT_LIST;
import static dev.lalaland.bot.facts.FieldRule.oneOf;
import static dev.lalaland.bot.facts.FieldRule.optional;
import static dev.lalaland.bot.facts.FieldRule.required;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Reads and validates the fact files ({@code data/*.json}), from a folder or from the copy
 * bundled in the jar. Every problem is collected with its file and JSON path, so one run of
 * {@code check-data} shows all of them.
 */
public final class FactFiles {
    public static final String PEOPLE = "people.json";
    public static final String SONGS = "songs.json";
    public static final String AWARDS = "awards.json";
    public static final String EVENTS = "events.json";
    public static final String FACTS = "facts.json";
    public static final String QUESTIONS = "questions.json";
    public static final List<String> ALL = List.of(PEOPLE, SONGS, AWARDS, EVENTS, FACTS, QUESTIONS);

    public static final List<String> AWARD_GROUPS =
            List.of("oscars", "golden-globes", "bafta", "critics-choice", "sag", "guilds", "grammys", "festivals", "other");
    public static final List<String> CATEGORIES = List.of("cast", "songs", "awards", "production", "release");
    public static final List<String> DIFFICULTIES = List.of("easy", "medium", "hard");

    private static final Pattern ID_PATTERN = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final int MAX_TEXT = 1000;

    private static final List<FieldRule> PERSON = List.of(
            required("id", ID), required("name", TEXT), oneOf("kind", "cast", "crew"), required("order", INTEGER),
            optional("character", TEXT), optional("aliases", TEXT_LIST), required("role", TEXT),
            optional("summary", TEXT), optional("born", DATE), optional("birthplace", TEXT), required("sources", SOURCES));
    private static final List<FieldRule> SONG = List.of(
            required("id", ID), required("track", INTEGER), required("title", TEXT), required("performers", TEXT),
            optional("performerIds", TEXT_LIST), oneOf("kind", "song", "score"), optional("music", TEXT),
            optional("lyrics", TEXT), optional("length", TEXT), optional("scene", TEXT), required("sources", SOURCES));
    private static final List<FieldRule> ALBUM = List.of(
            required("title", TEXT), required("releaseDate", DATE), required("label", TEXT), optional("length", TEXT),
            optional("producers", TEXT), optional("charts", TEXT_LIST), required("sources", SOURCES));
    private static final List<FieldRule> CEREMONY = List.of(
            required("id", ID), oneOf("group", AWARD_GROUPS.toArray(String[]::new)), required("body", TEXT),
            required("name", TEXT), optional("date", PARTIAL_DATE), optional("venue", TEXT), optional("host", TEXT),
            optional("note", TEXT), required("sources", SOURCES));
    private static final List<FieldRule> NOMINATION = List.of(
            required("id", ID), required("ceremony", ID), required("category", TEXT), required("nominee", TEXT),
            optional("personIds", TEXT_LIST), optional("songId", ID), oneOf("result", "won", "nominated", "honored"),
            optional("wonBy", TEXT), optional("note", TEXT), required("sources", SOURCES));
    private static final List<FieldRule> EVENT = List.of(
            required("id", ID), required("date", DATE), required("title", TEXT), optional("text", TEXT),
            oneOf("kind", "festival", "release", "awards", "chart", "birthday", "media", "production", "other"),
            optional("note", TEXT), required("sources", SOURCES));
    private static final List<FieldRule> FACT = List.of(
            required("id", ID), oneOf("category", CATEGORIES.toArray(String[]::new)), required("text", TEXT),
            required("sources", SOURCES));
    private static final List<FieldRule> QUESTION = List.of(
            required("id", ID), oneOf("category", CATEGORIES.toArray(String[]::new)),
            oneOf("difficulty", DIFFICULTIES.toArray(String[]::new)), required("question", TEXT),
            required("choices", TEXT_LIST), required("answer", INTEGER), required("explanation", TEXT),
            required("sources", SOURCES));

    private final ObjectMapper mapper = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private final List<DataProblem> problems = new ArrayList<>();
    /**
     * Every id declared in each array ("people", "songs", "ceremonies"), its record valid or not;
     * absent when the array could not be read. A reference is checked against these, so that one
     * mistake in a record (or a broken file) is reported once, at its cause, and not again at
     * every reference to it.
     */
    private final Map<String, Set<String>> declaredIds = new LinkedHashMap<>();
    private final MessageDigest digest;

    private FactFiles() {
        digest = sha256();
    }

    /** Loads from {@code dir}, or from the bundled copy when {@code dir} is null. */
    public static FactSet load(Path dir) {
        return new FactFiles().read(name -> open(dir, name));
    }

    /**
     * The checksum {@link #load} would give the same files, computed without parsing or
     * validating them (most of its cost), so that a start can tell whether the files changed
     * since they were imported. Null when a file is missing or unreadable: {@link #load} says which.
     */
    public static String checksum(Path dir) {
        MessageDigest digest = sha256();
        for (String name : ALL) {
            try {
                byte[] bytes = open(dir, name);
                if (bytes == null) {
                    return null;
                }
                digest(digest, name, bytes);
            } catch (IOException e) {
                return null;
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void digest(MessageDigest digest, String name, byte[] bytes) {
        digest.update(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        digest.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] open(Path dir, String name) throws IOException {
        if (dir != null) {
            Path file = dir.resolve(name);
            return Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
        }
        try (InputStream in = FactFiles.class.getResourceAsStream("/data/" + name)) {
            return in == null ? null : in.readAllBytes();
        }
    }

    @FunctionalInterface
    private interface Source {
        byte[] bytes(String name) throws IOException;
    }

    private FactSet read(Source source) {
        Map<String, JsonNode> roots = new LinkedHashMap<>();
        for (String name : ALL) {
            try {
                byte[] bytes = source.bytes(name);
                if (bytes == null) {
                    problems.add(new DataProblem(name, "$", "file is missing"));
                    continue;
                }
                digest(digest, name, bytes);
                JsonNode root = mapper.readTree(bytes);
                if (root == null || !root.isObject()) {
                    problems.add(new DataProblem(name, "$", "must be a JSON object"));
                } else {
                    roots.put(name, root);
                }
            } catch (JsonProcessingException e) {
                // Jackson names the source as "REDACTED" inside its message: the file and line say where.
                String what = e.getOriginalMessage().replaceAll("\\[Source: [^;]*; ", "[");
                problems.add(new DataProblem(name, "$", "not valid JSON: " + what
                        + " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr()));
            } catch (IOException e) {
                problems.add(new DataProblem(name, "$", "cannot be read: "
                        + (e instanceof AccessDeniedException ? "permission denied" : e.getMessage())));
            }
        }
        JsonNode empty = mapper.createObjectNode();
        List<Person> people = records(PEOPLE, roots.getOrDefault(PEOPLE, empty), "people", PERSON, Person.class);
        List<Song> songs = records(SONGS, roots.getOrDefault(SONGS, empty), "songs", SONG, Song.class);
        Album album = album(roots.getOrDefault(SONGS, empty));
        List<Ceremony> ceremonies = records(AWARDS, roots.getOrDefault(AWARDS, empty), "ceremonies", CEREMONY, Ceremony.class);
        List<Nomination> nominations = records(AWARDS, roots.getOrDefault(AWARDS, empty), "nominations", NOMINATION, Nomination.class);
        List<Event> events = records(EVENTS, roots.getOrDefault(EVENTS, empty), "events", EVENT, Event.class);
        List<Fact> facts = records(FACTS, roots.getOrDefault(FACTS, empty), "facts", FACT, Fact.class);
        List<WrittenQuestion> questions = records(QUESTIONS, roots.getOrDefault(QUESTIONS, empty), "questions", QUESTION, WrittenQuestion.class);

        checkReferences(songs, nominations);
        checkQuestions(questions);
        unique(SONGS, "songs", songs, s -> String.valueOf(s.track()), "track");
        unique(PEOPLE, "people", people, p -> p.kind() + "#" + p.order(), "order");
        if (!problems.isEmpty()) {
            throw new DataValidationException(problems);
        }
        return new FactSet(people, songs, album, ceremonies, nominations, events, facts, questions,
                HexFormat.of().formatHex(digest.digest()));
    }

    private Album album(JsonNode songsRoot) {
        JsonNode node = songsRoot.get("album");
        if (node == null || !node.isObject()) {
            if (!songsRoot.isEmpty()) {
                problems.add(new DataProblem(SONGS, "$.album", "missing album object"));
            }
            return null;
        }
        return checkRecord(SONGS, "$.album", node, ALBUM) ? convert(node, Album.class) : null;
    }

    private <T> List<T> records(String file, JsonNode root, String arrayName, List<FieldRule> rules, Class<T> type) {
        JsonNode array = root.get(arrayName);
        List<T> result = new ArrayList<>();
        if (root.isEmpty()) {
            return result;
        }
        if (array == null || !array.isArray()) {
            problems.add(new DataProblem(file, "$." + arrayName, "missing array"));
            return result;
        }
        Set<String> ids = new HashSet<>();
        declaredIds.put(arrayName, ids);
        for (int i = 0; i < array.size(); i++) {
            String path = "$." + arrayName + "[" + i + "]";
            JsonNode node = array.get(i);
            if (!node.isObject()) {
                problems.add(new DataProblem(file, path, "must be an object"));
                continue;
            }
            boolean ok = checkRecord(file, path, node, rules);
            JsonNode id = node.get("id");
            if (id != null && id.isTextual() && !ids.add(id.asText())) {
                problems.add(new DataProblem(file, path + ".id", "duplicate id '" + id.asText() + "'"));
                ok = false;
            }
            if (ok) {
                result.add(convert(node, type));
            }
        }
        return result;
    }

    private boolean checkRecord(String file, String path, JsonNode node, List<FieldRule> rules) {
        int before = problems.size();
        Set<String> known = new HashSet<>();
        for (FieldRule rule : rules) {
            known.add(rule.name());
            JsonNode value = node.get(rule.name());
            String at = path + "." + rule.name();
            if (value == null || value.isNull()) {
                if (rule.required()) {
                    problems.add(new DataProblem(file, at, "missing required field"));
                }
                continue;
            }
            checkValue(file, at, rule, value);
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                problems.add(new DataProblem(file, path + "." + name, "unknown field (known: "
                        + String.join(", ", known) + ")"));
            }
        }
        return problems.size() == before;
    }

    private void checkValue(String file, String at, FieldRule rule, JsonNode value) {
        switch (rule.type()) {
            case ID -> {
                if (!value.isTextual() || !ID_PATTERN.matcher(value.asText()).matches()) {
                    problems.add(new DataProblem(file, at, "must be a lower-case-kebab id, got " + value));
                }
            }
            case TEXT -> {
                if (!value.isTextual() || value.asText().isBlank()) {
                    problems.add(new DataProblem(file, at, "must be non-empty text"));
                } else if (value.asText().length() > MAX_TEXT) {
                    problems.add(new DataProblem(file, at, "is " + value.asText().length() + " characters (max " + MAX_TEXT + ")"));
                } else if (value.asText().toUpperCase(Locale.ROOT).contains("UNVERIFIED")) {
                    problems.add(new DataProblem(file, at, "states something UNVERIFIED; leave it out instead"));
                }
            }
            case INTEGER -> {
                if (!value.isIntegralNumber()) {
                    problems.add(new DataProblem(file, at, "must be a whole number"));
                } else if (!value.canConvertToInt()) {
                    problems.add(new DataProblem(file, at, "is " + value + ", out of range"));
                }
            }
            case DATE -> {
                if (!value.isTextual() || !isDate(value.asText())) {
                    problems.add(new DataProblem(file, at, "must be a date YYYY-MM-DD, got " + value));
                }
            }
            case PARTIAL_DATE -> {
                if (!value.isTextual() || !(isDate(value.asText()) || isYearMonth(value.asText()))) {
                    problems.add(new DataProblem(file, at, "must be a date YYYY-MM-DD or YYYY-MM, got " + value));
                }
            }
            case TEXT_LIST, SOURCES -> {
                if (!value.isArray()) {
                    problems.add(new DataProblem(file, at, "must be an array of text"));
                    return;
                }
                if (rule.type() == FieldRule.Type.SOURCES && value.isEmpty()) {
                    problems.add(new DataProblem(file, at, "needs at least one source"));
                }
                for (int i = 0; i < value.size(); i++) {
                    if (!value.get(i).isTextual() || value.get(i).asText().isBlank()) {
                        problems.add(new DataProblem(file, at + "[" + i + "]", "must be non-empty text"));
                    }
                }
            }
            case ENUM -> {
                if (!value.isTextual() || !rule.allowed().contains(value.asText())) {
                    problems.add(new DataProblem(file, at, "must be one of " + new TreeSet<>(rule.allowed())
                            + ", got " + value));
                }
            }
        }
    }

    private void checkReferences(List<Song> songs, List<Nomination> nominations) {
        Predicate<String> personIds = referable("people");
        Predicate<String> songIds = referable("songs");
        Predicate<String> ceremonyIds = referable("ceremonies");
        for (int i = 0; i < songs.size(); i++) {
            for (String ref : songs.get(i).performerIds()) {
                if (!personIds.test(ref)) {
                    problems.add(new DataProblem(SONGS, "$.songs[" + i + "].performerIds", "no person with id '" + ref + "'"));
                }
            }
        }
        for (int i = 0; i < nominations.size(); i++) {
            Nomination n = nominations.get(i);
            String path = "$.nominations[" + i + "]";
            if (!ceremonyIds.test(n.ceremony())) {
                problems.add(new DataProblem(AWARDS, path + ".ceremony", "no ceremony with id '" + n.ceremony() + "'"));
            }
            if (n.songId() != null && !songIds.test(n.songId())) {
                problems.add(new DataProblem(AWARDS, path + ".songId", "no song with id '" + n.songId() + "'"));
            }
            for (String ref : n.personIds()) {
                if (!personIds.test(ref)) {
                    problems.add(new DataProblem(AWARDS, path + ".personIds", "no person with id '" + ref + "'"));
                }
            }
        }
    }

    private void checkQuestions(List<WrittenQuestion> questions) {
        Set<String> texts = new HashSet<>();
        for (int i = 0; i < questions.size(); i++) {
            WrittenQuestion q = questions.get(i);
            String path = "$.questions[" + i + "]";
            if (q.choices().size() != 4 || new HashSet<>(q.choices()).size() != 4) {
                problems.add(new DataProblem(QUESTIONS, path + ".choices", "needs exactly 4 different choices"));
            }
            if (q.answer() < 0 || q.answer() >= q.choices().size()) {
                problems.add(new DataProblem(QUESTIONS, path + ".answer", "must index one of the choices (0 to 3)"));
            }
            if (!texts.add(q.question().strip().toLowerCase(Locale.ROOT))) {
                problems.add(new DataProblem(QUESTIONS, path + ".question", "the same question appears twice"));
            }
        }
    }

    private <T> void unique(String file, String array, List<T> items, Function<T, String> key, String field) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            if (!seen.add(key.apply(items.get(i)))) {
                problems.add(new DataProblem(file, "$." + array + "[" + i + "]." + field, "duplicate " + field));
            }
        }
    }

    /**
     * The ids a reference may name: those declared in {@code arrayName}, or, when that array could
     * not be read (its file is missing or broken, already reported), any id at all.
     */
    private Predicate<String> referable(String arrayName) {
        Set<String> ids = declaredIds.get(arrayName);
        return ids != null ? ids::contains : id -> true;
    }

    private <T> T convert(JsonNode node, Class<T> type) {
        try {
            return mapper.treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isDate(String text) {
        try {
            LocalDate.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static boolean isYearMonth(String text) {
        try {
            YearMonth.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}

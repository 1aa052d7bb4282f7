package dev.lalaland.bot.facts;

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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Reads and validates the fact files ({@code data/*.json}), from a folder or from the copy
 * bundled in the jar. Each file is checked against its JSON Schema ({@link FactSchemas}); what a
 * schema cannot say is checked here: ids used twice in a file, the same track, billing order or
 * question twice, and references from one file to another. Every problem is collected with its
 * file and JSON path, so one run of {@code check-data} shows all of them.
 */
public final class FactFiles {
    public static final String PEOPLE = "people.json";
    public static final String SONGS = "songs.json";
    public static final String AWARDS = "awards.json";
    public static final String EVENTS = "events.json";
    public static final String FACTS = "facts.json";
    public static final String QUESTIONS = "questions.json";
    public static final List<String> ALL = List.of(PEOPLE, SONGS, AWARDS, EVENTS, FACTS, QUESTIONS);

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
    private final FactSchemas schemas = new FactSchemas();
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
                    problems.addAll(schemas.check(name, root));
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
        List<Person> people = records(PEOPLE, roots.getOrDefault(PEOPLE, empty), "people", Person.class);
        List<Song> songs = records(SONGS, roots.getOrDefault(SONGS, empty), "songs", Song.class);
        Album album = album(roots.getOrDefault(SONGS, empty));
        List<Ceremony> ceremonies = records(AWARDS, roots.getOrDefault(AWARDS, empty), "ceremonies", Ceremony.class);
        List<Nomination> nominations = records(AWARDS, roots.getOrDefault(AWARDS, empty), "nominations", Nomination.class);
        List<Event> events = records(EVENTS, roots.getOrDefault(EVENTS, empty), "events", Event.class);
        List<Fact> facts = records(FACTS, roots.getOrDefault(FACTS, empty), "facts", Fact.class);
        List<WrittenQuestion> questions = records(QUESTIONS, roots.getOrDefault(QUESTIONS, empty), "questions", WrittenQuestion.class);

        checkReferences(songs, nominations);
        checkQuestions(questions);
        unique(SONGS, "songs", songs, s -> String.valueOf(s.track()), "track");
        unique(PEOPLE, "people", people, p -> p.kind() + "#" + p.order(), "order");
        if (!problems.isEmpty()) {
            // Two rules of a schema can say the same of one field: the admin reads it once.
            throw new DataValidationException(problems.stream().distinct().toList());
        }
        return new FactSet(people, songs, album, ceremonies, nominations, events, facts, questions,
                HexFormat.of().formatHex(digest.digest()));
    }

    /** The album, when its file kept its schema (the schema reports what is wrong with it otherwise). */
    private Album album(JsonNode songsRoot) {
        JsonNode node = songsRoot.get("album");
        if (node == null || !node.isObject() || brokenAt(SONGS, "$.album")) {
            return null;
        }
        return convert(node, Album.class);
    }

    /**
     * The records of one array that kept their schema. Ids must be unique within the array, which
     * a schema cannot say.
     */
    private <T> List<T> records(String file, JsonNode root, String arrayName, Class<T> type) {
        JsonNode array = root.get(arrayName);
        List<T> result = new ArrayList<>();
        if (array == null || !array.isArray()) {
            return result; // the schema said so, or the file is missing or broken
        }
        Set<String> ids = new HashSet<>();
        declaredIds.put(arrayName, ids);
        for (int i = 0; i < array.size(); i++) {
            String path = "$." + arrayName + "[" + i + "]";
            JsonNode node = array.get(i);
            boolean ok = node.isObject() && !brokenAt(file, path);
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

    /** Whether a problem was found at {@code path} or inside it: then the record is not read. */
    private boolean brokenAt(String file, String path) {
        for (DataProblem p : problems) {
            if (p.file().equals(file) && (p.path().equals(path) || p.path().startsWith(path + ".")
                    || p.path().startsWith(path + "["))) {
                return true;
            }
        }
        return false;
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
}

package dev.lalaland.bot.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FactFilesTest {
    @TempDir
    Path dir;

    @Test
    void loadsAValidFolder() throws Exception {
        FactSet facts = FactFiles.load(copyOfMinimal());
        assertThat(facts.people()).extracting(Person::name).containsExactly("Ryan Gosling", "Emma Stone", "Justin Hurwitz");
        assertThat(facts.nominations()).hasSize(3);
        assertThat(facts.album().label()).isEqualTo("Interscope Records");
        assertThat(facts.checksum()).hasSize(64);
    }

    @Test
    void theChecksumFollowsTheContent() throws Exception {
        Path data = copyOfMinimal();
        String before = FactFiles.load(data).checksum();
        assertThat(FactFiles.load(data).checksum()).isEqualTo(before);
        edit(data, "facts.json", "about $30 million", "about $30 million (US)");
        assertThat(FactFiles.load(data).checksum()).isNotEqualTo(before);
    }

    @Test
    void theChecksumAloneIsTheOneALoadGives() throws Exception {
        Path data = copyOfMinimal();
        assertThat(FactFiles.checksum(data)).isEqualTo(FactFiles.load(data).checksum());
        assertThat(FactFiles.checksum(null)).isEqualTo(FactFiles.load(null).checksum());
        edit(data, "facts.json", "about $30 million", "about $30 million (US)");
        assertThat(FactFiles.checksum(data)).isEqualTo(FactFiles.load(data).checksum());
        Files.delete(data.resolve("facts.json"));
        assertThat(FactFiles.checksum(data)).as("a missing file: load() names it").isNull();
    }

    @Test
    void everyProblemIsNamedByFileAndPath() throws Exception {
        Path data = copyOfMinimal();
        edit(data, "people.json", "\"born\": \"1988-11-06\"", "\"born\": \"1988-13-06\"");
        edit(data, "people.json", "\"name\": \"Justin Hurwitz\", ", "");
        edit(data, "songs.json", "\"performerIds\": [\"emma-stone\"]", "\"performerIds\": [\"emma-stoned\"]");
        edit(data, "awards.json", "\"id\": \"oscars-89-best-actor\"", "\"id\": \"oscars-89-best-actress\"");
        edit(data, "events.json", "\"kind\": \"release\"", "\"kind\": \"rumour\"");
        edit(data, "facts.json", "\"sources\": [\"https://en.wikipedia.org/wiki/La_La_Land\"]", "\"sources\": []");
        edit(data, "questions.json", "\"answer\": 1", "\"answer\": 4");

        List<String> problems = problems(data);

        assertThat(problems).contains(
                "people.json $.people[1].born: must be a date YYYY-MM-DD, got \"1988-13-06\"",
                "people.json $.people[2].name: missing required field",
                "songs.json $.songs[1].performerIds: no person with id 'emma-stoned'",
                "awards.json $.nominations[1].id: duplicate id 'oscars-89-best-actress'",
                "facts.json $.facts[0].sources: needs at least one source",
                "questions.json $.questions[0].answer: must index one of the choices (0 to 3), got 4");
        assertThat(problems).anyMatch(p -> p.startsWith("events.json $.events[0].kind: must be one of"));
    }

    /** One bad field in a person whom songs and nominations name: said once, not at every reference. */
    @Test
    void aMistakeInAPersonIsReportedOnceNotAtEveryReferenceToThem() throws Exception {
        Path data = copyOfBundled();
        edit(data, "people.json", "\"born\": \"1988-11-06\"", "\"born\": \"6 November 1988\"");

        List<String> problems = problems(data);

        assertThat(problems).containsExactly(
                "people.json $.people[1].born: must be a date YYYY-MM-DD, got \"6 November 1988\"");
    }

    @Test
    void aBrokenFileIsReportedOnceNotAtEveryReferenceIntoIt() throws Exception {
        Path data = copyOfBundled();
        Files.writeString(data.resolve("people.json"), "{\"people\": [");

        List<String> problems = problems(data);

        assertThat(problems).singleElement().asString().startsWith("people.json $: not valid JSON");
    }

    @Test
    void aWholeNumberTooBigForItsFieldIsAProblemNotACrash() throws Exception {
        Path data = copyOfMinimal();
        edit(data, "questions.json", "\"answer\": 1", "\"answer\": 1099511627776");

        assertThat(problems(data))
                .contains("questions.json $.questions[0].answer: must index one of the choices (0 to 3), got 1099511627776");
    }

    @Test
    void brokenJsonAndMissingFilesAreReported() throws Exception {
        Path data = copyOfMinimal();
        Files.writeString(data.resolve("songs.json"), "{\"songs\": [");
        Files.delete(data.resolve("facts.json"));

        List<String> problems = problems(data);

        assertThat(problems).contains("songs.json $: not valid JSON: Unexpected end-of-input: expected close marker "
                        + "for Array (start marker at [line: 1, column: 11]) at line 1, column 12")
                .contains("facts.json $: file is missing");
    }

    @Test
    void unverifiedStatementsAndUnknownFieldsAreRefused() throws Exception {
        Path data = copyOfMinimal();
        edit(data, "facts.json", "It cost about $30 million.", "It cost UNVERIFIED amounts.");
        edit(data, "people.json", "\"role\": \"Composer\"", "\"role\": \"Composer\", \"instrument\": \"piano\"");

        assertThat(problems(data)).contains(
                "facts.json $.facts[0].text: states something UNVERIFIED; leave it out instead")
                .anyMatch(p -> p.startsWith("people.json $.people[2].instrument: unknown field"));
    }

    @Test
    void aSchemaRuleAndACrossFileRuleAreBothReportedInOneRun() throws Exception {
        Path data = copyOfMinimal();
        edit(data, "people.json", "\"id\": \"emma-stone\"", "\"id\": \"Emma Stone\"");
        edit(data, "questions.json", "\"difficulty\": \"medium\"", "\"difficulty\": \"trivial\"");

        assertThat(problems(data))
                .contains("people.json $.people[1].id: must be a lower-case-kebab id, got \"Emma Stone\"",
                        "questions.json $.questions[0].difficulty: must be one of [easy, hard, medium], got \"trivial\"")
                .anyMatch(p -> p.endsWith("no person with id 'emma-stone'"));
    }

    @Test
    void anOptionalFieldMayBeNullButARequiredOneMayNot() throws Exception {
        Path data = copyOfMinimal();
        edit(data, "people.json", "\"role\": \"Composer\"", "\"role\": \"Composer\", \"birthplace\": null");
        FactFiles.load(data);
        edit(data, "people.json", "\"role\": \"Composer\"", "\"role\": null");

        assertThat(problems(data)).contains("people.json $.people[2].role: must be non-empty text, got null");
    }

    @Test
    void theBundledDataIsValid() {
        FactSet facts = FactFiles.load(null);
        assertThat(facts.people()).isNotEmpty();
        assertThat(facts.songs()).hasSize(15);
    }

    static Path minimal() throws URISyntaxException {
        return Path.of(FactFilesTest.class.getResource("/facts-minimal").toURI());
    }

    /** The data files the bot ships with, to break one thing in. */
    private Path copyOfBundled() throws IOException {
        Path copy = Files.createDirectories(dir.resolve("bundled"));
        for (String name : FactFiles.ALL) {
            Files.copy(Path.of("data", name), copy.resolve(name));
        }
        return copy;
    }

    private Path copyOfMinimal() throws IOException, URISyntaxException {
        Path copy = dir.resolve("data");
        Files.createDirectories(copy);
        try (Stream<Path> files = Files.list(minimal())) {
            for (Path f : files.toList()) {
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
        return copy;
    }

    private static void edit(Path data, String file, String from, String to) throws IOException {
        Path path = data.resolve(file);
        String text = Files.readString(path);
        assertThat(text).as("fixture %s contains %s", file, from).contains(from);
        Files.writeString(path, text.replace(from, to));
    }

    private static List<String> problems(Path data) {
        DataValidationException e = catchThrowableOfType(DataValidationException.class, () -> FactFiles.load(data));
        assertThat(e).as("validation should fail").isNotNull();
        return e.problems().stream().map(DataProblem::toString).toList();
    }
}

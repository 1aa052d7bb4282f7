package dev.lalaland.bot.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lalaland.bot.db.Database;
import dev.lalaland.bot.facts.Ceremony;
import dev.lalaland.bot.facts.Event;
import dev.lalaland.bot.facts.FactFiles;
import dev.lalaland.bot.facts.FactImporter;
import dev.lalaland.bot.facts.FactStore;
import dev.lalaland.bot.facts.Nomination;
import dev.lalaland.bot.facts.Person;
import dev.lalaland.bot.facts.QuizCategory;
import dev.lalaland.bot.facts.Song;
import dev.lalaland.bot.facts.WrittenQuestion;
import dev.lalaland.bot.render.DiscordLimits;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole bank, built from the bundled data files: shape, variety, and every answer checked against the store. */
class QuestionBankTest {
    @TempDir
    static Path dir;
    static Database database;
    static FactStore store;
    static QuestionBank bank;

    @BeforeAll
    static void build() {
        database = Database.open(dir.resolve("bank.db"));
        new FactImporter(database, Clock.systemUTC()).importIfChanged(FactFiles.load(null));
        store = new FactStore(database);
        bank = QuestionBank.from(store);
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void hasEnoughQuestionsInEveryCategoryAndDifficulty() {
        Map<String, Integer> counts = new TreeMap<>();
        for (Question q : bank.all()) {
            counts.merge(q.category() + "/" + q.difficulty().id(), 1, Integer::sum);
        }
        System.out.println("quiz bank: " + bank.size() + " questions " + counts);
        assertThat(bank.size()).isGreaterThanOrEqualTo(250);
        for (String category : QuizCategory.ids()) {
            for (String difficulty : Difficulty.ids()) {
                assertThat(bank.matching(category, Difficulty.of(difficulty))).as(category + "/" + difficulty).isNotEmpty();
            }
            assertThat(bank.matching(category, null)).as(category).hasSizeGreaterThanOrEqualTo(20);
        }
    }

    @Test
    void everyQuestionIsWellFormed() {
        Set<String> ids = new HashSet<>();
        Set<String> texts = new HashSet<>();
        for (Question q : bank.all()) {
            assertThat(ids.add(q.id())).as("unique id " + q.id()).isTrue();
            assertThat(texts.add(Question.normalise(q.text()))).as("unique text: " + q.text()).isTrue();
            assertThat(q.choices()).hasSize(4).doesNotHaveDuplicates();
            assertThat(q.choices().stream().map(Question::normalise).distinct()).hasSize(4);
            assertThat(q.answer()).isBetween(0, 3);
            assertThat(q.choices()).allSatisfy(c -> assertThat(c.length()).isBetween(1, DiscordLimits.BUTTON_LABEL));
            assertThat(q.explanation()).isNotBlank().doesNotContain("\n")
                    .as(q.id() + ": an explanation cut after an abbreviation or initial")
                    .doesNotContainPattern("(\\b(No|Jr|Sr|Mr|Mrs|Ms|Dr|St)|\\b[A-Z])\\.$")
                    .as(q.id() + ": a sentence that the next one repeats, as in \"Producer. Producer, ...\"")
                    .doesNotContainPattern("(?i)(^|[:.] )([^.:]{4,})\\. \\2\\b");
            assertThat(q.sources()).as(q.id() + " sources").isNotEmpty();
            assertThat(q.text().length()).isLessThan(DiscordLimits.EMBED_DESCRIPTION - 200);
            if (!q.id().startsWith("written.")) {
                for (int i = 0; i < 4; i++) {
                    if (i != q.answer()) {
                        assertThat(Distractors.overlaps(q.choices().get(i), q.answerLabel()))
                                .as(q.id() + ": wrong choice '" + q.choices().get(i) + "' is too close to the answer")
                                .isFalse();
                    }
                }
            }
        }
    }

    @Test
    void idsAndChoiceOrderAreStableAcrossBuilds() {
        QuestionBank again = QuestionBank.from(store);
        assertThat(again.all()).isEqualTo(bank.all());
    }

    @Test
    void theRightAnswerIsNotAlwaysInTheSamePlace() {
        int[] positions = new int[4];
        bank.all().forEach(q -> positions[q.answer()]++);
        for (int p : positions) {
            assertThat(p).isGreaterThan(bank.size() / 8);
        }
    }

    /** Each generated answer re-derived from the fact store, generator by generator. */
    @Test
    void everyGeneratedAnswerAgreesWithTheFactStore() {
        List<String> unchecked = new ArrayList<>();
        for (Question q : bank.all()) {
            String[] parts = q.id().split("\\.", 3);
            String kind = parts[0] + "." + parts[1];
            String subject = parts.length > 2 ? parts[2] : "";
            String answer = q.answerLabel();
            switch (kind) {
                case "cast.who-played" -> {
                    Person p = person(subject);
                    assertThat(answer).isEqualTo(p.name());
                    assertThat(q.text()).contains(p.character());
                    // No wrong choice played that character too.
                    store.people("cast").stream().filter(o -> !o.id().equals(p.id()) && p.character().equals(o.character()))
                            .forEach(o -> assertThat(q.choices()).doesNotContain(o.name()));
                }
                case "cast.character-of" -> assertThat(answer).isEqualTo(person(subject).character());
                case "cast.birth-year" -> assertThat(answer).isEqualTo(String.valueOf(LocalDate.parse(person(subject).born()).getYear()));
                case "cast.born-on" -> {
                    Person p = person(subject);
                    assertThat(answer).isEqualTo(p.name());
                    store.people().stream().filter(o -> q.choices().contains(o.name()) && !o.id().equals(p.id()))
                            .forEach(o -> assertThat(o.born()).isNotEqualTo(p.born()));
                }
                case "cast.birthplace" -> assertThat(answer).isEqualTo(person(subject).birthplace());
                case "production.who-was" -> assertThat(answer).isEqualTo(person(subject).name());
                case "production.job-of" -> assertThat(answer).isEqualTo(person(subject).role());
                case "songs.performers" -> assertThat(answer).isEqualTo(song(subject).performers());
                case "songs.music" -> assertThat(answer).isEqualTo(song(subject).music());
                case "songs.lyrics" -> assertThat(answer).isEqualTo(song(subject).lyrics());
                case "songs.track-number" -> assertThat(answer).isEqualTo("Track " + song(subject).track());
                case "songs.which-track" -> {
                    Song s = song(subject);
                    assertThat(answer).isEqualTo(s.title());
                    assertThat(q.text()).contains("track " + s.track() + " ");
                }
                case "songs.scene" -> assertThat(answer).isEqualTo(song(subject).title());
                case "awards.won", "awards.lost" -> {
                    Nomination n = nomination(subject);
                    assertThat(answer).isEqualTo(n.category());
                    assertThat(n.won()).isEqualTo(kind.equals("awards.won"));
                    // Every wrong choice is a category with the opposite result at the same ceremony.
                    for (String wrong : q.choices()) {
                        if (!wrong.equals(answer)) {
                            assertThat(store.nominations(n.ceremony())).filteredOn(o -> o.category().equals(wrong))
                                    .isNotEmpty().allSatisfy(o -> assertThat(o.won()).isNotEqualTo(n.won()));
                        }
                    }
                }
                case "awards.winner-instead" -> {
                    Nomination n = nomination(subject);
                    assertThat(n.won()).isFalse();
                    assertThat(answer).isEqualTo(n.wonBy());
                }
                case "awards.nominee" -> assertThat(answer).isEqualTo(nomination(subject).nominee());
                case "awards.count-wins" -> assertThat(answer).isEqualTo(String.valueOf(
                        store.nominations(subject).stream().filter(Nomination::won).count()));
                case "awards.count-nominations" -> assertThat(answer).isEqualTo(String.valueOf(store.nominations(subject).size()));
                case "awards.host" -> assertThat(answer).isEqualTo(ceremony(subject).host());
                case "awards.venue" -> {
                    assertThat(answer).isEqualTo(ceremony(subject).venue());
                    // "held at Dolby Theatre, Hollywood", but "held in Toronto"
                    assertThat(q.explanation()).contains((answer.contains(",") ? " at " : " in ") + answer + ".");
                }
                case "awards.month" -> assertThat(answer).isEqualTo(
                        Distractors.month(YearMonth.parse(ceremony(subject).date().substring(0, 7))));
                case "release.year" -> assertThat(answer).isEqualTo(String.valueOf(event(subject).year()));
                case "release.month" -> assertThat(answer).isEqualTo(
                        Distractors.month(YearMonth.from(LocalDate.parse(event(subject).date()))));
                case "release.album-month" -> assertThat(answer).isEqualTo(
                        Distractors.month(YearMonth.from(LocalDate.parse(store.album().orElseThrow().releaseDate()))));
                default -> {
                    if (q.id().startsWith("written.")) {
                        WrittenQuestion w = store.writtenQuestions().stream()
                                .filter(x -> ("written." + x.id()).equals(q.id())).findFirst().orElseThrow();
                        assertThat(answer).isEqualTo(w.choices().get(w.answer()));
                    } else {
                        unchecked.add(q.id());
                    }
                }
            }
        }
        assertThat(unchecked).as("questions of a kind this test does not check").isEmpty();
    }

    private static Person person(String id) {
        return store.person(id).orElseThrow(() -> new AssertionError("no person " + id));
    }

    private static Song song(String id) {
        return store.song(id).orElseThrow(() -> new AssertionError("no song " + id));
    }

    private static Nomination nomination(String id) {
        return store.allNominations().stream().filter(n -> n.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no nomination " + id));
    }

    private static Ceremony ceremony(String id) {
        return store.ceremonies(null).stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no ceremony " + id));
    }

    private static Event event(String id) {
        return store.allEvents().stream().filter(e -> e.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no event " + id));
    }
    /**
     * No explanation says the same thing twice, as "Ryan Gosling played Sebastian. Plays
     * Sebastian, ..." did: no run of four words comes back in it, "plays" and "played"
     * counting as one word.
     */
    @Test
    void noExplanationSaysTheSameThingTwice() {
        List<String> repeating = new ArrayList<>();
        for (Question q : bank.all()) {
            List<String> words = java.util.Arrays.stream(q.explanation().toLowerCase(java.util.Locale.ROOT)
                            .split("[^\\p{L}\\p{N}']+"))
                    .filter(w -> !w.isEmpty()).map(w -> w.startsWith("play") ? "play" : w).toList();
            Set<String> runs = new HashSet<>();
            for (int i = 0; i + 4 <= words.size(); i++) {
                String run = String.join(" ", words.subList(i, i + 4));
                if (!runs.add(run)) {
                    repeating.add(q.id() + " repeats \"" + run + "\": " + q.explanation());
                    break;
                }
            }
        }
        assertThat(repeating).isEmpty();
    }

    /** Every reveal's citation keeps its URLs whole: a cut URL leads nowhere. */
    @Test
    void everyRevealCitesWholeUrls() {
        java.util.regex.Pattern url = java.util.regex.Pattern.compile("https?://[^\\s<>]+");
        List<String> cut = new ArrayList<>();
        Instant at = Instant.parse("2026-12-02T20:00:00Z");
        for (Question q : bank.all()) {
            Round round = new Round(1, null, 1, "g", "c", q, "m", at, at.plusSeconds(20), false);
            RoundResult result = new RoundResult(round, List.of(0, 0, 0, 0), List.of(), List.of());
            String footer = QuizRenderer.practiceReveal(result).embeds().get(0).footer();
            Set<String> cited = new HashSet<>();
            q.sources().forEach(s -> url.matcher(s).results().forEach(m -> cited.add(m.group())));
            url.matcher(footer).results().filter(m -> !cited.contains(m.group()))
                    .forEach(m -> cut.add(q.id() + ": " + m.group()));
        }
        assertThat(cut).isEmpty();
    }

    @Test
    void everyQuestionIdFitsItsReportAndMuteButtons() {
        assertThat(bank.all()).extracting(Question::id)
                .allSatisfy(id -> assertThat(dev.lalaland.bot.report.Reports.fitsButtonIds(id)).as(id).isTrue());
    }
}

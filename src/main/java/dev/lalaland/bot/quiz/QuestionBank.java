package dev.lalaland.bot.quiz;

import dev.lalaland.bot.facts.FactStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every quiz question: generated from the fact store plus the hand-written ones, built once at
 * start-up (the fact store only changes with a restart). Where two generators would ask the same
 * thing in the same words, the first one keeps it.
 */
public final class QuestionBank {
    private static final Logger log = LoggerFactory.getLogger(QuestionBank.class);
    private static final List<QuestionGenerator> GENERATORS = List.of(new HandWrittenQuestions(), new CastQuestions(),
            new SongQuestions(), new AwardQuestions(), new ProductionQuestions(), new ReleaseQuestions());

    /** The questions the soundness check kept out of the bank, with why. */
    private final List<SoundnessCheck.Problem> leftOut;
    /** The questions in a fixed order: a question's place here is its ordinal. */
    private final List<Question> ordered;
    /** Each question's ordinal, by id. */
    private final Map<String, Integer> ordinals = new HashMap<>();
    /** The ordinals for every category and difficulty in the bank: each question asked needs them. */
    private final Map<String, int[][]> byFilter = new HashMap<>();
    private static final String ANY_CATEGORY = "";

    private record Filter(String category, Difficulty difficulty) {
        boolean accepts(Question q) {
            return (category == null || q.category().equals(category))
                    && (difficulty == null || q.difficulty() == difficulty);
        }
    }

    private QuestionBank(List<Question> questions, List<SoundnessCheck.Problem> leftOut) {
        this.leftOut = List.copyOf(leftOut);
        Map<String, Question> ids = new LinkedHashMap<>();
        Set<String> texts = new HashSet<>();
        for (Question q : questions) {
            if (!ids.containsKey(q.id()) && texts.add(Question.normalise(q.text()))) {
                ids.put(q.id(), q);
            }
        }
        this.ordered = List.copyOf(ids.values());
        for (int i = 0; i < ordered.size(); i++) {
            ordinals.put(ordered.get(i).id(), i);
        }
        Set<String> categories = new HashSet<>();
        categories.add(null);
        ordered.forEach(q -> categories.add(q.category()));
        List<Difficulty> difficulties = new ArrayList<>(List.of(Difficulty.values()));
        difficulties.add(null);
        for (String category : categories) {
            for (Difficulty difficulty : difficulties) {
                Filter filter = new Filter(category, difficulty);
                byFilter.computeIfAbsent(category == null ? ANY_CATEGORY : category,
                        c -> new int[Difficulty.values().length + 1][])[slot(difficulty)] =
                        IntStream.range(0, ordered.size()).filter(i -> filter.accepts(ordered.get(i))).toArray();
            }
        }
    }

    public static QuestionBank from(FactStore store) {
        return of(QuizFacts.load(store));
    }

    /**
     * Every question the generators make from these facts, and the hand-written ones, less those
     * the soundness check finds a problem with: a player told they are wrong must be wrong.
     */
    static QuestionBank of(QuizFacts facts) {
        SoundnessCheck check = new SoundnessCheck(facts);
        List<Question> sound = new ArrayList<>();
        List<SoundnessCheck.Problem> leftOut = new ArrayList<>();
        for (QuestionGenerator generator : GENERATORS) {
            for (Question q : generator.generate(facts)) {
                List<SoundnessCheck.Problem> problems = check.problems(q);
                if (problems.isEmpty()) {
                    sound.add(q);
                } else {
                    leftOut.add(problems.get(0));
                }
            }
        }
        if (!leftOut.isEmpty()) {
            log.info("{} questions left out of the quiz as unsound: {}", leftOut.size(), countByReason(leftOut));
        }
        return new QuestionBank(sound, leftOut);
    }

    /** A bank of exactly these questions, for tests. */
    public static QuestionBank of(List<Question> questions) {
        return new QuestionBank(questions, List.of());
    }

    /** The questions left out as unsound, each with its first problem. */
    public List<SoundnessCheck.Problem> leftOut() {
        return leftOut;
    }

    /** How many were left out for each reason, most first. */
    public static Map<SoundnessCheck.Reason, Long> countByReason(List<SoundnessCheck.Problem> problems) {
        Map<SoundnessCheck.Reason, Long> counts = new java.util.EnumMap<>(SoundnessCheck.Reason.class);
        problems.forEach(p -> counts.merge(p.reason(), 1L, Long::sum));
        return counts;
    }

    public List<Question> all() {
        return ordered;
    }

    public Optional<Question> byId(String id) {
        int ordinal = ordinalOf(id);
        return ordinal < 0 ? Optional.empty() : Optional.of(ordered.get(ordinal));
    }

    /** The questions of a category and difficulty; null for either means any. */
    public List<Question> matching(String category, Difficulty difficulty) {
        return IntStream.of(ordinalsMatching(category, difficulty)).mapToObj(ordered::get).toList();
    }

    /**
     * {@link #matching}, as ordinals in ascending order. The array is shared: read it, do not
     * change it (each question asked reads one, so it is not copied).
     */
    int[] ordinalsMatching(String category, Difficulty difficulty) {
        int[][] byDifficulty = byFilter.get(category == null ? ANY_CATEGORY : category);
        return byDifficulty != null ? byDifficulty[slot(difficulty)] : new int[0];
    }

    private static int slot(Difficulty difficulty) {
        return difficulty == null ? 0 : difficulty.ordinal() + 1;
    }

    /** The question with this ordinal: its place in {@link #all}. */
    Question at(int ordinal) {
        return ordered.get(ordinal);
    }

    /** The ordinal of the question with this id, or -1 if the bank has none (it may have been asked before a data change). */
    int ordinalOf(String questionId) {
        Integer ordinal = ordinals.get(questionId);
        return ordinal != null ? ordinal : -1;
    }

    public int size() {
        return ordered.size();
    }
}

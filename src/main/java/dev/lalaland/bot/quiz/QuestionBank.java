package dev.lalaland.bot.quiz;

import dev.lalaland.bot.facts.FactStore;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every quiz question: generated from the fact store plus the hand-written ones, built once at
 * start-up (the fact store only changes with a restart). Where two generators would ask the same
 * thing in the same words, the first one keeps it.
 */
public final class QuestionBank {
    private static final List<QuestionGenerator> GENERATORS = List.of(new HandWrittenQuestions(), new CastQuestions(),
            new SongQuestions(), new AwardQuestions(), new ProductionQuestions(), new ReleaseQuestions());

    private final Map<String, Question> byId;

    private QuestionBank(List<Question> questions) {
        Map<String, Question> ids = new LinkedHashMap<>();
        Set<String> texts = new HashSet<>();
        for (Question q : questions) {
            if (!ids.containsKey(q.id()) && texts.add(Question.normalise(q.text()))) {
                ids.put(q.id(), q);
            }
        }
        this.byId = ids;
    }

    public static QuestionBank from(FactStore store) {
        return of(QuizFacts.load(store));
    }

    static QuestionBank of(QuizFacts facts) {
        List<Question> all = new ArrayList<>();
        for (QuestionGenerator generator : GENERATORS) {
            all.addAll(generator.generate(facts));
        }
        return new QuestionBank(all);
    }

    /** A bank of exactly these questions, for tests. */
    public static QuestionBank of(List<Question> questions) {
        return new QuestionBank(questions);
    }

    public List<Question> all() {
        return List.copyOf(byId.values());
    }

    public Optional<Question> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The questions of a category and difficulty; null for either means any. */
    public List<Question> matching(String category, Difficulty difficulty) {
        return byId.values().stream()
                .filter(q -> category == null || q.category().equals(category))
                .filter(q -> difficulty == null || q.difficulty() == difficulty)
                .toList();
    }

    public int size() {
        return byId.size();
    }
}

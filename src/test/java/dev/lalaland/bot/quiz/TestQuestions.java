package dev.lalaland.bot.quiz;

import java.util.ArrayList;
import java.util.List;

/** Small, predictable questions for tests: question i has choices A i..D i and the answer is always "B i". */
final class TestQuestions {
    private TestQuestions() {
    }

    static Question question(int i, String category, Difficulty difficulty) {
        return new Question("test." + i, category, difficulty, "Test question " + i + "?",
                List.of("A " + i, "B " + i, "C " + i, "D " + i), 1, "Because B " + i + ".", List.of("test source"));
    }

    static QuestionBank bank(int size) {
        List<Question> questions = new ArrayList<>();
        for (int i = 1; i <= size; i++) {
            questions.add(question(i, i % 2 == 0 ? "cast" : "songs", Difficulty.values()[i % 3]));
        }
        return QuestionBank.of(questions);
    }
}

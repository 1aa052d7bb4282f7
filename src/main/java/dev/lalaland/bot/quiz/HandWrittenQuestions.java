package dev.lalaland.bot.quiz;

import dev.lalaland.bot.facts.WrittenQuestion;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The questions written by hand in {@code data/questions.json}, as they are. */
final class HandWrittenQuestions implements QuestionGenerator {
    private static final Logger log = LoggerFactory.getLogger(HandWrittenQuestions.class);

    @Override
    public List<Question> generate(QuizFacts facts) {
        List<Question> out = new ArrayList<>();
        for (WrittenQuestion w : facts.written()) {
            try {
                out.add(new Question("written." + w.id(), w.category(), Difficulty.of(w.difficulty()), w.question(),
                        w.choices(), w.answer(), w.explanation(), w.sources()));
            } catch (IllegalArgumentException e) {
                // check-data accepts what the quiz cannot show (a choice too long for a button): skip that one.
                log.warn("questions.json: question {} left out of the quiz: {}", w.id(), e.getMessage());
            }
        }
        return out;
    }
}

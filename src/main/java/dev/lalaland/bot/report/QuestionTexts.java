package dev.lalaland.bot.report;

import java.util.Optional;

/** A question's text by its id, empty when the question bank no longer has it (the data changed). */
@FunctionalInterface
public interface QuestionTexts {
    Optional<String> textOf(String questionId);
}

package dev.lalaland.bot.quiz;

import java.util.List;

/**
 * Turns facts into questions. Each generator owns one id prefix and builds ids from the ids of
 * the facts it asks about, so a question keeps its id across restarts and data reloads.
 */
interface QuestionGenerator {

    List<Question> generate(QuizFacts facts);
}

package dev.lalaland.bot.facts;

import java.util.List;

/** A hand-written quiz question from {@code questions.json}; {@code answer} indexes {@code choices}. */
public record WrittenQuestion(String id, String category, String difficulty, String question, List<String> choices,
                              int answer, String explanation, List<String> sources) {

    public WrittenQuestion {
        choices = List.copyOf(choices);
        sources = List.copyOf(sources);
    }
}

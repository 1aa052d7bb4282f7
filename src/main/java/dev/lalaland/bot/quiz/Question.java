package dev.lalaland.bot.quiz;

import dev.lalaland.bot.facts.QuizCategory;
import dev.lalaland.bot.render.DiscordLimits;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One multiple-choice question: four different choices, one right. The id is stable across
 * restarts (derived from the generator and the facts it asks about), so the seen-question
 * history can refer to it.
 */
public record Question(String id, String category, Difficulty difficulty, String text, List<String> choices,
                       int answer, String explanation, List<String> sources) {

    public static final int CHOICES = 4;

    /** Compiled once: every question built, including each one read back to close it, compares its choices. */
    private static final Pattern NOT_LETTERS_OR_DIGITS = Pattern.compile("[^\\p{L}\\p{N}]+");

    public Question {
        choices = List.copyOf(choices);
        sources = List.copyOf(sources);
        QuizCategory.of(category); // throws for an unknown one
        if (choices.size() != CHOICES) {
            throw new IllegalArgumentException(id + ": needs " + CHOICES + " choices, has " + choices.size());
        }
        Set<String> distinct = new HashSet<>();
        for (String choice : choices) {
            if (choice.isBlank() || choice.length() > DiscordLimits.BUTTON_LABEL) {
                throw new IllegalArgumentException(id + ": choice '" + choice + "' is blank or longer than a button label");
            }
            if (!distinct.add(normalise(choice))) {
                throw new IllegalArgumentException(id + ": choice '" + choice + "' appears twice");
            }
        }
        if (answer < 0 || answer >= CHOICES) {
            throw new IllegalArgumentException(id + ": answer index " + answer);
        }
    }

    /**
     * A question whose choices are the answer and three wrong ones, in an order fixed by the id:
     * the right answer is not always first, yet the same question always looks the same.
     */
    public static Question shuffled(String id, QuizCategory category, Difficulty difficulty, String text, String answer,
                                    List<String> wrong, String explanation, List<String> sources) {
        List<String> choices = new ArrayList<>(CHOICES);
        choices.add(answer);
        choices.addAll(wrong);
        Collections.shuffle(choices, new Random(id.hashCode()));
        return new Question(id, category.id(), difficulty, text, choices, choices.indexOf(answer), explanation, sources);
    }

    public String answerLabel() {
        return choices.get(answer);
    }

    /** How two choices are compared for sameness: case, spacing and punctuation ignored. */
    static String normalise(String text) {
        return NOT_LETTERS_OR_DIGITS.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }
}

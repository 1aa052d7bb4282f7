package dev.lalaland.bot.facts;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What a quiz question (or a fact of the daily post) is about: the {@code /quiz category} choices.
 * A new category is a new constant here and in the {@code category} enum of
 * {@code data/schema/facts.schema.json} and {@code questions.schema.json} (a test checks they agree).
 */
public enum QuizCategory {
    CAST,
    SONGS,
    AWARDS,
    PRODUCTION,
    RELEASE;

    /** The name users type and the data files and database use: {@code cast}, {@code songs}, ... */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The category with this id; {@link IllegalArgumentException} for any other text. */
    public static QuizCategory of(String id) {
        for (QuizCategory c : values()) {
            if (c.id().equals(id)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown quiz category " + id);
    }

    /** Every id, in the order users see them. */
    public static List<String> ids() {
        return Arrays.stream(values()).map(QuizCategory::id).toList();
    }
}

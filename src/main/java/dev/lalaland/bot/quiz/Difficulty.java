package dev.lalaland.bot.quiz;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** How hard a question is; decides its base points (see docs/QUIZ.md). */
public enum Difficulty {
    EASY(100),
    MEDIUM(150),
    HARD(200);

    private final int basePoints;

    Difficulty(int basePoints) {
        this.basePoints = basePoints;
    }

    public int basePoints() {
        return basePoints;
    }

    /** The name users type and the data files use: {@code easy}, {@code medium}, {@code hard}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Every id, easiest first. */
    public static List<String> ids() {
        return Arrays.stream(values()).map(Difficulty::id).toList();
    }

    public static Difficulty of(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}

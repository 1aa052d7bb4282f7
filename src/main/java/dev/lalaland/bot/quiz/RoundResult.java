package dev.lalaland.bot.quiz;

import java.util.List;

/**
 * A closed round: how many chose each option, who was right (with the points each gained, zero
 * in practice), the night's standings after it (empty in practice), and why it closed before its
 * time ({@code closeNote}: a skip, everyone answered; null when it closed on time).
 */
public record RoundResult(Round round, List<Integer> choiceCounts, List<Scored> right, List<Standing> standings,
                          String closeNote) {

    public RoundResult {
        choiceCounts = List.copyOf(choiceCounts);
        right = List.copyOf(right);
        standings = List.copyOf(standings);
    }

    /** A round that closed on time (no note). */
    public RoundResult(Round round, List<Integer> choiceCounts, List<Scored> right, List<Standing> standings) {
        this(round, choiceCounts, right, standings, null);
    }

    public int answers() {
        return choiceCounts.stream().mapToInt(Integer::intValue).sum();
    }

    /** A right answer and what it earned; {@code streak} counts this answer. */
    public record Scored(String userId, String displayName, int points, int streak) {
    }
}

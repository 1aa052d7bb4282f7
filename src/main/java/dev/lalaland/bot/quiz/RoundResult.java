package dev.lalaland.bot.quiz;

import java.util.List;

/**
 * A closed round: how many chose each option, who was right (with the points each gained, zero
 * in practice), and the night's standings after it (empty in practice); in a night with hints, who
 * used one ({@code hinted}, display names), and in teams mode the teams' standings.
 */
public record RoundResult(Round round, List<Integer> choiceCounts, List<Scored> right, List<Standing> standings,
                          List<String> hinted, List<TeamStanding> teams) {

    public RoundResult {
        choiceCounts = List.copyOf(choiceCounts);
        right = List.copyOf(right);
        standings = List.copyOf(standings);
        hinted = List.copyOf(hinted);
        teams = List.copyOf(teams);
    }

    public RoundResult(Round round, List<Integer> choiceCounts, List<Scored> right, List<Standing> standings) {
        this(round, choiceCounts, right, standings, List.of(), List.of());
    }

    public int answers() {
        return choiceCounts.stream().mapToInt(Integer::intValue).sum();
    }

    /** A right answer and what it earned; {@code streak} counts this answer; {@code hinted}: after a hint. */
    public record Scored(String userId, String displayName, int points, int streak, boolean hinted) {
        public Scored(String userId, String displayName, int points, int streak) {
            this(userId, displayName, points, streak, false);
        }
    }
}

package dev.lalaland.bot.quiz;

import java.util.List;

/**
 * A closed round: how many chose each option, who was right (with the points each gained, zero
 * in practice), and the night's standings after it (empty in practice); in a night with hints, who
 * used one ({@code hinted}, display names), and in teams mode the teams' standings; and why it
 * closed before its time ({@code closeNote}: a skip, everyone answered; null when it closed on time).
 */
public record RoundResult(Round round, List<Integer> choiceCounts, List<Scored> right, List<Standing> standings,
                          List<String> hinted, List<TeamStanding> teams, String closeNote) {

    public RoundResult {
        choiceCounts = List.copyOf(choiceCounts);
        right = List.copyOf(right);
        standings = List.copyOf(standings);
        hinted = List.copyOf(hinted);
        teams = List.copyOf(teams);
    }

    /** A solo round without hints that closed on time (no note). */
    public RoundResult(Round round, List<Integer> choiceCounts, List<Scored> right, List<Standing> standings) {
        this(round, choiceCounts, right, standings, List.of(), List.of(), null);
    }

    /** A solo round without hints, closed early for {@code closeNote} (null: on time). */
    public RoundResult(Round round, List<Integer> choiceCounts, List<Scored> right, List<Standing> standings,
                       String closeNote) {
        this(round, choiceCounts, right, standings, List.of(), List.of(), closeNote);
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

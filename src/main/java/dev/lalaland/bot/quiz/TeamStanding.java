package dev.lalaland.bot.quiz;

/**
 * A team's points in a night: the sum of its members' points; {@code best} is its highest scorer
 * (null while the team has no member).
 */
public record TeamStanding(int team, String name, int points, int correct, int members, Standing best) {
}

package dev.lalaland.bot.quiz;

/** A player's points so far: in one night, or all-time in one server. */
public record Standing(String userId, String displayName, int points, int correct) {
}

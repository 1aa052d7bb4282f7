package dev.lalaland.bot.quiz;

import java.time.Instant;
import java.util.List;

/**
 * A night that has just ended: how, after how many questions, the final standings (of the teams
 * too, in teams mode), and why when it ended itself ({@code endReason}, such as
 * {@link #PAUSED_TOO_LONG}; null otherwise).
 */
public record NightResult(Night night, Night.Status endedAs, Instant endedAt, int questionsAsked,
                          List<Standing> standings, List<TeamStanding> teams, String endReason) {

    /** The night was left paused until it ended itself. */
    public static final String PAUSED_TOO_LONG = "paused";

    public NightResult {
        standings = List.copyOf(standings);
        teams = List.copyOf(teams);
    }

    /** A solo night that ended by its last question, a stop or a failure (no reason). */
    public NightResult(Night night, Night.Status endedAs, Instant endedAt, int questionsAsked, List<Standing> standings) {
        this(night, endedAs, endedAt, questionsAsked, standings, List.of(), null);
    }
}

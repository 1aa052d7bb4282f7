package dev.lalaland.bot.quiz;

import java.time.Instant;
import java.util.List;

/**
 * A night that has just ended: how, after how many questions, the final standings, and why when
 * it ended itself ({@code endReason}, such as {@link #PAUSED_TOO_LONG}; null otherwise).
 */
public record NightResult(Night night, Night.Status endedAs, Instant endedAt, int questionsAsked,
                          List<Standing> standings, String endReason) {

    /** The night was left paused until it ended itself. */
    public static final String PAUSED_TOO_LONG = "paused";

    public NightResult {
        standings = List.copyOf(standings);
    }

    public NightResult(Night night, Night.Status endedAs, Instant endedAt, int questionsAsked, List<Standing> standings) {
        this(night, endedAs, endedAt, questionsAsked, standings, null);
    }
}

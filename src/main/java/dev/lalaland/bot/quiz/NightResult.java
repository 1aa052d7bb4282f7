package dev.lalaland.bot.quiz;

import java.time.Instant;
import java.util.List;

/** A night that has just ended: how, after how many questions, and the final standings. */
public record NightResult(Night night, Night.Status endedAs, Instant endedAt, int questionsAsked,
                          List<Standing> standings) {

    public NightResult {
        standings = List.copyOf(standings);
    }
}

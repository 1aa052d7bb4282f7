package dev.lalaland.bot.quiz;

import java.time.Instant;
import java.util.List;

/** A night that has just ended: how, after how many questions, and the final standings (of the teams too, in teams mode). */
public record NightResult(Night night, Night.Status endedAs, Instant endedAt, int questionsAsked,
                          List<Standing> standings, List<TeamStanding> teams) {

    public NightResult {
        standings = List.copyOf(standings);
        teams = List.copyOf(teams);
    }

    public NightResult(Night night, Night.Status endedAs, Instant endedAt, int questionsAsked, List<Standing> standings) {
        this(night, endedAs, endedAt, questionsAsked, standings, List.of());
    }
}

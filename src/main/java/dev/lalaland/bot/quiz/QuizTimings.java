package dev.lalaland.bot.quiz;

import java.time.Duration;

/**
 * How long things take in a quiz. Production uses {@link #standard()}, and so do the quiz's own
 * tests, which run its timers on virtual time; end-to-end tests through Discord shorten only the
 * waits nothing races (the first question's delay, the pause between questions). Console mode
 * closes a practice question as soon as its one player has answered ({@link #forConsole()}).
 *
 * @param practiceOpen        how long a {@code /quiz question} stays open
 * @param firstQuestionDelay  from {@code /quiz start} to the first question, to gather players
 * @param pause               between one answer's reveal and the next question
 * @param oneSecond           the length of one second of the {@code seconds} option
 * @param closeGrace          how long after the deadline the question closes, so clicks that arrived
 *                            in time but are still being handled are counted
 * @param closePracticeAfter  close a practice question once it has this many answers (0: only on time)
 */
public record QuizTimings(Duration practiceOpen, Duration firstQuestionDelay, Duration pause, Duration oneSecond,
                          Duration closeGrace, int closePracticeAfter) {

    public static QuizTimings standard() {
        return new QuizTimings(Duration.ofSeconds(20), Duration.ofSeconds(5), Duration.ofSeconds(6),
                Duration.ofSeconds(1), Duration.ofMillis(750), 0);
    }

    /** Console mode has a single player: reveal the answer as soon as they answer. */
    public static QuizTimings forConsole() {
        return standard().closingPracticeAfter(1);
    }

    public QuizTimings closingPracticeAfter(int answers) {
        return new QuizTimings(practiceOpen, firstQuestionDelay, pause, oneSecond, closeGrace, answers);
    }

    /** How long the Join buttons of a team night stay open, from its start: 60 of its seconds. */
    public Duration teamJoinWindow() {
        return roundLength(Teams.JOIN_WINDOW_SECONDS);
    }

    /** How long a night question stays open when the host asked for {@code seconds}. */
    public Duration roundLength(int seconds) {
        return oneSecond.multipliedBy(seconds);
    }
}

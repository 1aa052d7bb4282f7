package dev.lalaland.bot.quiz;

import dev.lalaland.bot.command.ButtonClick;
import dev.lalaland.bot.command.ButtonHandler;
import dev.lalaland.bot.render.Reply;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Clicks on answer buttons. A button's id names the stored round and the choice
 * ({@code quiz:<round>:<choice>}), so buttons keep working across restarts. Each click costs one
 * short transaction and gets a private acknowledgement at once; whether the answer was right is
 * only told at the reveal.
 */
final class AnswerButtons implements ButtonHandler {
    static final String PREFIX = "quiz";

    private final QuizStore store;
    private final PracticeRounds practice;
    private final QuizNights nights;
    private final NightControlStore controls;
    private final Timers timers;
    private final Clock clock;
    private final QuizTimings timings;

    AnswerButtons(QuizStore store, PracticeRounds practice, QuizNights nights, NightControlStore controls, Timers timers,
                  Clock clock, QuizTimings timings) {
        this.store = store;
        this.practice = practice;
        this.nights = nights;
        this.controls = controls;
        this.timers = timers;
        this.clock = clock;
        this.timings = timings;
    }

    static String customId(long roundId, int choice) {
        return PREFIX + ":" + roundId + ":" + choice;
    }

    /** The same answer, on the private message of a player's hint (not the question's message). */
    static String customIdAfterHint(long roundId, int choice) {
        return customId(roundId, choice) + ":" + AFTER_HINT;
    }

    private static final String AFTER_HINT = "h";

    @Override
    public String prefix() {
        return PREFIX;
    }

    @Override
    public Reply onClick(ButtonClick click) {
        Optional<long[]> parsed = parse(click.argument());
        if (parsed.isEmpty()) {
            return Reply.privateText("That button is not a quiz answer I know.");
        }
        long roundId = parsed.get()[0];
        int choice = (int) parsed.get()[1];
        // The time the click reached the bot, by the bot's clock: a slow handler never costs a player their answer.
        Instant at = click.receivedAt() != null ? click.receivedAt() : clock.instant();
        // A hint's private message is not the question's: its id must not be taken for the question's.
        String messageId = parsed.get()[2] == 1 ? null : click.messageId();
        AnswerOutcome outcome = store.recordAnswer(roundId, click.invoker().channelId(), click.invoker().userId(),
                click.invoker().displayName(), choice, at, messageId);
        return switch (outcome.kind()) {
            case RECORDED -> recorded(outcome);
            case ALREADY_ANSWERED -> Reply.privateText("You already answered this one: **"
                    + label(outcome, outcome.choice()) + "**. One answer per question, no changing it.");
            case TIMES_UP -> pausedNight(outcome.round()) ? Reply.privateText("⏸️ The quiz night is paused: "
                    + "answer when the host resumes it.") : Reply.privateText("⏱️ Time's up! This question closed "
                    + QuizRenderer.relative(outcome.round().closesAt()) + "; your answer did not count.");
            case CLOSED -> Reply.privateText("This question has closed; its answer has been revealed in the channel.");
            case UNKNOWN_QUESTION -> Reply.privateText("This question no longer exists.");
        };
    }

    private Reply recorded(AnswerOutcome outcome) {
        Round round = outcome.round();
        String lockedIn = "Locked in: **" + label(outcome, outcome.choice()) + "**.";
        // A night's first question has no known players yet, so it never closes early: no need to look.
        if (!round.practice() && round.number() > 1 && outcome.answersSoFar() >= 2) {
            // Off the click's thread: closing posts the reveal, and the player's acknowledgement comes first.
            timers.now("closing question " + round.number() + " of night " + round.nightId() + " if all answered",
                    () -> nights.closeIfEveryoneAnswered(round.nightId(), round.id()));
        }
        if (round.practice() && timings.closePracticeAfter() > 0
                && outcome.answersSoFar() >= timings.closePracticeAfter()) {
            Optional<Reply> reveal = practice.closeNow(round.id());
            if (reveal.isPresent()) {
                return reveal.get().toBuilder().content(lockedIn).build();
            }
        }
        return Reply.privateText(lockedIn + " The answer is revealed when time is up, "
                + QuizRenderer.relative(round.closesAt()) + ".");
    }

    private boolean pausedNight(Round round) {
        return !round.practice() && controls.paused(round.nightId()).isPresent();
    }

    private static String label(AnswerOutcome outcome, int choice) {
        return outcome.round().question().choices().get(choice);
    }

    /**
     * {@code <round>:<choice>} or {@code <round>:<choice>:h} (after a hint) as round, choice and 1
     * after a hint, else 0; or empty for anything else (an old or forged id).
     */
    static Optional<long[]> parse(String argument) {
        String[] parts = argument.split(":");
        boolean afterHint = parts.length == 3 && parts[2].equals(AFTER_HINT);
        if (parts.length != 2 && !afterHint) {
            return Optional.empty();
        }
        try {
            long round = Long.parseLong(parts[0]);
            int choice = Integer.parseInt(parts[1]);
            if (round <= 0 || choice < 0 || choice >= Question.CHOICES) {
                return Optional.empty();
            }
            return Optional.of(new long[] {round, choice, afterHint ? 1 : 0});
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}

package dev.lalaland.bot.quiz;

import dev.lalaland.bot.command.ButtonClick;
import dev.lalaland.bot.command.ButtonHandler;
import dev.lalaland.bot.render.Reply;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Clicks on a night question's Hint button ({@code hint:<round>}): one wrong choice disappears for
 * that player only, in a private reply that carries the other three as answer buttons. One hint per
 * player per question (a second click shows the same one), and none once they have answered.
 */
final class HintButtons implements ButtonHandler {
    static final String PREFIX = "hint";

    private final QuizStore store;
    private final TeamHintStore hints;
    private final NightControlStore controls;
    private final Clock clock;

    HintButtons(QuizStore store, TeamHintStore hints, NightControlStore controls, Clock clock) {
        this.store = store;
        this.hints = hints;
        this.controls = controls;
        this.clock = clock;
    }

    static String customId(long roundId) {
        return PREFIX + ":" + roundId;
    }

    @Override
    public String prefix() {
        return PREFIX;
    }

    @Override
    public Reply onClick(ButtonClick click) {
        String argument = click.argument();
        if (!argument.matches("\\d{1,18}")) {
            return Reply.privateText("That button is not a quiz hint I know.");
        }
        Optional<Round> found = store.round(Long.parseLong(argument))
                .filter(r -> !r.practice() && r.channelId().equals(click.invoker().channelId()));
        if (found.isEmpty()) {
            return Reply.privateText("This question no longer exists.");
        }
        Round round = found.get();
        if (store.night(round.nightId()).filter(n -> n.style().hints()).isEmpty()) {
            return Reply.privateText("This quiz night is played without hints.");
        }
        Instant at = click.receivedAt() != null ? click.receivedAt() : clock.instant();
        switch (QuizRules.judge(round.open(), round.closesAt(), at)) {
            case CLOSED -> {
                return Reply.privateText("This question has closed; its answer has been revealed in the channel.");
            }
            case TIMES_UP -> {
                return controls.paused(round.nightId()).isPresent()
                        ? Reply.privateText("⏸️ The quiz night is paused: ask for a hint when the host resumes it.")
                        : Reply.privateText("⏱️ Time's up! This question has closed.");
            }
            case ACCEPTED -> {
            }
        }
        Question q = round.question();
        int removed = Hints.removedChoice(click.invoker().userId(), round.id(), q.answer(), q.choices().size());
        TeamHintStore.HintOutcome outcome = hints.useHint(round.id(), click.invoker().userId(),
                click.invoker().displayName(), removed, at);
        return switch (outcome.kind()) {
            case ALREADY_ANSWERED -> Reply.privateText("You have already answered this one: a hint comes before "
                    + "your answer, not after.");
            case GIVEN -> QuizRenderer.hint(round, outcome.removed(), false);
            case ALREADY_USED -> QuizRenderer.hint(round, outcome.removed(), true);
        };
    }
}

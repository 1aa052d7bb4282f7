package dev.lalaland.bot.quiz;

import com.github.benmanes.caffeine.cache.Cache;
import dev.lalaland.bot.cache.Caches;
import dev.lalaland.bot.command.Invoker;
import dev.lalaland.bot.command.Outbox;
import dev.lalaland.bot.command.UserInputException;
import dev.lalaland.bot.render.Embed;
import dev.lalaland.bot.render.Reply;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /quiz question}: one unscored question, answered by anyone in the channel once. The
 * question is the command's reply; when it closes, the reveal is posted to the channel and the
 * question's buttons are disabled.
 */
final class PracticeRounds {
    private static final Logger log = LoggerFactory.getLogger(PracticeRounds.class);

    private final QuizStore store;
    private final QuestionBank bank;
    private final QuestionPicker picker;
    private final SeenHistory seen;
    /** The questions muted in a server, by server id (none for null). */
    private final Function<String, Set<String>> mutedIn;
    private final Outbox outbox;
    private final Timers timers;
    private final Clock clock;
    private final QuizTimings timings;
    /** Each question's card by question id, built when first asked; at most one per question in the bank. */
    private final Cache<String, Embed> cards = Caches.ofFixedKeys();

    PracticeRounds(QuizStore store, QuestionBank bank, QuestionPicker picker, SeenHistory seen,
                   Function<String, Set<String>> mutedIn, Outbox outbox, Timers timers, Clock clock, QuizTimings timings) {
        this.store = store;
        this.bank = bank;
        this.picker = picker;
        this.seen = seen;
        this.mutedIn = mutedIn;
        this.outbox = outbox;
        this.timers = timers;
        this.clock = clock;
        this.timings = timings;
    }

    Reply ask(Invoker who, String category, Difficulty difficulty) {
        String scope = QuizStore.seenScope(who.guildId(), who.channelId());
        Question q = picker.next(bank.ordinalsMatching(category, difficulty), Set.of(), mutedIn.apply(who.guildId()),
                        seen.lastSeen(scope))
                .orElseThrow(() -> new UserInputException("No questions match that category and difficulty; "
                        + "try another, or leave them out."));
        Instant now = clock.instant();
        // The close is timed once the question is saved, by the writer thread, not while answering.
        Round round = store.askPractice(who.guildId(), who.channelId(), q, now, now.plus(timings.practiceOpen()),
                this::scheduleClose);
        seen.record(scope, q, round.opensAt());
        return QuizRenderer.practiceQuestion(round, cards.get(q.id(), id -> QuizRenderer.practiceCard(q)));
    }

    /** Closes when the time is up, posting the reveal to the channel. */
    void closeOnTime(long roundId) {
        store.closeRound(roundId).ifPresent(this::reveal);
    }

    /** Closes at once (its answers rule is met) and returns the reveal, to show as the click's reply. */
    Optional<Reply> closeNow(long roundId) {
        timers.cancel(key(roundId));
        return store.closeRoundRevealedInReply(roundId).map(QuizRenderer::practiceReveal);
    }

    /**
     * After a restart: reveals that were not confirmed ({@code pendingReveals}, the store's) are
     * posted again while Discord would drop a repeat; questions still open close at their
     * deadline, or now if it has passed.
     */
    void resume(List<RoundResult> pendingReveals) {
        Instant now = clock.instant();
        for (RoundResult pending : pendingReveals) {
            Round round = pending.round();
            if (!round.practice()) {
                continue;
            }
            UnconfirmedPosts.postAgainOrGiveUp(round.closesAt(), now, () -> reveal(pending),
                    () -> store.revealPosted(round.id()), "the answer to practice question " + round.id());
        }
        store.openRounds().stream().filter(Round::practice).forEach(this::scheduleClose);
    }

    /** Posts the answer (the same nonce every time, so Discord drops a repeat) and disables the buttons. */
    private void reveal(RoundResult result) {
        Round round = result.round();
        CompletableFuture<String> post = outbox.post(round.channelId(), QuizRenderer.practiceReveal(result),
                QuizNights.revealNonce(round));
        UnconfirmedPosts.settleWhenDone(post, () -> store.revealPosted(round.id()));
        post.whenComplete((id, error) -> {
            if (error != null) {
                log.warn("could not post the answer of practice question {}: {}", round.id(), error.toString());
            }
        });
        disableButtons(round);
    }

    private void scheduleClose(Round round) {
        timers.at(key(round.id()), round.closesAt().plus(timings.closeGrace()), "closing practice question " + round.id(),
                () -> closeOnTime(round.id()));
    }

    private void disableButtons(Round round) {
        if (round.messageId() != null) {
            outbox.edit(round.channelId(), round.messageId(), QuizRenderer.closedQuestion(round, "Quiz"))
                    .whenComplete((ok, error) -> {
                        if (error != null) {
                            log.debug("could not disable the buttons of practice question {}: {}", round.id(),
                                    error.toString());
                        }
                    });
        }
    }

    private static String key(long roundId) {
        return "practice:" + roundId;
    }
}

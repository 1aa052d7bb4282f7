package dev.lalaland.bot.quiz;

import dev.lalaland.bot.command.DeliveryException;
import dev.lalaland.bot.command.Invoker;
import dev.lalaland.bot.command.Outbox;
import dev.lalaland.bot.command.UserInputException;
import dev.lalaland.bot.render.Reply;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs quiz nights: asks each question as a channel message, closes it on the bot's clock, posts
 * the reveal, pauses, asks the next, and ends with the standings and podium. Each transition
 * (ask, close, end) holds the night's lock, so two of them never interleave; each also re-checks
 * the stored state, so a late or repeated timer does nothing. A channel that refuses the bot's
 * messages ends the night at once, so it is never stuck "in progress".
 */
final class QuizNights {
    private static final Logger log = LoggerFactory.getLogger(QuizNights.class);
    /** Transient delivery failures in a row after which a night gives up. */
    private static final int MAX_FAILED_POSTS = 3;

    private final QuizStore store;
    private final NightControlStore controls;
    private final QuestionBank bank;
    private final QuestionPicker picker;
    private final SeenHistory seen;
    /** The questions muted in a server, by server id. */
    private final Function<String, Set<String>> mutedIn;
    private final Outbox outbox;
    private final Timers timers;
    private final Clock clock;
    private final QuizTimings timings;
    private final TeamJoins joins;
    private final Map<Long, ReentrantLock> locks = new ConcurrentHashMap<>();
    private final Map<Long, Integer> failedPosts = new ConcurrentHashMap<>();

    QuizNights(QuizStore store, NightControlStore controls, QuestionBank bank, QuestionPicker picker, SeenHistory seen,
               Function<String, Set<String>> mutedIn, Outbox outbox, Timers timers, Clock clock, QuizTimings timings,
               TeamJoins joins) {
        this.store = store;
        this.controls = controls;
        this.bank = bank;
        this.picker = picker;
        this.seen = seen;
        this.mutedIn = mutedIn;
        this.outbox = outbox;
        this.timers = timers;
        this.clock = clock;
        this.timings = timings;
        this.joins = joins;
    }

    /** Starts a night in the invoker's channel; the reply announces it, the questions follow as messages. */
    Reply start(Invoker host, int questions, int seconds, String category, Difficulty difficulty, NightStyle style) {
        if (!host.inGuild()) {
            throw new UserInputException("Quiz nights run in a server channel, where everyone can play.");
        }
        Set<String> muted = mutedIn.apply(host.guildId());
        int available = (int) bank.matching(category, difficulty).stream().filter(q -> !muted.contains(q.id())).count();
        if (available == 0) {
            throw new UserInputException("No questions match that category and difficulty; try another, or leave them out.");
        }
        // No question may repeat within a night, so a narrow choice may shorten it.
        int count = Math.min(questions, available);
        String note = count < questions ? "Only " + available + " questions match, so tonight has " + count + "." : null;
        NightPlan plan = new NightPlan(host.guildId(), host.channelId(), host.userId(), host.displayName(), count,
                seconds, timings.roundLength(seconds), category, difficulty, style);
        Night night = store.startNight(plan, clock.instant()).orElseThrow(() -> alreadyRunning(host.channelId()));
        timers.after(key(night.id()), timings.firstQuestionDelay(), "asking the first question of night " + night.id(),
                () -> askNext(night.id()));
        joins.scheduleClose(night);
        return QuizRenderer.nightStarted(night, timings.firstQuestionDelay(), note, true);
    }

    /** Ends the channel's night now, if the invoker may; the final standings follow as a message. */
    Reply stop(Invoker who) {
        Night night = store.runningNight(who.channelId()).orElseThrow(() -> new UserInputException(
                "No quiz night is running in this channel. /quiz start hosts one."));
        return endByHost(night, who);
    }

    /**
     * A click on the host's control panel (the night's opening message). Only the host and
     * members with Manage Server may use it; everyone else gets a private refusal.
     */
    Reply control(Invoker who, long nightId, HostControl action) {
        Night night = store.night(nightId).filter(Night::running).orElseThrow(() -> new UserInputException(
                "This quiz night has ended; /quiz start hosts a new one."));
        if (!QuizRules.mayStop(night, who)) {
            throw new UserInputException("Only the host, " + QuizRenderer.name(night.hostName())
                    + ", or someone with Manage Server can use the quiz night's controls.");
        }
        if (action != HostControl.END && !store.owns(night.id())
                && !(action == HostControl.RESUME && store.takeOverPaused(night.id(), clock.instant()))) {
            // Its timers run in another process (one that stood in while this server's was down):
            // a pause or skip here could not stop them. A paused night has none under way, so
            // Resume takes it back.
            throw new UserInputException("Tonight's questions are being run from another of the bot's processes "
                    + "after a restart, so Pause and Skip are off until the night ends. End night "
                    + "and /quiz stop still work.");
        }
        return switch (action) {
            case PAUSE -> pause(night, who);
            case RESUME -> resume(night, who);
            case SKIP -> skip(night, who);
            case END -> endByHost(night, who);
        };
    }

    private Reply endByHost(Night night, Invoker who) {
        if (!QuizRules.mayStop(night, who)) {
            throw new UserInputException("Only the host, " + QuizRenderer.name(night.hostName())
                    + ", or someone with Manage Server can stop this quiz night.");
        }
        if (end(night.id(), Night.Status.STOPPED, true, null).isEmpty()) {
            throw new UserInputException("This quiz night has just ended by itself.");
        }
        return Reply.text("⏹️ Quiz night stopped by " + QuizRenderer.name(who.displayName())
                + ". Final standings coming up.");
    }

    /** Stops the countdown, keeping the open question's time left; a pause left too long ends the night. */
    private Reply pause(Night night, Invoker who) {
        return locked(night.id(), () -> {
            Instant now = clock.instant();
            Optional<Round> open = store.openRound(night.id());
            Duration left = open.map(r -> positive(Duration.between(now, r.closesAt()))).orElse(null);
            if (!controls.pause(night.id(), now, open.map(Round::id).orElse(null), left)) {
                throw new UserInputException("This quiz night is already paused: Resume carries on.");
            }
            timers.cancel(key(night.id()));
            NightPause pause = new NightPause(now, left);
            scheduleGiveUp(night.id(), pause);
            return QuizRenderer.paused(night, who.displayName(), open.map(Round::number).orElse(null), pause);
        });
    }

    private Reply resume(Night night, Invoker who) {
        return locked(night.id(), () -> {
            NightPause pause = controls.resume(night.id()).orElseThrow(() -> new UserInputException(
                    "This quiz night is not paused."));
            timers.cancel(key(night.id()));
            Optional<Round> open = store.openRound(night.id());
            if (open.isEmpty() || pause.questionLeft() == null) {
                timers.after(key(night.id()), timings.pause(), "continuing night " + night.id(),
                        () -> askNext(night.id()));
                return QuizRenderer.resumed(who.displayName(), null, null, timings.pause());
            }
            Round round = reopenWithTimeLeft(night, open.get(), pause.questionLeft());
            if (round.messageId() != null) {
                outbox.edit(night.channelId(), round.messageId(), QuizRenderer.nightQuestion(night, round, false))
                        .whenComplete((ok, error) -> {
                            if (error != null) {
                                log.debug("could not show the new deadline of round {}: {}", round.id(), error.toString());
                            }
                        });
            }
            return QuizRenderer.resumed(who.displayName(), round.number(), pause.questionLeft(), null);
        });
    }

    /**
     * Opens the question again for the time it had left; its opening moves by the pause, so the
     * speed bonus counts only the time the countdown ran.
     */
    private Round reopenWithTimeLeft(Night night, Round open, Duration left) {
        Instant closes = clock.instant().plus(left);
        store.reopen(open.id(), closes.minus(night.roundLength()), closes);
        Round round = store.round(open.id()).orElseThrow();
        scheduleClose(night, round);
        return round;
    }

    /** Closes the open question now (its answers so far count), or asks the next one now if none is open. */
    private Reply skip(Night night, Invoker who) {
        return locked(night.id(), () -> {
            if (controls.paused(night.id()).isPresent()) {
                throw new UserInputException("This quiz night is paused: Resume first, then skip.");
            }
            Optional<Round> open = store.openRound(night.id());
            String by = QuizRenderer.name(who.displayName());
            if (open.isEmpty()) {
                timers.cancel(key(night.id()));
                timers.now("asking the next question of night " + night.id() + " now", () -> askNext(night.id()));
                return Reply.text("⏭️ " + by + " skipped the wait: the next question is coming up.");
            }
            timers.cancel(key(night.id()));
            close(night.id(), open.get().id(), "⏭️ Skipped by " + by + ": answers given so far count.");
            return Reply.text("⏭️ " + by + " skipped question " + open.get().number() + ".");
        });
    }

    /**
     * Closes a question as soon as everyone playing has answered it (see
     * {@link NightControlStore#everyonePlayingAnswered}), so nobody waits out the countdown.
     */
    void closeIfEveryoneAnswered(long nightId, long roundId) {
        if (controls.everyonePlayingAnswered(nightId, roundId)) {
            withLock(nightId, () -> {
                if (controls.paused(nightId).isEmpty()) {
                    close(nightId, roundId, "👥 Everyone playing has answered, so it closed early.");
                }
            });
        }
    }

    private void scheduleGiveUp(long nightId, NightPause pause) {
        timers.at(key(nightId), pause.givesUpAt(), "ending night " + nightId + " after a long pause",
                () -> withLock(nightId, () -> {
                    if (controls.paused(nightId).filter(p -> p.pausedAt().equals(pause.pausedAt())).isPresent()) {
                        log.info("quiz night {} was paused for {} minutes; ending it", nightId,
                                NightPause.GIVE_UP_AFTER.toMinutes());
                        end(nightId, Night.Status.STOPPED, false, NightResult.PAUSED_TOO_LONG);
                    }
                }));
    }

    private static Duration positive(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }

    /**
     * After a restart, for the nights of this process's servers whose lease has run out (a
     * process that stopped cleanly gives its leases up): posts Discord did not confirm
     * ({@code pendingReveals}, the store's, and the final standings) are posted again (see
     * {@link UnconfirmedPosts}); an open question is asked again with a fresh deadline (answers
     * already given still count, and the old message's buttons still work); a night between
     * questions goes on with the next one. A night another process holds is left to it, and
     * taken over ({@link #takeOver}) if its lease runs out.
     */
    void resume(List<RoundResult> pendingReveals) {
        Instant now = clock.instant();
        Set<Long> taken = Set.copyOf(store.takeOverLapsed(now, Optional.empty()));
        for (long nightId : taken) {
            store.pendingEndPost(nightId).ifPresent(ended -> UnconfirmedPosts.postAgainOrGiveUp(ended.endedAt(), now,
                    () -> announceEnd(ended), () -> store.endPosted(nightId),
                    "quiz night " + nightId + ": its final standings"));
        }
        Map<Long, List<RoundResult>> unconfirmedReveals = pendingReveals.stream()
                .filter(r -> !r.round().practice())
                .collect(Collectors.groupingBy(r -> r.round().nightId()));
        List<Night> running = store.runningNights().stream().filter(n -> taken.contains(n.id())).toList();
        // A night that has ended showed its final standings instead.
        unconfirmedReveals.forEach((nightId, reveals) -> {
            if (store.runningNight(nightId).isEmpty()) {
                reveals.forEach(r -> store.revealPosted(r.round().id()));
            }
        });
        for (Night night : running) {
            joins.scheduleClose(night);
            withLock(night.id(), () -> {
                postUnconfirmedReveals(night, unconfirmedReveals.getOrDefault(night.id(), List.of()), now);
                Optional<NightPause> paused = controls.paused(night.id());
                if (paused.isPresent()) {
                    scheduleGiveUp(night.id(), paused.get());
                    return;
                }
                Optional<Round> open = store.openRound(night.id());
                if (open.isEmpty()) {
                    timers.after(key(night.id()), timings.pause(), "continuing night " + night.id(),
                            () -> askNext(night.id()));
                    return;
                }
                Instant closes = now.plus(night.roundLength());
                if (store.reopen(open.get().id(), now, closes)) {
                    log.info("resuming quiz night {} in channel {} at question {}", night.id(), night.channelId(),
                            open.get().number());
                    post(night, store.round(open.get().id()).orElseThrow(), true);
                }
            });
        }
    }

    private void postUnconfirmedReveals(Night night, List<RoundResult> reveals, Instant now) {
        for (RoundResult reveal : reveals) {
            UnconfirmedPosts.postAgainOrGiveUp(reveal.round().closesAt(), now, () -> reveal(night, reveal, reveal.closeNote()),
                    () -> store.revealPosted(reveal.round().id()),
                    "quiz night " + night.id() + ": the answer to question " + reveal.round().number());
        }
    }

    /**
     * Runs a night this process has just taken over, whose previous owner stopped renewing its
     * lease, from what the database says: its final standings if it ended and they are unconfirmed;
     * else its unconfirmed reveals, then the open question closes at its stored deadline (at once if
     * that has passed: the answers given count), or the next question comes after the usual pause.
     * The channel may be of a server this process has no connection for: its posts go by the
     * channel's id.
     */
    void takeOver(long nightId) {
        Instant now = clock.instant();
        Optional<NightResult> ended = store.pendingEndPost(nightId);
        if (ended.isPresent()) {
            log.info("took over quiz night {}: posting its final standings", nightId);
            UnconfirmedPosts.postAgainOrGiveUp(ended.get().endedAt(), now, () -> announceEnd(ended.get()),
                    () -> store.endPosted(nightId), "quiz night " + nightId + ": its final standings");
            return;
        }
        withLock(nightId, () -> {
            Optional<Night> running = store.runningNight(nightId);
            if (running.isEmpty()) {
                return;
            }
            Night night = running.get();
            joins.scheduleClose(night);
            Optional<Round> open = store.openRound(nightId);
            log.info("took over quiz night {} of server {} in channel {} at question {} of {}", nightId,
                    night.guildId(), night.channelId(), open.map(Round::number).orElse(store.roundsAsked(nightId)),
                    night.questionCount());
            postUnconfirmedReveals(night, store.pendingReveals(nightId), now);
            Optional<NightPause> paused = controls.paused(nightId);
            if (paused.isPresent()) {
                scheduleGiveUp(nightId, paused.get());
            } else if (open.isEmpty()) {
                timers.after(key(nightId), timings.pause(), "continuing night " + nightId, () -> askNext(nightId));
            } else if (open.get().messageId() != null) {
                scheduleClose(night, open.get());
            } else if (Outbox.mayPostAgain(open.get().opensAt(), now)) {
                // Its owner stopped while posting it: the same nonce, so Discord drops it if it arrived.
                post(night, open.get(), false);
            } else {
                Instant closes = now.plus(night.roundLength());
                if (store.reopen(open.get().id(), now, closes)) {
                    post(night, store.round(open.get().id()).orElseThrow(), true);
                }
            }
        });
    }

    /**
     * The night's lease is no longer this process's: it ended and its standings are out, or
     * another process took it over (a host ended it there, or this one failed to renew in time).
     * Its timers here would change nothing now.
     */
    void lost(long nightId) {
        timers.cancel(key(nightId));
        if (store.runningNight(nightId).isPresent()) {
            log.info("quiz night {} is now run by another process", nightId);
        }
    }

    void askNext(long nightId) {
        withLock(nightId, () -> {
            Optional<Night> found = store.night(nightId);
            if (found.isEmpty() || !found.get().running() || store.openRound(nightId).isPresent()) {
                return;
            }
            Night night = found.get();
            if (controls.paused(nightId).isPresent()) {
                return;
            }
            if (store.roundsAsked(nightId) >= night.questionCount()) {
                end(nightId, Night.Status.FINISHED);
                return;
            }
            String scope = QuizStore.seenScope(night.guildId(), night.channelId());
            Optional<Question> next = picker.next(bank.ordinalsMatching(night.category(), night.difficulty()),
                    store.questionsAsked(nightId), mutedIn.apply(night.guildId()), seen.lastSeen(scope));
            if (next.isEmpty()) {
                end(nightId, Night.Status.FINISHED);
                return;
            }
            Instant now = clock.instant();
            store.askInNight(nightId, next.get(), now, now.plus(night.roundLength()))
                    .ifPresent(round -> {
                        seen.record(scope, round.question(), round.opensAt());
                        post(night, round, false);
                    });
        });
    }

    void close(long nightId, long roundId) {
        withLock(nightId, () -> {
            // A timer that was already waiting for the lock when the night was paused.
            if (controls.paused(nightId).isEmpty()) {
                close(nightId, roundId, null);
            }
        });
    }

    /** Closes, scores and reveals a question; {@code note} (or null) says why it closed before its time. */
    private void close(long nightId, long roundId, String note) {
        withLock(nightId, () -> store.closeRound(roundId, note).ifPresent(result -> {
            timers.cancel(key(nightId));
            Night night = store.night(nightId).orElseThrow();
            Round round = result.round();
            reveal(night, result, note);
            if (round.number() >= night.questionCount()) {
                timers.after(key(nightId), timings.pause(), "ending night " + nightId,
                        () -> end(nightId, Night.Status.FINISHED));
            } else {
                timers.after(key(nightId), timings.pause(), "asking the next question of night " + nightId,
                        () -> askNext(nightId));
            }
        }));
    }

    /** Posts the answer and the standings (the same nonce every time, so Discord drops a repeat). */
    private void reveal(Night night, RoundResult result, String note) {
        Round round = result.round();
        CompletableFuture<String> post = outbox.post(night.channelId(),
                QuizRenderer.nightReveal(night, result, timings.pause(), note), revealNonce(round));
        UnconfirmedPosts.settleWhenDone(post, () -> store.revealPosted(round.id()));
        deliver(night, post, id -> { });
        disableButtons(night, round);
    }

    /** Posts a question, remembers its message and schedules its closing. */
    private void post(Night night, Round round, boolean askedAgain) {
        scheduleClose(night, round);
        deliver(night, outbox.post(night.channelId(), QuizRenderer.nightQuestion(night, round, askedAgain),
                questionNonce(round)), messageId -> store.setMessageId(round.id(), messageId));
    }

    private void scheduleClose(Night night, Round round) {
        timers.at(key(night.id()), round.closesAt().plus(timings.closeGrace()),
                "closing question " + round.number() + " of night " + night.id(), () -> close(night.id(), round.id()));
    }

    /*
     * Nonces let Discord drop a repeat of a message that a retry after an unclear failure would
     * post twice. A question asked again after a restart is a new message, so its opening is part
     * of its nonce, to the millisecond: a restart within the same second must not be dropped as a
     * repeat. All stay within Discord's 25 characters (base 36 keeps the time to 8).
     */
    static String questionNonce(Round round) {
        return "q" + round.id() + "." + Long.toString(round.opensAt().toEpochMilli(), Character.MAX_RADIX);
    }

    static String revealNonce(Round round) {
        return "a" + round.id();
    }

    private static String endNonce(long nightId) {
        return "n" + nightId;
    }

    /**
     * Ends a night in the store (scoring its open question, crediting the leaderboard) and then
     * posts the final standings from the executor, so drawing the podium never holds up a command.
     */
    private Optional<NightResult> end(long nightId, Night.Status how) {
        return end(nightId, how, false, null);
    }

    /**
     * {@code byHost}: a host's command, in whichever process it reached, rather than this process's timer;
     * {@code reason}: why the night ended itself, kept for its final post (null otherwise).
     */
    private Optional<NightResult> end(long nightId, Night.Status how, boolean byHost, String reason) {
        return locked(nightId, () -> {
            Optional<Round> open = store.openRound(nightId);
            Optional<NightResult> result = byHost ? store.endNightByHost(nightId, how, clock.instant())
                    : store.endNight(nightId, how, reason, clock.instant());
            timers.cancel(key(nightId));
            failedPosts.remove(nightId);
            result.ifPresent(r -> {
                log.info("quiz night {} in channel {} ended: {} after {} questions", nightId, r.night().channelId(),
                        how, r.questionsAsked());
                if (how != Night.Status.FAILED) {
                    open.ifPresent(round -> disableButtons(r.night(), store.round(round.id()).orElse(round)));
                    announceEnd(r);
                }
            });
            return result;
        });
    }

    /** Posts the final standings (the same nonce every time, so Discord drops a repeat). */
    private void announceEnd(NightResult result) {
        long nightId = result.night().id();
        timers.now("announcing the end of night " + nightId, () -> {
            CompletableFuture<String> post = outbox.post(result.night().channelId(), QuizRenderer.nightOver(result),
                    endNonce(nightId));
            UnconfirmedPosts.settleWhenDone(post, () -> store.endPosted(nightId));
            post.whenComplete((id, error) -> {
                if (error != null) {
                    log.warn("could not post the final standings of night {}: {}", nightId, cause(error).toString());
                }
            });
        });
    }

    private void disableButtons(Night night, Round round) {
        if (round.messageId() != null) {
            outbox.edit(night.channelId(), round.messageId(), QuizRenderer.closedQuestion(round,
                    "Question " + round.number() + " of " + night.questionCount()))
                    .whenComplete((ok, error) -> {
                        if (error != null) {
                            log.debug("could not disable the buttons of round {}: {}", round.id(), error.toString());
                        }
                    });
        }
    }

    /**
     * Watches a post: a permanent refusal (no access, no permission, channel gone) ends the night
     * at once; transient failures end it after {@link #MAX_FAILED_POSTS} in a row.
     */
    private <T> void deliver(Night night, CompletableFuture<T> post, Consumer<T> onDelivered) {
        post.whenComplete((value, error) -> {
            if (error == null) {
                failedPosts.remove(night.id());
                try {
                    onDelivered.accept(value);
                } catch (RuntimeException e) {
                    log.warn("quiz night {}: could not record a delivered message: {}", night.id(), e.toString());
                }
                return;
            }
            Throwable cause = cause(error);
            boolean permanent = DeliveryException.isPermanent(cause);
            int failures = failedPosts.merge(night.id(), 1, Integer::sum);
            if (permanent || failures >= MAX_FAILED_POSTS) {
                log.warn("quiz night {}: channel {} refuses the bot's messages ({}); ending the night", night.id(),
                        night.channelId(), cause.getMessage());
                timers.now("ending night " + night.id() + " after a refused message",
                        () -> end(night.id(), Night.Status.FAILED));
            } else {
                log.warn("quiz night {}: a message to channel {} failed ({}); carrying on", night.id(),
                        night.channelId(), cause.getMessage());
            }
        });
    }

    private UserInputException alreadyRunning(String channelId) {
        String host = store.runningNight(channelId).map(n -> " (hosted by " + QuizRenderer.name(n.hostName()) + ")")
                .orElse("");
        return new UserInputException("A quiz night is already running in this channel" + host + ". It ends after "
                + "its last question; its host or anyone with Manage Server can end it now with /quiz stop.");
    }

    private void withLock(long nightId, Runnable work) {
        locked(nightId, () -> {
            work.run();
            return null;
        });
    }

    /** Runs a transition of the night holding its lock (reentrant: an ask may end the night). */
    private <T> T locked(long nightId, Supplier<T> work) {
        ReentrantLock lock = locks.computeIfAbsent(nightId, id -> new ReentrantLock());
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    private static Throwable cause(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }

    private static String key(long nightId) {
        return "night:" + nightId;
    }
}

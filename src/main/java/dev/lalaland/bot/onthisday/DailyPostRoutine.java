package dev.lalaland.bot.onthisday;

import dev.lalaland.bot.command.DeliveryException;
import dev.lalaland.bot.command.Outbox;
import dev.lalaland.bot.onthisday.DailyPostSchedule.Decision;
import dev.lalaland.bot.onthisday.DailyPostStore.DuePost;
import dev.lalaland.bot.onthisday.DailyPostStore.Plan;
import dev.lalaland.bot.onthisday.DailyPostStore.ReadyPost;
import dev.lalaland.bot.routine.Routine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends every server's daily post: a {@link Routine} whose every run is one pass:
 * <ol>
 *   <li>claims the posts that have come due (an index range scan on the next due instant), in
 *       the same transaction that moves each server's next post on: a claimed date is never
 *       claimed again, so no restart or retry can post it twice;</li>
 *   <li>sends claimed posts as fast as the {@link PostPacer} allows, with at most
 *       {@code maxInFlight} waiting for Discord;</li>
 *   <li>sleeps until the next post or retry is due, at most the poll interval.</li>
 * </ol>
 *
 * <p>Delivery is at most once per server and local date. A post is marked {@code sending}
 * before it is handed to Discord; if the bot dies before hearing back, the next start sends it
 * again with the same nonce if that was a moment ago (Discord drops a repeat it saw in the last
 * few minutes), and otherwise marks it {@code unknown} and does not send it again, because it
 * may have gone out: a missed post is better than a double one. Passing failures are retried a
 * few times the same local day with the same nonce, so Discord itself drops a repeat of a
 * message it did receive. A permanent refusal (missing access or permissions, unknown channel)
 * turns the server's post off with the reason kept, logged once, and never retried. The
 * {@link Outbox} checks the bot's permissions in its cache before any request (JDA does), so a
 * channel the bot lost access to is normally refused without a failed request counting towards
 * Discord's invalid-request limit.
 */
public final class DailyPostRoutine implements Routine {
    private static final Logger log = LoggerFactory.getLogger(DailyPostRoutine.class);

    /** Waits before the 2nd, 3rd and 4th attempt after passing failures; then the day's post is given up. */
    static final List<Duration> RETRY_BACKOFF = List.of(Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofMinutes(5));
    private static final int CLAIM_BATCH = 500;
    private static final int MAX_CLAIM_BATCHES_PER_PASS = 20;
    private static final Duration IN_FLIGHT_WAIT = Duration.ofMillis(100);
    private static final Duration MIN_PAUSE = Duration.ofMillis(5);
    /** Claims older than this can no longer matter (a local date is at most ~26 h from UTC). */
    private static final int KEEP_CLAIMS_DAYS = 7;

    /**
     * @param pollInterval the longest sleep between passes (at most 30 s); passes also wake for
     *                     the next due post, so posts go out on time whatever this is
     */
    public record Options(Duration pollInterval, double postsPerSecond, int burst, int maxInFlight) {
        public Options {
            if (pollInterval.isNegative() || pollInterval.isZero() || pollInterval.compareTo(Duration.ofSeconds(30)) > 0) {
                throw new IllegalArgumentException("poll interval must be in (0, 30 s]: " + pollInterval);
            }
            if (maxInFlight < 1) {
                throw new IllegalArgumentException("maxInFlight must be at least 1");
            }
        }

        public static Options defaults() {
            return new Options(Duration.ofSeconds(30), PostPacer.DEFAULT_PER_SECOND, PostPacer.DEFAULT_BURST, 20);
        }

        public Options withPollInterval(Duration interval) {
            return new Options(interval, postsPerSecond, burst, maxInFlight);
        }

        public Options withRate(double perSecond, int burstSize) {
            return new Options(pollInterval, perSecond, burstSize, maxInFlight);
        }
    }

    private final DailyPostStore store;
    private final DailyPostComposer composer;
    private final Outbox outbox;
    private final Clock clock;
    private final Options options;
    private final PostPacer pacer;
    /** Posts handed to Discord and not yet settled; {@link #stop} waits for them. */
    private final Set<CompletableFuture<?>> inFlight = ConcurrentHashMap.newKeySet();
    /** Only read and written by passes, which the runner never runs two at once. */
    private LocalDate lastHousekeeping;

    /**
     * @param clock for the pacer and for settling posts, which happens on Discord's callback
     *              threads; passes take their time from the runner
     */
    public DailyPostRoutine(DailyPostStore store, DailyPostComposer composer, Outbox outbox, Clock clock,
                            Options options) {
        this.store = store;
        this.composer = composer;
        this.outbox = outbox;
        this.clock = clock;
        this.options = options;
        this.pacer = new PostPacer(clock, options.postsPerSecond(), options.burst());
    }

    @Override
    public String name() {
        return "daily post";
    }

    @Override
    public void start(Instant now) {
        recoverInterruptedPosts(now);
    }

    /**
     * Start-up: posts the last run handed to Discord without hearing back are sent again with
     * their nonce if that was a moment ago, else never (see {@link DailyPostStore#recoverInFlight}).
     */
    void recoverInterruptedPosts(Instant now) {
        DailyPostStore.InFlight interrupted = store.recoverInFlight(now);
        if (interrupted.sentAgain() > 0) {
            log.info("{} daily post(s) were being sent when the bot stopped a moment ago; sending them again, "
                    + "with the same nonce so Discord drops any that arrived", interrupted.sentAgain());
        }
        if (interrupted.abandoned() > 0) {
            log.warn("{} daily post(s) were being sent when the bot last stopped; they may have gone out, "
                    + "so they are not sent again", interrupted.abandoned());
        }
    }

    @Override
    public Optional<Instant> runOnce(Instant now) {
        return Optional.of(now.plus(pass(now)));
    }

    /** A failed pass (database busy, bad row) must not end the chain: the next one retries. */
    @Override
    public Optional<Instant> afterFailure(Instant now) {
        return Optional.of(now.plus(options.pollInterval()));
    }

    /**
     * Called once passes have stopped: waits briefly for posts already handed to Discord, so they
     * are recorded as sent rather than found {@code unknown} at the next start.
     */
    @Override
    public void stop(Duration within) {
        try {
            CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new))
                    .get(Math.max(1, within.toMillis()), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // Settling records each outcome itself; what is left is counted below.
        }
        int unconfirmed = inFlight.size();
        if (unconfirmed > 0) {
            log.info("stopping with {} daily post(s) unconfirmed; they will not be sent again", unconfirmed);
        }
    }

    /**
     * One pass: claim what is due, send what the pacer allows. Returns how long to pause before
     * the next pass. Package-private so tests can drive passes with a virtual clock.
     */
    Duration pass(Instant now) {
        housekeeping(now);
        claimDue(now);
        if (sendReady(now)) {
            return inFlight.size() >= options.maxInFlight() ? IN_FLIGHT_WAIT : max(pacer.untilNextPermit(), MIN_PAUSE);
        }
        Duration untilWork = store.nextWork().map(t -> Duration.between(now, t)).orElse(options.pollInterval());
        return max(min(untilWork, options.pollInterval()), MIN_PAUSE);
    }

    /** Claims the due servers' posts and moves their next post on; returns how many were claimed. */
    int claimDue(Instant now) {
        int claimed = 0;
        int missed = 0;
        for (int batch = 0; batch < MAX_CLAIM_BATCHES_PER_PASS; batch++) {
            List<DuePost> due = store.due(now, CLAIM_BATCH);
            List<Plan> plans = new ArrayList<>(due.size());
            for (DuePost d : due) {
                Decision decision = DailyPostSchedule.decide(d.localDate(), d.time(), d.zone(), now);
                if (!decision.postNow() && d.localDate().isBefore(now.atZone(d.zone()).toLocalDate())) {
                    missed++;
                }
                plans.add(new Plan(d, decision));
            }
            claimed += plans.isEmpty() ? 0 : store.apply(plans, now);
            if (due.size() < CLAIM_BATCH) {
                break;
            }
        }
        if (claimed > 0) {
            log.info("daily post: {} claimed", claimed);
        }
        if (missed > 0) {
            log.info("daily post: {} skipped, their local day ended while the bot was down", missed);
        }
        return claimed;
    }

    /** Sends claimed posts while permits last; returns true if some are still waiting. */
    private boolean sendReady(Instant now) {
        int room = Math.min(options.maxInFlight() - inFlight.size(), pacer.available());
        List<ReadyPost> ready = store.ready(now, Math.max(room, 0) + 1);
        for (ReadyPost post : ready) {
            if (!dispatch(post, now)) {
                return true;
            }
        }
        return ready.size() > room;
    }

    /** Handles one claimed post. Returns false if it must wait for a permit or a free slot. */
    private boolean dispatch(ReadyPost post, Instant now) {
        if (!post.postOn()) {
            store.finish(post.guildId(), post.localDate(), PostStatus.CANCELLED, "turned off before it was sent");
            return true;
        }
        if (!DailyPostSchedule.stillToday(post.localDate(), post.zone(), now)) {
            store.finish(post.guildId(), post.localDate(), PostStatus.EXPIRED, null);
            log.info("daily post for {} on {} expired: its local day ended before it could go out",
                    post.guildId(), post.localDate());
            return true;
        }
        if (inFlight.size() >= options.maxInFlight() || !pacer.tryAcquire()) {
            return false;
        }
        DailyPostComposer.Composed composed = composer.compose(post.guildId(), post.localDate(), post.factId());
        if (composed.factId() != null && !composed.factId().equals(post.factId())) {
            store.rememberFact(post.guildId(), post.localDate(), composed.factId());
        }
        if (!store.markSending(post.guildId(), post.localDate(), now)) {
            return true;
        }
        CompletableFuture<String> sent;
        try {
            sent = outbox.post(post.channelId(), composed.reply(), post.nonce());
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        // Counted in flight until its outcome is recorded, not just until Discord answers.
        CompletableFuture<Void> settled = new CompletableFuture<>();
        inFlight.add(settled);
        sent.whenComplete((messageId, error) -> {
            try {
                settle(post, messageId, error);
            } catch (RuntimeException e) {
                log.error("could not record the outcome of the daily post for {} on {}", post.guildId(),
                        post.localDate(), e);
            } finally {
                inFlight.remove(settled);
                settled.complete(null);
            }
        });
        return true;
    }

    private void settle(ReadyPost post, String messageId, Throwable error) {
        if (error == null) {
            store.markSent(post.guildId(), post.localDate(), messageId);
            return;
        }
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof DeliveryException refused && refused.permanent()) {
            refuse(post, refused.getMessage(), clock.instant());
            return;
        }
        int attempts = post.attempts() + 1;
        String reason = String.valueOf(cause.getMessage());
        if (attempts > RETRY_BACKOFF.size()) {
            store.finish(post.guildId(), post.localDate(), PostStatus.FAILED, reason);
            log.warn("daily post for {} on {} failed {} times, giving up for today: {}", post.guildId(),
                    post.localDate(), attempts, reason);
            return;
        }
        Duration wait = RETRY_BACKOFF.get(attempts - 1);
        store.retryAt(post.guildId(), post.localDate(), clock.instant().plus(wait), reason);
        log.info("daily post for {} on {} failed ({}), retrying in {} s", post.guildId(), post.localDate(), reason,
                wait.toSeconds());
    }

    private void refuse(ReadyPost post, String why, Instant now) {
        String reason = "On " + post.localDate() + " I could not post in <#" + post.channelId() + ">: " + why;
        store.refuse(post.guildId(), post.localDate(), reason, now);
        log.warn("daily post turned off for server {}: {}", post.guildId(), reason);
    }

    private void housekeeping(Instant now) {
        LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
        if (!today.equals(lastHousekeeping)) {
            lastHousekeeping = today;
            store.forgetBefore(today.minusDays(KEEP_CLAIMS_DAYS));
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}

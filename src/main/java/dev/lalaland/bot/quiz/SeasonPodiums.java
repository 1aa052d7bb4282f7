package dev.lalaland.bot.quiz;

import dev.lalaland.bot.command.DeliveryException;
import dev.lalaland.bot.command.Outbox;
import dev.lalaland.bot.routine.Routine;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts each server's final podium when a week or a month ends (in the server's time zone), in
 * the channel of its latest quiz night, once: the podium is claimed in the database before it is
 * sent, so no restart, retry or second process posts it twice.
 *
 * <ul>
 *   <li>Nobody scored in the period: nothing is posted.</li>
 *   <li>A night that started before the period's end is still running: the podium waits for it, so
 *       its points count.</li>
 *   <li>The bot was down at the end of the period: the podium is posted when it is back, if that
 *       is within {@link #POST_LATE_WITHIN} of the end; after that it is skipped.</li>
 *   <li>The bot stopped before Discord confirmed a podium: it is sent again, with the same nonce,
 *       if that was a moment ago ({@link Outbox#mayPostAgain}); otherwise it may have gone out and
 *       is not sent again. A passing failure is not retried either: a missed podium is better than
 *       a double one.</li>
 * </ul>
 */
final class SeasonPodiums implements Routine {
    private static final Logger log = LoggerFactory.getLogger(SeasonPodiums.class);
    /** A podium is posted at most this long after its period ended (when the bot was down at the time). */
    static final Duration POST_LATE_WITHIN = Duration.ofHours(24);
    /** Servers whose last night started longer ago than this cannot have points in a period that just ended. */
    private static final Duration LOOK_BACK = Duration.ofDays(33);

    private final QuizStore quiz;
    private final PodiumStore podiums;
    private final Function<String, ZoneId> serverZone;
    private final Outbox outbox;
    private final Duration pollInterval;
    private final Set<CompletableFuture<?>> inFlight = ConcurrentHashMap.newKeySet();

    SeasonPodiums(QuizStore quiz, PodiumStore podiums, Function<String, ZoneId> serverZone, Outbox outbox,
                  Duration pollInterval) {
        this.quiz = quiz;
        this.podiums = podiums;
        this.serverZone = serverZone;
        this.outbox = outbox;
        this.pollInterval = pollInterval;
    }

    @Override
    public String name() {
        return "quiz podiums";
    }

    /** Podiums the last run handed to Discord without hearing back: again with their nonce if that was a moment ago. */
    @Override
    public void start(Instant now) {
        for (PodiumStore.Claim claim : podiums.sending()) {
            UnconfirmedPosts.postAgainOrGiveUp(claim.claimedAt(), now, () -> send(claim),
                    () -> podiums.settle(claim, "unknown", null),
                    "the " + claim.period().id + " podium of " + claim.start() + " in server " + claim.guildId());
        }
    }

    @Override
    public Optional<Instant> runOnce(Instant now) {
        for (String guild : podiums.serversWithNightsSince(now.minus(LOOK_BACK))) {
            ZoneId zone = serverZone.apply(guild);
            for (Period period : Period.calendar()) {
                postIfDue(guild, period.lastEnded(now, zone), now);
            }
        }
        return Optional.of(now.plus(pollInterval));
    }

    @Override
    public Optional<Instant> afterFailure(Instant now) {
        return Optional.of(now.plus(pollInterval));
    }

    /** Waits briefly for podiums handed to Discord, so they are recorded as sent rather than found unconfirmed. */
    @Override
    public void stop(Duration within) {
        try {
            CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new))
                    .get(Math.max(1, within.toMillis()), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // Each outcome is recorded as it comes; what is left is found at the next start.
        }
    }

    private void postIfDue(String guild, Period.Window ended, Instant now) {
        if (now.isAfter(ended.to().plus(POST_LATE_WITHIN)) || podiums.claimed(guild, ended.period(), ended.start())
                || podiums.nightRunningFrom(guild, ended.to())) {
            return;
        }
        QuizStore.Board board = quiz.board(guild, ended, QuizCommand.LEADERBOARD_SIZE, null);
        Optional<String> channel = board.top().isEmpty() ? Optional.empty() : podiums.lastNightChannel(guild);
        String nonce = nonce(guild, ended.period(), ended.start());
        if (!podiums.claim(guild, ended.period(), ended.start(), channel.orElse(null), nonce, now)) {
            return;
        }
        if (channel.isEmpty()) {
            log.debug("no {} podium for {} in server {}: nobody scored", ended.period().id, ended.start(), guild);
            return;
        }
        log.info("posting the {} podium of {} in server {}", ended.period().id, ended.start(), guild);
        send(new PodiumStore.Claim(guild, ended.period(), ended.start(), channel.get(), nonce, now), board, ended);
    }

    /** Sends a claimed podium again, rebuilt from the stored answers (the period and its nights are over). */
    private void send(PodiumStore.Claim claim) {
        ZoneId zone = serverZone.apply(claim.guildId());
        Period.Window window = new Period.Window(claim.period(), claim.start(), zone);
        send(claim, quiz.board(claim.guildId(), window, QuizCommand.LEADERBOARD_SIZE, null), window);
    }

    private void send(PodiumStore.Claim claim, QuizStore.Board board, Period.Window window) {
        CompletableFuture<String> post;
        try {
            post = outbox.post(claim.channelId(), QuizRenderer.periodPodium(window, board), claim.nonce());
        } catch (RuntimeException e) {
            post = CompletableFuture.failedFuture(e);
        }
        CompletableFuture<Void> settled = new CompletableFuture<>();
        inFlight.add(settled);
        post.whenComplete((messageId, error) -> {
            try {
                if (error == null) {
                    podiums.settle(claim, "sent", messageId);
                    return;
                }
                Throwable cause = error instanceof CompletionException && error.getCause() != null
                        ? error.getCause() : error;
                boolean refused = DeliveryException.isPermanent(cause);
                podiums.settle(claim, refused ? "refused" : "unknown", null);
                log.warn("the {} podium of {} in server {} was not posted ({}); it is not sent again",
                        claim.period().id, claim.start(), claim.guildId(), cause.toString());
            } catch (RuntimeException e) {
                log.error("could not record the outcome of the {} podium of {} in server {}", claim.period().id,
                        claim.start(), claim.guildId(), e);
            } finally {
                inFlight.remove(settled);
                settled.complete(null);
            }
        });
    }

    /** The nonce Discord gets with every attempt of one podium (at most 25 characters). */
    static String nonce(String guildId, Period period, LocalDate start) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(("podium/" + guildId + "/" + period.id + "/" + start).getBytes(StandardCharsets.UTF_8));
            long bits = 0;
            for (int i = 0; i < 8; i++) {
                bits = (bits << 8) | (hash[i] & 0xFF);
            }
            return "pod" + Long.toUnsignedString(bits, 36);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package dev.lalaland.bot.quiz;

import dev.lalaland.bot.command.Invoker;
import java.time.Duration;
import java.time.Instant;

/** The rules of play that are not scoring: option ranges, who may stop a night, when an answer counts. */
public final class QuizRules {
    public static final int MIN_QUESTIONS = 1;
    public static final int MAX_QUESTIONS = 50;
    public static final int DEFAULT_QUESTIONS = 10;
    public static final int MIN_SECONDS = 10;
    public static final int MAX_SECONDS = 120;
    public static final int DEFAULT_SECONDS = 20;

    /**
     * Discord drops a message whose nonce the bot used "in the past few minutes" (the
     * {@code enforce_nonce} rule); two minutes stays safely inside that.
     */
    static final Duration REPEATS_DROPPED_WITHIN = Duration.ofMinutes(2);

    private QuizRules() {
    }

    /** Whether an answer given at {@code at} (by the bot's clock) counts. */
    public static Verdict judge(boolean open, Instant closesAt, Instant at) {
        if (!open) {
            return Verdict.CLOSED;
        }
        return at.isAfter(closesAt) ? Verdict.TIMES_UP : Verdict.ACCEPTED;
    }

    /**
     * Whether a post Discord never confirmed (a reveal, a night's final standings), first tried at
     * {@code firstTried}, is posted again after a restart. The first try may have gone through, so
     * only while Discord would drop the repeat: a post missed is better than one shown twice.
     */
    public static boolean mayPostAgain(Instant firstTried, Instant now) {
        return !now.isAfter(firstTried.plus(REPEATS_DROPPED_WITHIN));
    }

    /** The host may stop their own night; anyone with Manage Server may stop any night. */
    public static boolean mayStop(Night night, Invoker who) {
        return who.canManageServer() || night.hostId().equals(who.userId());
    }

    public enum Verdict { ACCEPTED, TIMES_UP, CLOSED }
}

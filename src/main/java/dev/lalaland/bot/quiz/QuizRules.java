package dev.lalaland.bot.quiz;

import dev.lalaland.bot.command.Invoker;
import java.time.Instant;

/** The rules of play that are not scoring: option ranges, who may stop a night, when an answer counts. */
public final class QuizRules {
    public static final int MIN_QUESTIONS = 1;
    public static final int MAX_QUESTIONS = 50;
    public static final int DEFAULT_QUESTIONS = 10;
    public static final int MIN_SECONDS = 10;
    public static final int MAX_SECONDS = 120;
    public static final int DEFAULT_SECONDS = 20;

    private QuizRules() {
    }

    /** Whether an answer given at {@code at} (by the bot's clock) counts. */
    public static Verdict judge(boolean open, Instant closesAt, Instant at) {
        if (!open) {
            return Verdict.CLOSED;
        }
        return at.isAfter(closesAt) ? Verdict.TIMES_UP : Verdict.ACCEPTED;
    }

    /** The host may stop their own night; anyone with Manage Server may stop any night. */
    public static boolean mayStop(Night night, Invoker who) {
        return who.canManageServer() || night.hostId().equals(who.userId());
    }

    public enum Verdict { ACCEPTED, TIMES_UP, CLOSED }
}

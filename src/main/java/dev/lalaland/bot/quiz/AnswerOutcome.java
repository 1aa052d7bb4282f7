package dev.lalaland.bot.quiz;

/**
 * What became of a click on an answer button. {@code choice} is the choice that counts for this
 * player: the one just recorded, or the earlier one when they had already answered.
 */
public record AnswerOutcome(Kind kind, Round round, int choice, int answersSoFar) {

    public enum Kind { RECORDED, ALREADY_ANSWERED, TIMES_UP, CLOSED, UNKNOWN_QUESTION }

    static AnswerOutcome unknown() {
        return new AnswerOutcome(Kind.UNKNOWN_QUESTION, null, -1, 0);
    }
}

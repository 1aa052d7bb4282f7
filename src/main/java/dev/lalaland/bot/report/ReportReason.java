package dev.lalaland.bot.report;

import java.util.Arrays;
import java.util.Optional;

/** Why a player reports a question. {@code id} is stored and is what the form sends back. */
public enum ReportReason {
    WRONG_ANSWER("wrong-answer", "Wrong answer", "The answer given as right is wrong"),
    TWO_RIGHT_ANSWERS("two-right-answers", "Two right answers", "Another choice is right too"),
    UNCLEAR("unclear", "Unclear", "The question does not say clearly what it asks"),
    TYPO("typo", "Typo", "A spelling or wording mistake");

    private final String id;
    private final String label;
    private final String description;

    ReportReason(String id, String label, String description) {
        this.id = id;
        this.label = label;
        this.description = description;
    }

    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    public static Optional<ReportReason> of(String id) {
        return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst();
    }
}

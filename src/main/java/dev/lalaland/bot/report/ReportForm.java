package dev.lalaland.bot.report;

import dev.lalaland.bot.command.FormSubmit;
import dev.lalaland.bot.command.UserInputException;
import dev.lalaland.bot.render.Modal;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The form behind a question's Report button: a reason to pick and an optional note. Reading it
 * back checks everything again, since a submitted form can be forged: an unknown reason is
 * refused, a note longer than the form allows is cut, and control characters are dropped.
 */
final class ReportForm {
    static final String REASON = "reason";
    static final String NOTE = "note";
    /** Enough for "which choice is also right, and the source that says so"; Discord would allow 4,000. */
    static final int NOTE_MAX = 1000;
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n]]+");

    /** What a player filled in; {@code note} null when none, {@code noteCut} when it was longer than allowed. */
    record Filled(ReportReason reason, String note, boolean noteCut) {
    }

    private ReportForm() {
    }

    static Modal modal(String formId) {
        List<Modal.Option> options = Arrays.stream(ReportReason.values())
                .map(r -> new Modal.Option(r.id(), r.label(), r.description()))
                .toList();
        return new Modal(formId, "Report this question", List.of(
                new Modal.Select(REASON, "What is wrong with it?", options, true),
                new Modal.Text(NOTE, "Note (optional): what should it say?", true, NOTE_MAX, false,
                        "e.g. August 2016 is right too: the festival ran from 31 August")));
    }

    static Filled read(FormSubmit form) {
        String reasonId = form.value(REASON).orElseThrow(() -> new UserInputException(
                "Pick a reason for the report: " + reasonIds() + "."));
        ReportReason reason = ReportReason.of(reasonId.strip()).orElseThrow(() -> new UserInputException(
                "The reason must be one of: " + reasonIds() + "."));
        String note = form.value(NOTE).map(n -> CONTROL.matcher(n).replaceAll(" ").strip()).orElse("");
        if (note.isEmpty()) {
            return new Filled(reason, null, false);
        }
        if (note.length() <= NOTE_MAX) {
            return new Filled(reason, note, false);
        }
        // Never half an emoji: a cut between the two halves of a surrogate pair leaves garbage.
        int end = Character.isHighSurrogate(note.charAt(NOTE_MAX - 1)) ? NOTE_MAX - 1 : NOTE_MAX;
        return new Filled(reason, note.substring(0, end), true);
    }

    static String reasonIds() {
        return String.join(", ", Arrays.stream(ReportReason.values()).map(ReportReason::id).toList());
    }
}

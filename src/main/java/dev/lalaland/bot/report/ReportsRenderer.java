package dev.lalaland.bot.report;

import dev.lalaland.bot.render.Button;
import dev.lalaland.bot.render.DiscordLimits;
import dev.lalaland.bot.render.Embed;
import dev.lalaland.bot.render.Palette;
import dev.lalaland.bot.render.Reply;
import dev.lalaland.bot.render.UserText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The replies of the report feature, as {@link Reply} values with no Discord types. Notes are
 * players' text: always shown as code spans ({@link UserText#quoted}), so they can neither ping
 * nor format. The list fits Discord's limits by construction: at most {@link #LISTED} questions,
 * each a field of at most about 550 characters (question and notes cut short), so all of them stay
 * under the 6,000 an embed may have, and one mute button each (two rows of five).
 */
final class ReportsRenderer {
    static final int LISTED = 10;
    static final int NOTES_EACH = 2;
    private static final int QUESTION_SHOWN = 140;
    private static final int NOTE_SHOWN = 90;

    /** A reported question and its text, when the question bank still has it. */
    record Listed(ReportedQuestion question, Optional<String> text) {
    }

    private ReportsRenderer() {
    }

    /** The Report button under an answer reveal. */
    static Button reportButton(String questionId) {
        return new Button(ReportButtons.formId(questionId), "Report", Button.Style.SECONDARY, false);
    }

    static Reply list(List<Listed> listed, int reportedInAll) {
        if (listed.isEmpty()) {
            return Reply.privateText("No question has been reported in this server. Players report one with "
                    + "the Report button under its answer.");
        }
        Embed.Builder embed = Embed.builder("Reported questions")
                .description("Most reported first. A muted question is not asked in this server again, "
                        + "in practice or in a quiz night; unmute it to bring it back.")
                .color(Palette.NIGHT_BLUE)
                .footer(reportedInAll > listed.size()
                        ? "The " + listed.size() + " most reported of " + reportedInAll + " reported questions."
                        : reportedInAll + " reported question" + (reportedInAll == 1 ? "" : "s") + ".");
        List<Button> buttons = new ArrayList<>();
        for (int i = 0; i < listed.size(); i++) {
            Listed l = listed.get(i);
            ReportedQuestion q = l.question();
            embed.field(heading(i + 1, q), details(l));
            buttons.add(q.muted()
                    ? new Button(MuteButtons.unmuteId(q.questionId()), "Unmute " + (i + 1), Button.Style.SUCCESS, false)
                    : new Button(MuteButtons.muteId(q.questionId()), "Mute " + (i + 1), Button.Style.DANGER, false));
        }
        Reply.Builder reply = Reply.builder().embed(embed.build()).ephemeral(true);
        for (int from = 0; from < buttons.size(); from += DiscordLimits.BUTTONS_PER_ROW) {
            reply.buttonRow(buttons.subList(from, Math.min(buttons.size(), from + DiscordLimits.BUTTONS_PER_ROW)));
        }
        return reply.build();
    }

    private static String heading(int number, ReportedQuestion q) {
        return number + ". " + q.reports() + " report" + (q.reports() == 1 ? "" : "s") + (q.muted() ? " · muted" : "");
    }

    private static String details(Listed l) {
        ReportedQuestion q = l.question();
        List<String> reasons = new ArrayList<>();
        for (Map.Entry<ReportReason, Integer> e : new java.util.TreeMap<>(q.byReason()).entrySet()) {
            reasons.add(e.getKey().label() + " " + e.getValue());
        }
        StringBuilder out = new StringBuilder();
        out.append(l.text().map(t -> DiscordLimits.truncate(t, QUESTION_SHOWN))
                .orElse("(no longer in the question bank)"));
        out.append("\n").append(String.join(" · ", reasons));
        if (!q.latestNotes().isEmpty()) {
            out.append("\nLatest notes: ").append(String.join(" ",
                    q.latestNotes().stream().map(n -> UserText.quoted(n, NOTE_SHOWN)).toList()));
        }
        out.append("\nLast reported <t:").append(q.lastReported().getEpochSecond()).append(":R> · id `")
                .append(q.questionId()).append('`');
        return out.toString();
    }

    static Reply reported(ReportReason reason, boolean noteCut) {
        return Reply.privateText("Thanks: your report (" + reason.label().toLowerCase(java.util.Locale.ROOT)
                + ") is saved. This server's admins see it in /quiz reports."
                + (noteCut ? " Your note was longer than " + ReportForm.NOTE_MAX + " characters and was cut there." : ""));
    }

    static Reply alreadyReported() {
        return Reply.privateText("You already reported this question; one report per question each.");
    }

    static Reply muted(String questionId, Optional<String> text, boolean changed) {
        String what = text.map(t -> DiscordLimits.truncate(t, QUESTION_SHOWN)).orElse("`" + questionId + "`");
        return Reply.builder()
                .content((changed ? "Muted: " : "Already muted: ") + what
                        + "\nIt will not be asked in this server again.")
                .buttonRow(List.of(new Button(MuteButtons.unmuteId(questionId), "Unmute", Button.Style.SUCCESS, false)))
                .ephemeral(true)
                .build();
    }

    static Reply unmuted(String questionId, Optional<String> text, boolean changed) {
        String what = text.map(t -> DiscordLimits.truncate(t, QUESTION_SHOWN)).orElse("`" + questionId + "`");
        return Reply.builder()
                .content((changed ? "Unmuted: " : "Not muted: ") + what + "\nIt can be asked in this server again.")
                .buttonRow(List.of(new Button(MuteButtons.muteId(questionId), "Mute", Button.Style.DANGER, false)))
                .ephemeral(true)
                .build();
    }
}

package dev.lalaland.bot.report;

import dev.lalaland.bot.command.ButtonClick;
import dev.lalaland.bot.command.ButtonHandler;
import dev.lalaland.bot.command.FormSubmit;
import dev.lalaland.bot.command.Invoker;
import dev.lalaland.bot.command.UserInputException;
import dev.lalaland.bot.render.Reply;
import java.time.Clock;

/**
 * The Report button under every answer reveal ({@code report:<question id>}) and the form it
 * opens, whose id is the same. A member who already reported the question is told so at the
 * click, and again at the submit (two forms open at once): the store keeps one report each.
 */
final class ReportButtons implements ButtonHandler {
    static final String PREFIX = "report";

    private final ReportStore store;
    private final QuestionTexts texts;
    private final String factVersion;
    private final Clock clock;

    ReportButtons(ReportStore store, QuestionTexts texts, String factVersion, Clock clock) {
        this.store = store;
        this.texts = texts;
        this.factVersion = factVersion;
        this.clock = clock;
    }

    static String formId(String questionId) {
        return PREFIX + ":" + questionId;
    }

    @Override
    public String prefix() {
        return PREFIX;
    }

    @Override
    public Reply onClick(ButtonClick click) {
        String questionId = reportable(click.argument(), click.invoker());
        if (store.hasReported(click.invoker().guildId(), click.invoker().userId(), questionId)) {
            return ReportsRenderer.alreadyReported();
        }
        return Reply.form(ReportForm.modal(formId(questionId)));
    }

    @Override
    public Reply onSubmit(FormSubmit form) {
        String questionId = reportable(form.argument(), form.invoker());
        ReportForm.Filled filled = ReportForm.read(form);
        Invoker who = form.invoker();
        boolean saved = store.add(new Report(who.guildId(), who.userId(), questionId, factVersion, filled.reason(),
                filled.note(), form.receivedAt() != null ? form.receivedAt() : clock.instant()));
        return saved ? ReportsRenderer.reported(filled.reason(), filled.noteCut()) : ReportsRenderer.alreadyReported();
    }

    /** The question id, if it can be reported here: in a server, and still in the question bank. */
    private String reportable(String questionId, Invoker who) {
        if (!who.inGuild()) {
            throw new UserInputException("Reports are kept per server: report the question from a server's channel.");
        }
        if (questionId.isEmpty() || texts.textOf(questionId).isEmpty()) {
            throw new UserInputException("This question is no longer in the question bank: there is nothing to report.");
        }
        return questionId;
    }
}

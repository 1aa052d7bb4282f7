package dev.lalaland.bot.report;

import dev.lalaland.bot.command.ButtonHandler;
import dev.lalaland.bot.command.Invoker;
import dev.lalaland.bot.command.UserInputException;
import dev.lalaland.bot.db.Database;
import dev.lalaland.bot.render.Button;
import dev.lalaland.bot.render.DiscordLimits;
import dev.lalaland.bot.render.Reply;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * Question reports, assembled: the Report button and its form, {@code /quiz reports} with its Mute
 * and Unmute buttons, and the muted questions the quiz's question picker skips. Knows questions only
 * by id and text ({@link QuestionTexts}), so the quiz uses it and not the other way round.
 */
public final class Reports {
    private final ReportStore store;
    private final MutedQuestions muted;
    private final QuestionTexts texts;
    private final List<ButtonHandler> buttons;

    /**
     * @param factVersion the checksum of the fact files the questions are built from, stored with
     *                    each report
     */
    public Reports(Database database, String factVersion, QuestionTexts texts, Clock clock) {
        this.store = new ReportStore(database);
        this.muted = new MutedQuestions(store);
        this.texts = texts;
        this.buttons = List.of(new ReportButtons(store, texts, factVersion, clock),
                new MuteButtons(muted, texts, clock));
    }

    /** The Report button to put under the answer of question {@code questionId}. */
    public static Button reportButton(String questionId) {
        return ReportsRenderer.reportButton(questionId);
    }

    /** Whether a question id is short enough for its Report and Mute buttons' ids. */
    public static boolean fitsButtonIds(String questionId) {
        return MuteButtons.unmuteId(questionId).length() <= DiscordLimits.CUSTOM_ID
                && ReportButtons.formId(questionId).length() <= DiscordLimits.CUSTOM_ID;
    }

    public List<ButtonHandler> buttonHandlers() {
        return buttons;
    }

    /** The questions muted in this server (none outside servers); read before every question asked. */
    public Set<String> mutedIn(String guildId) {
        return muted.in(guildId);
    }

    /** {@code /quiz reports}: Manage Server only, checked here as the subcommand cannot be hidden alone. */
    public Reply list(Invoker who) {
        if (!who.inGuild()) {
            throw new UserInputException("Reports belong to a server: ask in one of its channels.");
        }
        if (!who.canManageServer()) {
            throw new UserInputException("Only members with the Manage Server permission can use `/quiz reports`.");
        }
        List<ReportsRenderer.Listed> listed = store.mostReported(who.guildId(), ReportsRenderer.LISTED,
                        ReportsRenderer.NOTES_EACH).stream()
                .map(q -> new ReportsRenderer.Listed(q, texts.textOf(q.questionId())))
                .toList();
        return ReportsRenderer.list(listed, store.reportedQuestions(who.guildId()));
    }
}

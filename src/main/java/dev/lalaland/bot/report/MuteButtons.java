package dev.lalaland.bot.report;

import dev.lalaland.bot.command.ButtonClick;
import dev.lalaland.bot.command.ButtonHandler;
import dev.lalaland.bot.command.Invoker;
import dev.lalaland.bot.command.UserInputException;
import dev.lalaland.bot.render.Reply;
import java.time.Clock;

/**
 * The Mute and Unmute buttons of {@code /quiz reports}: {@code mute:on:<question id>} and
 * {@code mute:off:<question id>}. The list is only shown to admins, but a button can be clicked by
 * whoever sees it (or forged), so Manage Server is checked again here.
 */
final class MuteButtons implements ButtonHandler {
    static final String PREFIX = "mute";
    private static final String ON = "on:";
    private static final String OFF = "off:";

    private final MutedQuestions muted;
    private final QuestionTexts texts;
    private final Clock clock;

    MuteButtons(MutedQuestions muted, QuestionTexts texts, Clock clock) {
        this.muted = muted;
        this.texts = texts;
        this.clock = clock;
    }

    static String muteId(String questionId) {
        return PREFIX + ":" + ON + questionId;
    }

    static String unmuteId(String questionId) {
        return PREFIX + ":" + OFF + questionId;
    }

    @Override
    public String prefix() {
        return PREFIX;
    }

    @Override
    public Reply onClick(ButtonClick click) {
        Invoker who = click.invoker();
        if (!who.inGuild() || !who.canManageServer()) {
            throw new UserInputException("Only members with the Manage Server permission can mute or unmute questions.");
        }
        String argument = click.argument();
        if (argument.startsWith(ON) && argument.length() > ON.length()) {
            String id = argument.substring(ON.length());
            boolean changed = muted.mute(who.guildId(), id, who.userId(),
                    click.receivedAt() != null ? click.receivedAt() : clock.instant());
            return ReportsRenderer.muted(id, texts.textOf(id), changed);
        }
        if (argument.startsWith(OFF) && argument.length() > OFF.length()) {
            String id = argument.substring(OFF.length());
            return ReportsRenderer.unmuted(id, texts.textOf(id), muted.unmute(who.guildId(), id));
        }
        return Reply.privateText("That button is not one I know.");
    }
}

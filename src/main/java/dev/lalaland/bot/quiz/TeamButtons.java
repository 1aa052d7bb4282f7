package dev.lalaland.bot.quiz;

import dev.lalaland.bot.command.ButtonClick;
import dev.lalaland.bot.command.ButtonHandler;
import dev.lalaland.bot.render.Reply;

/**
 * Clicks on the Join buttons of a team night's opening message. A button's id names the stored
 * night and the team ({@code team:<night>:<team>}), so the buttons keep working across restarts.
 */
final class TeamButtons implements ButtonHandler {
    static final String PREFIX = "team";

    private final TeamJoins joins;

    TeamButtons(TeamJoins joins) {
        this.joins = joins;
    }

    static String customId(long nightId, int team) {
        return PREFIX + ":" + nightId + ":" + team;
    }

    @Override
    public String prefix() {
        return PREFIX;
    }

    @Override
    public Reply onClick(ButtonClick click) {
        String[] parts = click.argument().split(":");
        if (parts.length != 2 || !parts[0].matches("\\d{1,18}") || !parts[1].matches("[1-9]")) {
            return Reply.privateText("That button is not a team I know.");
        }
        return joins.join(click.invoker(), Long.parseLong(parts[0]), Integer.parseInt(parts[1]), click.messageId());
    }
}

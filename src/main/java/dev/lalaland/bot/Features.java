package dev.lalaland.bot;

import dev.lalaland.bot.awards.AwardsCommand;
import dev.lalaland.bot.cast.CastCommand;
import dev.lalaland.bot.command.ButtonHandler;
import dev.lalaland.bot.command.ChannelAccess;
import dev.lalaland.bot.command.CommandRegistry;
import dev.lalaland.bot.command.Outbox;
import dev.lalaland.bot.command.SlashCommand;
import dev.lalaland.bot.db.Database;
import dev.lalaland.bot.facts.FactStore;
import dev.lalaland.bot.help.HelpCommand;
import dev.lalaland.bot.song.SongCommand;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Builds every feature once and hands each its dependencies: the one place that knows which
 * commands, buttons and background routines the bot has.
 */
public final class Features {
    private final List<SlashCommand> commands = new ArrayList<>();
    private final List<ButtonHandler> buttons = new ArrayList<>();
    private final List<Lifecycle> lifecycles = new ArrayList<>();

    public Features(Database database, FactStore facts, Clock clock, ScheduledExecutorService scheduler,
                    Outbox outbox, ChannelAccess channelAccess) {
        commands.add(new CastCommand(facts));
        commands.add(new SongCommand(facts));
        commands.add(new AwardsCommand(facts));
        commands.add(new HelpCommand(helpTopics()));
    }

    private static List<HelpCommand.Topic> helpTopics() {
        return List.of(
                new HelpCommand.Topic("/cast [name]", "The cast, or a card for an actor, character or crew member: "
                        + "`/cast name:Keith`, `/cast name:Hurwitz`."),
                new HelpCommand.Topic("/song [title]", "The soundtrack in track order, or a card for one song: "
                        + "`/song title:City of Stars`."),
                new HelpCommand.Topic("/awards [ceremony] [result]", "Every awards body at a glance, or one of them "
                        + "category by category: `/awards ceremony:oscars result:won`."));
    }

    public CommandRegistry registry() {
        return new CommandRegistry(commands, buttons);
    }

    public List<Lifecycle> lifecycles() {
        return List.copyOf(lifecycles);
    }
}

package dev.lalaland.bot.help;

import dev.lalaland.bot.command.CommandRequest;
import dev.lalaland.bot.command.CommandSpec;
import dev.lalaland.bot.command.HelpText;
import dev.lalaland.bot.command.SlashCommand;
import dev.lalaland.bot.render.Embed;
import dev.lalaland.bot.render.Palette;
import dev.lalaland.bot.render.Reply;
import java.util.List;

/**
 * {@code /help}: what the bot can do and where its facts come from. Each command writes its own
 * entry ({@link SlashCommand#help()}); this card lists them in the order given.
 */
public final class HelpCommand implements SlashCommand {
    private static final CommandSpec SPEC = CommandSpec.of("help", "What this bot can do, and where its facts come from")
            .answeredOnEventThread();
    private static final HelpText HELP = new HelpText("/help", "This card.");

    /** Built once: the same reply object every time, as every command answered on the event thread. */
    private final Reply card;

    /** The card lists the {@code commands}' help, read now: pass every command but this one. */
    public HelpCommand(List<SlashCommand> commands) {
        Embed.Builder card = Embed.builder("La La Land trivia bot")
                .color(Palette.NIGHT_BLUE)
                .description("Facts, songs, awards and quiz nights about Damien Chazelle's *La La Land* (2016).");
        commands.forEach(c -> card.field(c.help().usage(), c.help().text()));
        card.field("Where the facts come from", "Every fact is checked against published sources (Wikipedia and "
                + "the press of the time: Variety, The Hollywood Reporter, AP, BBC and others) and each card names its "
                + "sources. Anything we could not confirm is left out. Spotted a mistake? Tell the server admin; the "
                + "facts live in editable data files.");
        card.footer("Replies about bad input are only visible to you.");
        this.card = Reply.builder().embed(card.build()).ephemeral(true).build();
    }

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public HelpText help() {
        return HELP;
    }

    @Override
    public Reply handle(CommandRequest request) {
        return card;
    }
}

package dev.lalaland.bot.help;

import dev.lalaland.bot.command.CommandRequest;
import dev.lalaland.bot.command.CommandSpec;
import dev.lalaland.bot.command.SlashCommand;
import dev.lalaland.bot.render.Embed;
import dev.lalaland.bot.render.Palette;
import dev.lalaland.bot.render.Reply;
import java.util.List;

/** {@code /help}: what the bot can do and where its facts come from. */
public final class HelpCommand implements SlashCommand {
    private static final CommandSpec SPEC = CommandSpec.of("help", "What this bot can do, and where its facts come from")
            .answeredFromMemory();

    /** A feature's entry in the help card: a title and a few lines. */
    public record Topic(String title, String text) {
    }

    private final List<Topic> topics;

    public HelpCommand(List<Topic> topics) {
        this.topics = List.copyOf(topics);
    }

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public Reply handle(CommandRequest request) {
        Embed.Builder card = Embed.builder("La La Land trivia bot")
                .color(Palette.NIGHT_BLUE)
                .description("Facts, songs, awards and quiz nights about Damien Chazelle's *La La Land* (2016).");
        topics.forEach(t -> card.field(t.title(), t.text()));
        card.field("Where the facts come from", "Every fact is checked against published sources (Wikipedia and "
                + "the press of the time: Variety, The Hollywood Reporter, AP, BBC and others) and each card names its "
                + "sources. Anything we could not confirm is left out. Spotted a mistake? Tell the server admin; the "
                + "facts live in editable data files.");
        card.footer("Replies about bad input are only visible to you.");
        return Reply.builder().embed(card.build()).ephemeral(true).build();
    }
}

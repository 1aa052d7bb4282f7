package dev.lalaland.bot.song;

import com.github.benmanes.caffeine.cache.Cache;
import dev.lalaland.bot.awards.AwardLines;
import dev.lalaland.bot.cache.Caches;
import dev.lalaland.bot.command.AutocompleteRequest;
import dev.lalaland.bot.command.CommandRequest;
import dev.lalaland.bot.command.CommandSpec;
import dev.lalaland.bot.command.HelpText;
import dev.lalaland.bot.command.OptionSpec;
import dev.lalaland.bot.command.SlashCommand;
import dev.lalaland.bot.command.UserInputException;
import dev.lalaland.bot.facts.Album;
import dev.lalaland.bot.facts.FactStore;
import dev.lalaland.bot.facts.Song;
import dev.lalaland.bot.match.NameIndex;
import dev.lalaland.bot.render.Choice;
import dev.lalaland.bot.render.Dates;
import dev.lalaland.bot.render.DiscordLimits;
import dev.lalaland.bot.render.Embed;
import dev.lalaland.bot.render.Palette;
import dev.lalaland.bot.render.Reply;
import dev.lalaland.bot.render.Sources;
import dev.lalaland.bot.render.UserText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/** {@code /song [title]}: the soundtrack in track order, or a card for one track. */
public final class SongCommand implements SlashCommand {
    private static final CommandSpec SPEC = CommandSpec.of("song", "The La La Land soundtrack, track by track",
            OptionSpec.autocompleted("title", "A song title, e.g. City of Stars, or part of one, e.g. fools"))
            .answeredOnEventThread(); // cards are rendered once (a few fast reads) and kept

    private final FactStore facts;
    private static final HelpText HELP = new HelpText("/song [title]",
            "The soundtrack in track order, or a card for one song: "
            + "`/song title:City of Stars`.");
    private final NameIndex<Song> index = new NameIndex<>();
    private final Map<String, Song> byId = new HashMap<>();
    /**
     * Replies already rendered: the track list under "", each card under its song's id. The fact
     * store does not change while the bot runs, so each is built once.
     */
    private final Cache<String, Reply> rendered = Caches.ofFixedKeys();

    public SongCommand(FactStore facts) {
        this.facts = facts;
        for (Song s : facts.songs()) {
            index.add(s, label(s), List.of(s.title(), s.id().replace('-', ' ')));
            byId.put(s.id(), s);
        }
    }

    @Override
    public HelpText help() {
        return HELP;
    }

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public Reply handle(CommandRequest request) {
        return request.text("title")
                .map(title -> Optional.ofNullable(byId.get(title)).or(() -> index.resolve(title))
                        // Two tracks are called "City of Stars": the title typed in full means the first.
                        .or(() -> index.named(title).stream().findFirst())
                        .orElseThrow(() -> notFound(title)))
                .map(song -> rendered.get(song.id(), id -> card(song)))
                .orElseGet(() -> rendered.get("", none -> trackList()));
    }

    @Override
    public List<Choice> autocomplete(AutocompleteRequest request) {
        return index.search(request.typed(), DiscordLimits.AUTOCOMPLETE_CHOICES).stream()
                .map(s -> new Choice(DiscordLimits.truncate(label(s), DiscordLimits.CHOICE_TEXT), s.id()))
                .toList();
    }

    private Reply card(Song song) {
        Embed.Builder card = Embed.builder(song.title())
                .color(Palette.SEB_PURPLE)
                .description("Track " + song.track() + " of the soundtrack" + ("score".equals(song.kind())
                        ? " (score)" : ""))
                .inlineField("Performed by", song.performers())
                .inlineField("Length", song.length())
                .field("Music", song.music(), true)
                .field("Lyrics", song.lyrics(), true)
                .field("In the film", song.scene());
        var nominations = facts.nominationsForSong(song.id());
        card.field("Awards", AwardLines.list(nominations, facts.ceremoniesById(), DiscordLimits.FIELD_VALUE));
        card.field("Same title", sameTitle(song));
        card.field("Sources", Sources.field(song.sources()));
        card.footer("La La Land: Original Motion Picture Soundtrack · /song lists every track");
        return Reply.embed(card.build());
    }

    private Reply trackList() {
        StringJoiner lines = new StringJoiner("\n");
        List<String> sources = new ArrayList<>();
        for (Song s : facts.songs()) {
            lines.add("`" + String.format("%2d", s.track()) + "` **" + s.title() + "** — " + s.performers());
            sources.addAll(s.sources());
        }
        Album album = facts.album().orElse(null);
        Embed.Builder card = Embed.builder(album == null ? "La La Land: the soundtrack" : album.title())
                .color(Palette.SEB_PURPLE)
                .description(lines.toString());
        if (album != null) {
            card.inlineField("Released", Dates.human(album.releaseDate()) + " by " + album.label())
                    .inlineField("Length", album.length())
                    .field("Charts", String.join("\n", album.charts()));
            sources.addAll(0, album.sources());
        }
        card.field("Sources", Sources.field(sources.stream().distinct().toList()));
        card.footer("/song title:<title> for a card");
        return Reply.embed(card.build());
    }

    /** The other tracks with this song's title, and how to ask for each; null if there are none. */
    private String sameTitle(Song song) {
        StringJoiner lines = new StringJoiner("\n");
        for (Song other : facts.songs()) {
            if (!other.id().equals(song.id()) && other.title().equalsIgnoreCase(song.title())) {
                lines.add("Track " + other.track() + ", " + other.performers() + ": `/song title:"
                        + other.id().replace('-', ' ') + "`");
            }
        }
        return lines.length() == 0 ? null : lines.toString();
    }

    private UserInputException notFound(String title) {
        List<String> close = index.suggestions(title, 5);
        String shown = UserText.quoted(title, 50);
        String hint = close.isEmpty() ? "Try `/song` for the track list."
                : "Did you mean: " + String.join("; ", close) + "?";
        return new UserInputException("No track on the La La Land soundtrack matches " + shown + ". " + hint);
    }

    private static String label(Song s) {
        return s.track() + ". " + s.title() + " — " + s.performers();
    }
}

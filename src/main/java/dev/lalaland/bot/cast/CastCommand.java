package dev.lalaland.bot.cast;

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
import dev.lalaland.bot.facts.FactStore;
import dev.lalaland.bot.facts.Person;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.stream.Collectors;

/** {@code /cast [name]}: the principal cast, or a card for one actor, character or crew member. */
public final class CastCommand implements SlashCommand {
    private static final CommandSpec SPEC = CommandSpec.of("cast", "Who's who in La La Land: cast, characters and crew",
            OptionSpec.autocompleted("name", "An actor, character or crew member, e.g. Sebastian, Keith, Hurwitz"))
            .answeredOnEventThread(); // cards are rendered once (a few fast reads) and kept

    private final FactStore facts;
    private static final HelpText HELP = new HelpText("/cast [name]",
            "The cast, or a card for an actor, character or crew member: "
            + "`/cast name:Keith`, `/cast name:Hurwitz`.");
    private final NameIndex<Person> index = new NameIndex<>();
    /**
     * Replies already rendered: the cast list under "", each card under its person's id. The fact
     * store does not change while the bot runs, so each is built once (a card takes a dozen queries).
     */
    private final Cache<String, Reply> rendered = Caches.ofFixedKeys();

    public CastCommand(FactStore facts) {
        this.facts = facts;
        for (Person p : facts.people()) {
            List<String> names = new ArrayList<>();
            names.add(p.name());
            names.addAll(p.aliases());
            if (p.character() != null) {
                names.add(p.character());
            }
            index.add(p, label(p), names);
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
        return request.text("name")
                .map(name -> index.resolve(name).orElseThrow(() -> notFound(name)))
                .map(person -> rendered.get(person.id(), id -> card(person)))
                .orElseGet(() -> rendered.get("", none -> castList()));
    }

    @Override
    public List<Choice> autocomplete(AutocompleteRequest request) {
        return index.search(request.typed(), DiscordLimits.AUTOCOMPLETE_CHOICES).stream()
                .map(p -> new Choice(DiscordLimits.truncate(label(p), DiscordLimits.CHOICE_TEXT), p.name()))
                .toList();
    }

    private Reply card(Person person) {
        StringJoiner description = new StringJoiner("\n\n");
        if (person.character() != null) {
            description.add("as **" + person.character() + "**");
        }
        if (person.summary() != null) {
            description.add(person.summary());
        }
        Embed.Builder card = Embed.builder(person.name())
                .color(person.isCast() ? Palette.MIA_YELLOW : Palette.SEB_PURPLE)
                .description(description.toString().isEmpty() ? null : description.toString())
                .inlineField("Role", person.role())
                .inlineField("Born", born(person));
        String songs = facts.songs().stream()
                .filter(s -> s.performerIds().contains(person.id()))
                .map(s -> s.track() + ". " + s.title())
                .collect(Collectors.joining("\n"));
        card.field("On the soundtrack", songs);
        var nominations = facts.nominationsForPerson(person.id());
        Map<String, String> songTitles = facts.songs().stream().collect(Collectors.toMap(Song::id, Song::title));
        card.field("Awards for La La Land", AwardLines.list(nominations, facts.ceremoniesById(), songTitles,
                DiscordLimits.FIELD_VALUE));
        card.field("Sources", Sources.field(person.sources()));
        card.footer("La La Land (2016) · /cast lists the whole cast");
        return Reply.embed(card.build());
    }

    private Reply castList() {
        List<Person> cast = facts.people("cast");
        StringJoiner lines = new StringJoiner("\n");
        Set<String> sources = new LinkedHashSet<>();
        for (Person p : cast) {
            lines.add("**" + p.name() + "** as " + p.character());
            sources.addAll(p.sources());
        }
        return Reply.embed(Embed.builder("La La Land (2016): the cast")
                .color(Palette.MIA_YELLOW)
                .description(lines.toString())
                .field("Crew", "Directed and written by Damien Chazelle; music by Justin Hurwitz. "
                        + "Try `/cast name:Hurwitz` or any crew member.")
                .field("Sources", Sources.field(List.copyOf(sources)))
                .footer("/cast name:<actor, character or crew> for a card")
                .build());
    }

    private UserInputException notFound(String name) {
        List<String> close = index.suggestions(name, 5);
        String shown = UserText.quoted(name, 50);
        if (close.isEmpty()) {
            return new UserInputException("I don't know anyone called " + shown + " in La La Land. "
                    + "Try an actor, a character or a crew member, e.g. `Emma Stone`, `Keith` or `Hurwitz`, "
                    + "or `/cast` for the whole cast.");
        }
        return new UserInputException(shown + " could be more than one person, or no one I know. "
                + "Did you mean: " + String.join("; ", close) + "?");
    }

    private static String born(Person p) {
        if (p.born() == null) {
            return p.birthplace();
        }
        return Dates.human(p.born()) + (p.birthplace() == null ? "" : ", " + p.birthplace());
    }

    private static String label(Person p) {
        return p.name() + " — " + (p.character() != null ? p.character() : p.role());
    }
}

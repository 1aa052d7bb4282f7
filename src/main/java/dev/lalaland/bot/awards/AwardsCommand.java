package dev.lalaland.bot.awards;

import com.github.benmanes.caffeine.cache.Cache;
import dev.lalaland.bot.cache.Caches;
import dev.lalaland.bot.command.CommandRequest;
import dev.lalaland.bot.command.CommandSpec;
import dev.lalaland.bot.command.HelpText;
import dev.lalaland.bot.command.OptionSpec;
import dev.lalaland.bot.command.SlashCommand;
import dev.lalaland.bot.facts.AwardGroup;
import dev.lalaland.bot.facts.Ceremony;
import dev.lalaland.bot.facts.FactStore;
import dev.lalaland.bot.facts.Nomination;
import dev.lalaland.bot.render.Dates;
import dev.lalaland.bot.render.DiscordLimits;
import dev.lalaland.bot.render.Embed;
import dev.lalaland.bot.render.Palette;
import dev.lalaland.bot.render.Reply;
import dev.lalaland.bot.render.Sources;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Predicate;

/** {@code /awards [ceremony] [result]}: every awards body at a glance, or one body category by category. */
public final class AwardsCommand implements SlashCommand {
    static final List<String> RESULTS = List.of("won", "lost", "all");
    private static final List<String> GROUPS = AwardGroup.ids();
    private static final CommandSpec SPEC = CommandSpec.of("awards", "La La Land's awards and nominations",
            OptionSpec.choice("ceremony", "Which awards", GROUPS),
            OptionSpec.choice("result", "Only wins, only losses, or all (default)", RESULTS))
            .answeredOnEventThread(); // cards are rendered once (a few fast reads) and kept

    private final FactStore facts;
    private static final HelpText HELP = new HelpText("/awards [ceremony] [result]",
            "Every awards body at a glance, or one of them "
            + "category by category: `/awards ceremony:oscars result:won`.");
    /**
     * Replies already rendered, by ceremony group ("" for the overview) and result. The fact store
     * does not change while the bot runs, so each of these few dozen is built once.
     */
    private final Cache<String, Reply> rendered = Caches.ofFixedKeys();

    public AwardsCommand(FactStore facts) {
        this.facts = facts;
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
        String result = request.choice("result", RESULTS).orElse("all");
        String group = request.choice("ceremony", GROUPS).orElse("");
        return rendered.get(group + " " + result,
                key -> group.isEmpty() ? overview(result) : ceremonies(group, result));
    }

    private Reply overview(String result) {
        List<Nomination> all = facts.allNominations();
        StringJoiner lines = new StringJoiner("\n");
        StringBuilder notes = new StringBuilder();
        Set<String> sources = new LinkedHashSet<>();
        int wins = 0;
        for (Ceremony c : facts.ceremonies(null)) {
            List<Nomination> rows = all.stream().filter(n -> n.ceremony().equals(c.id())).toList();
            long won = rows.stream().filter(Nomination::won).count();
            wins += won;
            boolean nothingToShow = "won".equals(result) && won == 0 || "lost".equals(result) && won == rows.size();
            if (nothingToShow) {
                continue;
            }
            lines.add("**" + c.name() + "**" + (c.date() == null ? "" : " · " + Dates.human(c.date())) + " — "
                    + score(won, rows.size()));
            String note = c.note() == null ? "" : "**" + c.name() + ":** " + c.note();
            // whole notes only, in ceremony order, while they fit one field
            if (!note.isEmpty() && notes.length() + note.length() + 2 <= DiscordLimits.FIELD_VALUE) {
                notes.append(notes.isEmpty() ? "" : "\n\n").append(note);
            }
            sources.addAll(c.sources());
        }
        return Reply.embed(Embed.builder("La La Land at the awards")
                .color(Palette.WIN_GOLD)
                .description(wins + " wins from " + all.size() + " nominations and honours listed here.\n\n" + lines)
                .field("Worth knowing", notes.toString())
                .field("Sources", Sources.field(List.copyOf(sources)))
                .footer("/awards ceremony:<name> for every category · result:won or result:lost to filter")
                .build());
    }

    private Reply ceremonies(String group, String result) {
        Reply.Builder reply = Reply.builder();
        int shown = 0;
        for (Ceremony c : facts.ceremonies(group)) {
            List<Nomination> all = facts.nominations(c.id());
            List<Nomination> rows = all.stream().filter(keep(result)).toList();
            if (rows.isEmpty()) {
                continue;
            }
            long won = all.stream().filter(Nomination::won).count();
            StringJoiner head = new StringJoiner(" · ");
            if (c.date() != null) {
                head.add(Dates.human(c.date()));
            }
            if (c.venue() != null) {
                head.add(c.venue());
            }
            if (c.host() != null) {
                head.add("host " + c.host());
            }
            head.add(score(won, all.size()));
            String description = head + (c.note() == null ? "" : "\n\n" + c.note());
            Embed.Builder card = Embed.builder(c.name()).color(Palette.WIN_GOLD).description(description);
            Set<String> sources = new LinkedHashSet<>(c.sources());
            for (Nomination n : rows) {
                card.field((n.won() ? "🏆 " : "") + n.category(), nominationText(n));
                sources.addAll(n.sources());
            }
            card.field("Sources", Sources.field(List.copyOf(sources)));
            reply.embed(card.build());
            shown++;
        }
        if (shown == 0) {
            return Reply.text(switch (result) {
                case "won" -> "La La Land won nothing at the " + group + " awards listed here.";
                case "lost" -> "La La Land lost nothing at the " + group + " awards listed here: it won every one.";
                default -> "I have no awards listed for " + group + ".";
            });
        }
        return fitToOneMessage(reply.build());
    }

    private static String nominationText(Nomination n) {
        StringJoiner text = new StringJoiner("\n");
        text.add(n.nominee());
        text.add(AwardLines.outcome(n));
        if (n.note() != null) {
            text.add("*" + n.note() + "*");
        }
        return DiscordLimits.truncate(text.toString(), DiscordLimits.FIELD_VALUE);
    }

    private static Predicate<Nomination> keep(String result) {
        return switch (result) {
            case "won" -> Nomination::won;
            case "lost" -> n -> !n.won();
            default -> n -> true;
        };
    }

    private static String score(long won, int of) {
        if (of == 1) {
            return won == 1 ? "won" : "nominated";
        }
        return won == of ? "won all " + of : won + " of " + of + " won";
    }

    /** Several ceremonies may exceed one message's 6,000 characters; keep whole cards while they fit. */
    private static Reply fitToOneMessage(Reply reply) {
        List<Embed> kept = new ArrayList<>();
        int total = 0;
        for (Embed e : reply.embeds()) {
            int size = size(e);
            if (!kept.isEmpty() && total + size > DiscordLimits.EMBED_TOTAL) {
                break;
            }
            kept.add(e);
            total += size;
        }
        Reply.Builder b = Reply.builder();
        kept.forEach(b::embed);
        return b.build();
    }

    private static int size(Embed e) {
        int n = len(e.title()) + len(e.description()) + len(e.footer());
        for (Embed.Field f : e.fields()) {
            n += len(f.name()) + len(f.value());
        }
        return n;
    }

    private static int len(String s) {
        return s == null ? 0 : s.length();
    }
}

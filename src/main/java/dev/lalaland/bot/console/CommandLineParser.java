package dev.lalaland.bot.console;

import dev.lalaland.bot.command.CommandRegistry;
import dev.lalaland.bot.command.CommandSpec;
import dev.lalaland.bot.command.OptionKind;
import dev.lalaland.bot.command.OptionSpec;
import dev.lalaland.bot.command.UserInputException;
import dev.lalaland.bot.render.DiscordLimits;
import dev.lalaland.bot.render.UserText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses a slash command typed as in Discord, {@code /awards ceremony:oscars result:won}, against
 * the command's spec. Option values may contain spaces: a value runs until the next known
 * {@code option:}.
 */
final class CommandLineParser {
    private static final Pattern OPTION_START = Pattern.compile("(?:^|\\s)([a-z][a-z0-9_-]*):");
    /** A channel as Discord writes a link to it, {@code <#id>}, or {@code #id}, or the bare id. */
    private static final Pattern CHANNEL = Pattern.compile("<?#?(\\d{1,20})>?");
    /** A member as Discord writes a mention, {@code <@id>} or {@code <@!id>}, or the bare id. */
    private static final Pattern USER = Pattern.compile("<?@?!?(\\d{1,20})>?");
    /** A word with a value glued to it by a colon, as an option is typed ("colour:red"), known or not. */
    private static final Pattern TYPED_AS_OPTION = Pattern.compile("(?:^|\\s)([A-Za-z][A-Za-z0-9_-]*):(?=\\S)");

    record Parsed(String command, String subcommand, Map<String, String> options) {
    }

    private final CommandRegistry registry;

    CommandLineParser(CommandRegistry registry) {
        this.registry = registry;
    }

    Parsed parse(String line) {
        String rest = line.strip();
        if (!rest.startsWith("/")) {
            throw new UserInputException("commands start with /, e.g. /cast name:Emma Stone (or `answer N`)");
        }
        String[] head = rest.substring(1).split("\\s+", 2);
        String name = head[0].toLowerCase(Locale.ROOT);
        CommandSpec spec = registry.command(name).map(c -> c.spec())
                .orElseThrow(() -> new UserInputException("unknown command /" + DiscordLimits.truncate(name, 40)
                        + " (try /help)"));
        rest = head.length > 1 ? head[1] : "";
        String subcommand = null;
        if (!spec.subcommands().isEmpty()) {
            String[] sub = rest.split("\\s+", 2);
            String subName = sub[0];
            if (subName.isEmpty() || spec.subcommand(subName).isEmpty()) {
                throw new UserInputException("/" + name + " needs one of: " + String.join(", ",
                        spec.subcommands().stream().map(CommandSpec.Subcommand::name).toList()));
            }
            subcommand = subName;
            rest = sub.length > 1 ? sub[1] : "";
        }
        return new Parsed(name, subcommand, options(spec, subcommand, rest));
    }

    private static Map<String, String> options(CommandSpec spec, String subcommand, String text) {
        List<OptionSpec> known = spec.optionsFor(subcommand);
        List<String> names = known.stream().map(OptionSpec::name).toList();
        String where = "/" + spec.name() + (subcommand == null ? "" : " " + subcommand);
        String usage = names.isEmpty() ? "it takes no options" : "options: " + String.join(", ", names);
        Matcher typed = TYPED_AS_OPTION.matcher(text);
        while (typed.find()) {
            if (!names.contains(typed.group(1))) {
                throw new UserInputException(where + " has no option " + UserText.quoted(typed.group(1) + ":", 40)
                        + " (" + usage + ")");
            }
        }
        List<int[]> starts = new ArrayList<>();
        Matcher m = OPTION_START.matcher(text);
        while (m.find()) {
            if (names.contains(m.group(1))) {
                starts.add(new int[] {m.start(1), m.end()});
            }
        }
        String before = starts.isEmpty() ? text : text.substring(0, starts.get(0)[0]);
        if (!before.isBlank()) {
            throw new UserInputException("don't know what " + UserText.quoted(before, 50) + " means for " + where
                    + " (" + usage + ")");
        }
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < starts.size(); i++) {
            int end = i + 1 < starts.size() ? starts.get(i + 1)[0] : text.length();
            String optionName = text.substring(starts.get(i)[0], starts.get(i)[1] - 1);
            if (options.put(optionName, text.substring(starts.get(i)[1], end).strip()) != null) {
                throw new UserInputException(where + " takes " + optionName + ": once");
            }
        }
        for (OptionSpec o : known) {
            String value = options.get(o.name());
            if (o.kind() == OptionKind.CHANNEL && value != null) {
                // Discord sends a channel option as the channel's id; here it is typed.
                Matcher channel = CHANNEL.matcher(value);
                if (!channel.matches()) {
                    throw new UserInputException(o.name() + ": takes a channel's id, such as <#"
                            + ConsoleMode.USER.channelId() + "> (this console's channel), not "
                            + UserText.quoted(value, 40));
                }
                options.put(o.name(), channel.group(1));
            }
            if (o.kind() == OptionKind.USER && value != null) {
                // Discord sends a member option as the user's id; here it is typed.
                Matcher user = USER.matcher(value);
                if (!user.matches()) {
                    throw new UserInputException(o.name() + ": takes a member's id, such as <@"
                            + ConsoleMode.USER.userId() + "> (you), not " + UserText.quoted(value, 40));
                }
                options.put(o.name(), user.group(1));
            }
            if (o.required() && !options.containsKey(o.name())) {
                throw new UserInputException("/" + spec.name() + (subcommand == null ? "" : " " + subcommand)
                        + " needs " + o.name() + ":");
            }
        }
        return options;
    }
}

package dev.lalaland.bot.command;

import java.util.List;
import java.util.Optional;

/**
 * A slash command as users see it, with no Discord types: the Discord layer registers it,
 * console mode parses typed lines against it. A command has either options or subcommands.
 */
public record CommandSpec(String name, String description, List<OptionSpec> options,
                          List<Subcommand> subcommands, boolean requiresManageServer) {

    public CommandSpec {
        options = List.copyOf(options);
        subcommands = List.copyOf(subcommands);
        if (!options.isEmpty() && !subcommands.isEmpty()) {
            throw new IllegalArgumentException(name + ": options and subcommands are exclusive");
        }
    }

    public static CommandSpec of(String name, String description, OptionSpec... options) {
        return new CommandSpec(name, description, List.of(options), List.of(), false);
    }

    public static CommandSpec withSubcommands(String name, String description, Subcommand... subcommands) {
        return new CommandSpec(name, description, List.of(), List.of(subcommands), false);
    }

    public CommandSpec requiringManageServer() {
        return new CommandSpec(name, description, options, subcommands, true);
    }

    public Optional<Subcommand> subcommand(String subName) {
        return subcommands.stream().filter(s -> s.name().equals(subName)).findFirst();
    }

    /** The options that apply to an invocation: the subcommand's, or the command's own. */
    public List<OptionSpec> optionsFor(String subName) {
        return subName == null ? options : subcommand(subName).map(Subcommand::options).orElse(List.of());
    }

    public record Subcommand(String name, String description, List<OptionSpec> options) {
        public Subcommand {
            options = List.copyOf(options);
        }

        public static Subcommand of(String name, String description, OptionSpec... options) {
            return new Subcommand(name, description, List.of(options));
        }
    }
}

package dev.lalaland.bot.command;

import java.util.List;
import java.util.Optional;

/**
 * A slash command as users see it, with no Discord types: the Discord layer registers it,
 * console mode parses typed lines against it. A command has either options or subcommands.
 *
 * <p>{@code fromMemory}, set with {@link #answeredFromMemory()}: the command (or subcommand) needs
 * no network call and no wait on a database write, at most a few fast SQLite reads. The Discord layer then answers it on JDA's
 * event thread instead of handing it to a worker; under load that hand-over cost more than the
 * handler itself (issue 6). Off unless a command says so.
 */
public record CommandSpec(String name, String description, List<OptionSpec> options,
                          List<Subcommand> subcommands, boolean requiresManageServer, boolean fromMemory) {

    public CommandSpec {
        options = List.copyOf(options);
        subcommands = List.copyOf(subcommands);
        if (!options.isEmpty() && !subcommands.isEmpty()) {
            throw new IllegalArgumentException(name + ": options and subcommands are exclusive");
        }
    }

    public static CommandSpec of(String name, String description, OptionSpec... options) {
        return new CommandSpec(name, description, List.of(options), List.of(), false, false);
    }

    public static CommandSpec withSubcommands(String name, String description, Subcommand... subcommands) {
        return new CommandSpec(name, description, List.of(), List.of(subcommands), false, false);
    }

    public CommandSpec requiringManageServer() {
        return new CommandSpec(name, description, options, subcommands, true, fromMemory);
    }

    public CommandSpec answeredFromMemory() {
        return new CommandSpec(name, description, options, subcommands, requiresManageServer, true);
    }

    /** Whether this invocation is answered from memory: the command says so, or its subcommand does. */
    public boolean answersFromMemory(String subName) {
        return fromMemory || subcommand(subName).map(Subcommand::fromMemory).orElse(false);
    }

    public Optional<Subcommand> subcommand(String subName) {
        // A loop, not a stream: this runs for every interaction, on JDA's event thread.
        for (Subcommand s : subcommands) {
            if (s.name().equals(subName)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** The options that apply to an invocation: the subcommand's, or the command's own. */
    public List<OptionSpec> optionsFor(String subName) {
        return subName == null ? options : subcommand(subName).map(Subcommand::options).orElse(List.of());
    }

    public record Subcommand(String name, String description, List<OptionSpec> options, boolean fromMemory) {
        public Subcommand {
            options = List.copyOf(options);
        }

        public static Subcommand of(String name, String description, OptionSpec... options) {
            return new Subcommand(name, description, List.of(options), false);
        }

        public Subcommand answeredFromMemory() {
            return new Subcommand(name, description, options, true);
        }
    }
}

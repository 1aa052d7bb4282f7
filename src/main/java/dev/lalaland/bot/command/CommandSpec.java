package dev.lalaland.bot.command;

import java.util.List;
import java.util.Optional;

/**
 * A slash command as users see it, with no Discord types: the Discord layer registers it,
 * console mode parses typed lines against it. A command has either options or subcommands.
 *
 * <p>{@code onEventThread}, set with {@link #answeredOnEventThread()} on the command or a
 * subcommand: the Discord layer calls {@link SlashCommand#handle} on JDA's event thread instead of
 * handing it to a worker, because under load that hand-over cost more than such a handler (see
 * docs/PERFORMANCE.md, change 8). Only for a handler that answers from memory: no network call,
 * no wait on a database write (queuing one is fine), at most a fast SQLite read. While it runs,
 * no other interaction is read. Off unless a command says so; console mode ignores it.
 */
public record CommandSpec(String name, String description, List<OptionSpec> options,
                          List<Subcommand> subcommands, boolean requiresManageServer, boolean onEventThread) {

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
        return new CommandSpec(name, description, options, subcommands, true, onEventThread);
    }

    public CommandSpec answeredOnEventThread() {
        return new CommandSpec(name, description, options, subcommands, requiresManageServer, true);
    }

    /** Whether this invocation is answered on JDA's event thread: the command says so, or its subcommand does. */
    public boolean answersOnEventThread(String subName) {
        return onEventThread || subcommand(subName).map(Subcommand::onEventThread).orElse(false);
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

    public record Subcommand(String name, String description, List<OptionSpec> options, boolean onEventThread) {
        public Subcommand {
            options = List.copyOf(options);
        }

        public static Subcommand of(String name, String description, OptionSpec... options) {
            return new Subcommand(name, description, List.of(options), false);
        }

        public Subcommand answeredOnEventThread() {
            return new Subcommand(name, description, options, true);
        }
    }
}

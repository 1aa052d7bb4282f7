package dev.lalaland.bot;

import dev.lalaland.bot.command.AutocompleteRequest;
import dev.lalaland.bot.command.CommandRequest;
import dev.lalaland.bot.command.Invoker;
import java.time.Instant;
import java.util.Map;

/** Builds requests as a plain member of a test server would send them. */
public final class Requests {
    public static final Invoker MEMBER = new Invoker("400000000000000001", "alice", "200000000000000001",
            "300000000000000001", false);
    public static final Invoker ADMIN = new Invoker("400000000000000009", "admin", "200000000000000001",
            "300000000000000001", true);

    private Requests() {
    }

    public static CommandRequest command(String name, Map<String, String> options) {
        return new CommandRequest(name, null, options, MEMBER, Instant.now());
    }

    public static CommandRequest command(String name, String subcommand, Map<String, String> options, Invoker who) {
        return new CommandRequest(name, subcommand, options, who, Instant.now());
    }

    public static AutocompleteRequest typing(String command, String option, String typed) {
        return new AutocompleteRequest(command, null, option, typed, MEMBER);
    }
}

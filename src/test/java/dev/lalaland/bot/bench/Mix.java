package dev.lalaland.bot.bench;

import dev.lalaland.bot.command.AutocompleteRequest;
import dev.lalaland.bot.command.CommandRequest;
import dev.lalaland.bot.command.Invoker;
import dev.lalaland.bot.testing.FakeDiscord;
import dev.lalaland.bot.testing.FakeGuild;
import dev.lalaland.bot.testing.InteractionHandle;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * One kind of load: what the i-th interaction of a run asks. Users and option values rotate so
 * that the bot does not answer the same thing over and over (a busy server would not either).
 * The same asks drive the bots through the fake Discord ({@link #on}) and the in-process
 * handler timings ({@link HotPaths}).
 *
 * @param name    how the report names it
 * @param command the slash command it needs; a mix whose command the bot does not register is skipped
 * @param ask     the i-th interaction
 */
record Mix(String name, String command, IntFunction<Ask> ask) {
    /** Members who send the load: player001.. of {@link FakeGuild.Builder#players(int)}. */
    static final int PLAYERS = 500;
    /**
     * Channels the practice questions are asked in. Each question posts its answer to its channel
     * 20 s later, and JDA sends one channel's messages one after another, as Discord's per-channel
     * rate limit would have it anyway: 200 questions a second in one channel would pile up reveals
     * for minutes. Many channels asking at once is also what a busy bot sees.
     */
    static final int QUIZ_CHANNELS = 50;
    private static final long FIRST_QUIZ_CHANNEL = 300_000_000_000_001_001L;

    /** The bench guild: the standard one, with the players and the quiz channels. */
    static FakeGuild guild() {
        FakeGuild.Builder guild = FakeGuild.standard().players(PLAYERS);
        for (int c = 0; c < QUIZ_CHANNELS; c++) {
            guild.textChannel(quizChannel(c), String.format("quiz-%02d", c + 1));
        }
        return guild.build();
    }

    static String quizChannel(int i) {
        return Long.toString(FIRST_QUIZ_CHANNEL + Math.floorMod(i, QUIZ_CHANNELS));
    }

    /**
     * A slash command, or with {@code focused} set an autocomplete of that option with {@code typed}.
     *
     * @param subcommand null for none
     */
    record Ask(String command, String subcommand, Map<String, String> options, String focused, String typed,
               String channel) {
        static Ask slash(String command, Map<String, String> options) {
            return new Ask(command, null, options, null, null, FakeGuild.GENERAL_CHANNEL_ID);
        }

        static Ask autocomplete(String command, String option, String typed) {
            return new Ask(command, null, Map.of(), option, typed, FakeGuild.GENERAL_CHANNEL_ID);
        }

        static Ask subcommand(String command, String subcommand, Map<String, String> options, String channel) {
            return new Ask(command, subcommand, options, null, null, channel);
        }

        InteractionHandle inject(FakeDiscord discord, String userId) {
            return focused == null
                    ? discord.slash(userId, channel, command, subcommand, options)
                    : discord.autocomplete(userId, channel, command, subcommand, focused, typed);
        }

        boolean isAutocomplete() {
            return focused != null;
        }

        CommandRequest commandRequest(Invoker invoker) {
            return new CommandRequest(command, subcommand, options, invoker, Instant.now());
        }

        AutocompleteRequest autocompleteRequest(Invoker invoker) {
            return new AutocompleteRequest(command, subcommand, focused, typed, invoker);
        }
    }

    /** Injects the i-th interaction of this mix through {@code discord}, as the i-th player. */
    IntFunction<InteractionHandle> on(FakeDiscord discord) {
        return i -> ask.apply(i).inject(discord, user(i));
    }

    private static final List<String> PEOPLE = List.of("Emma Stone", "Ryan Gosling", "Sebastian", "Keith",
            "Hurwitz", "Damien Chazelle", "J. K. Simmons", "Linus Sandgren", "Mandy Moore", "Rosemarie DeWitt");
    private static final List<String> SONGS = List.of("City of Stars", "Another Day of Sun", "Audition",
            "A Lovely Night", "Someone in the Crowd", "Epilogue", "Start a Fire", "Planetarium");
    private static final List<String> CEREMONIES = List.of("oscars", "golden-globes", "bafta", "critics-choice",
            "sag", "guilds", "grammys", "festivals", "other");
    private static final List<String> RESULTS = List.of("won", "lost", "all");
    private static final List<String> DATES = List.of("12-09", "December 9", "2016-08-31", "02-26", "9 Dec",
            "01-08", "11-12", "07-04");
    private static final List<String> CATEGORIES = List.of("cast", "songs", "awards", "production", "release");
    /** What people type, keystroke by keystroke. */
    private static final List<String> TYPED_NAMES = List.of("", "E", "Em", "Emm", "Emma", "S", "Se", "Seb", "Sebas",
            "Hur", "Hurwi", "gosl", "chaz", "Keith", "Mia", "Mand", "lin", "jk", "Rose", "Gosleng");
    private static final List<String> TYPED_TITLES = List.of("", "C", "Ci", "Cit", "City", "Aud", "Audition",
            "Anoth", "lovely", "fools", "Epi", "star", "Plan", "crowd");

    /** Every mix the benchmark knows, in the order it runs them. */
    static List<Mix> all() {
        return List.of(
                new Mix("/cast", "cast", i -> Ask.slash("cast", Map.of())),
                new Mix("/cast name", "cast", i -> Ask.slash("cast", Map.of("name", pick(PEOPLE, i)))),
                new Mix("/song [title]", "song", i -> i % 2 == 0
                        ? Ask.slash("song", Map.of())
                        : Ask.slash("song", Map.of("title", pick(SONGS, i / 2)))),
                new Mix("/awards [ceremony]", "awards", i -> i % 4 == 0
                        ? Ask.slash("awards", Map.of())
                        : Ask.slash("awards", Map.of("ceremony", pick(CEREMONIES, i), "result", pick(RESULTS, i / 9)))),
                new Mix("/onthisday [date]", "onthisday", i -> i % 3 == 0
                        ? Ask.slash("onthisday", Map.of())
                        : Ask.slash("onthisday", Map.of("date", pick(DATES, i)))),
                new Mix("/quiz question", "quiz", i -> i % 2 == 0
                        ? Ask.subcommand("quiz", "question", Map.of(), quizChannel(i))
                        : Ask.subcommand("quiz", "question", Map.of("category", pick(CATEGORIES, i / 2)),
                                quizChannel(i))),
                new Mix("autocomplete", "cast", i -> i % 2 == 0
                        ? Ask.autocomplete("cast", "name", pick(TYPED_NAMES, i / 2))
                        : Ask.autocomplete("song", "title", pick(TYPED_TITLES, i / 2))));
    }

    static String user(int i) {
        return FakeGuild.playerId(1 + i % PLAYERS);
    }

    private static String pick(List<String> values, int i) {
        return values.get(Math.floorMod(i, values.size()));
    }
}

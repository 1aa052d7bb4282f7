package dev.lalaland.bot.quiz;

import static dev.lalaland.bot.quiz.QuizRules.DEFAULT_QUESTIONS;
import static dev.lalaland.bot.quiz.QuizRules.DEFAULT_SECONDS;
import static dev.lalaland.bot.quiz.QuizRules.MAX_QUESTIONS;
import static dev.lalaland.bot.quiz.QuizRules.MAX_SECONDS;
import static dev.lalaland.bot.quiz.QuizRules.MIN_QUESTIONS;
import static dev.lalaland.bot.quiz.QuizRules.MIN_SECONDS;

import dev.lalaland.bot.command.CommandRequest;
import dev.lalaland.bot.command.CommandSpec;
import dev.lalaland.bot.command.CommandSpec.Subcommand;
import dev.lalaland.bot.command.HelpText;
import dev.lalaland.bot.command.OptionSpec;
import dev.lalaland.bot.command.SlashCommand;
import dev.lalaland.bot.command.UserInputException;
import dev.lalaland.bot.facts.QuizCategory;
import dev.lalaland.bot.render.Reply;
import dev.lalaland.bot.report.Reports;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** {@code /quiz question|start|stop|leaderboard|profile|reports}; names as in the contract. */
final class QuizCommand implements SlashCommand {
    /** A board shows this many players, and the asker's own place below them if they are further down. */
    static final int LEADERBOARD_SIZE = 10;
    private static final List<String> CATEGORIES = QuizCategory.ids();
    private static final List<String> DIFFICULTIES = Difficulty.ids();
    private static final OptionSpec CATEGORY = OptionSpec.choice("category", "Only questions about this", CATEGORIES);
    private static final OptionSpec DIFFICULTY = OptionSpec.choice("difficulty", "Only questions this hard", DIFFICULTIES);
    private static final List<String> MODES = List.of("solo", "teams");
    /** Built once, like every command's: the dispatcher reads it for every interaction. */
    private static final CommandSpec SPEC = CommandSpec.withSubcommands("quiz",
            "La La Land trivia: practice questions and scored quiz nights",
            // A practice question is picked in memory and saved in the background; the rest write at once.
            Subcommand.of("question", "One practice question with answer buttons (not scored)", CATEGORY, DIFFICULTY)
                    .answeredOnEventThread(),
            Subcommand.of("start", "Host a scored quiz night in this channel",
                    OptionSpec.integer("questions", "How many questions (1-50, default 10)", MIN_QUESTIONS, MAX_QUESTIONS),
                    OptionSpec.integer("seconds", "Seconds to answer each (10-120, default 20)", MIN_SECONDS, MAX_SECONDS),
                    CATEGORY, DIFFICULTY,
                    OptionSpec.choice("mode", "solo (default) or teams: players join a team, team points add up", MODES),
                    OptionSpec.integer("teams", "How many teams in teams mode (2-4, default 2)", Teams.MIN_TEAMS,
                            Teams.MAX_TEAMS),
                    OptionSpec.bool("hints", "A Hint button on each question: one wrong choice gone, half points")),
            Subcommand.of("stop", "End this channel's quiz night now (host or Manage Server)"),
            Subcommand.of("leaderboard", "This server's quiz standings: all-time, this month or this week",
                    OptionSpec.choice("period", "all-time (default), month or week, in this server's time zone",
                            Period.ids())),
            Subcommand.of("profile", "A player's quiz record here: nights, accuracy, best streak, points, places",
                    OptionSpec.user("member", "Whose record (default: yours)")),
            // Manage Server: Discord can hide a whole command from members, not one subcommand, so
            // Reports checks it (a member without it gets an ephemeral refusal).
            Subcommand.of("reports", "Reported questions, most reported first; mute one here (Manage Server)"));
    private static final HelpText HELP = new HelpText("/quiz question | start | stop | leaderboard | profile | reports",
            "A practice question (`/quiz question category:songs`), or host a scored quiz night in this channel "
            + "(`/quiz start questions:10 seconds:20`; `mode:teams` to play in teams, `hints:true` for Hint "
            + "buttons). " + QuizRenderer.rulesSummary()
            + " Standings: `/quiz leaderboard period:week`; anyone's record: `/quiz profile`."
            + " Think an answer is wrong? Its Report button tells this server's admins why; they see the reports "
            + "with `/quiz reports` (Manage Server) and can mute a question here.");

    private final PracticeRounds practice;
    private final QuizNights nights;
    private final QuizStore store;
    private final Reports reports;
    /** A server's time zone, for its weeks and months. */
    private final Function<String, ZoneId> serverZone;

    QuizCommand(PracticeRounds practice, QuizNights nights, QuizStore store, Reports reports,
                Function<String, ZoneId> serverZone) {
        this.practice = practice;
        this.nights = nights;
        this.store = store;
        this.reports = reports;
        this.serverZone = serverZone;
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
        String sub = request.subcommand() == null ? "" : request.subcommand();
        return switch (sub) {
            case "question" -> practice.ask(request.invoker(), category(request), difficulty(request));
            case "start" -> nights.start(request.invoker(),
                    request.integer("questions", DEFAULT_QUESTIONS, MIN_QUESTIONS, MAX_QUESTIONS),
                    request.integer("seconds", DEFAULT_SECONDS, MIN_SECONDS, MAX_SECONDS),
                    category(request), difficulty(request), style(request));
            case "stop" -> nights.stop(request.invoker());
            case "leaderboard" -> leaderboard(request);
            case "profile" -> profile(request);
            case "reports" -> reports.list(request.invoker());
            default -> throw new UserInputException(
                    "Use /quiz question, /quiz start, /quiz stop, /quiz leaderboard, /quiz profile or /quiz reports.");
        };
    }

    private Reply leaderboard(CommandRequest request) {
        if (!request.invoker().inGuild()) {
            throw new UserInputException("The leaderboard belongs to a server: ask in one of its channels.");
        }
        String guild = request.invoker().guildId();
        Period period = request.choice("period", Period.ids()).map(Period::of).orElse(Period.ALL_TIME);
        Period.Window window = period.containing(request.receivedAt(), serverZone.apply(guild));
        return QuizRenderer.leaderboard(window, store.board(guild, window, LEADERBOARD_SIZE, request.invoker().userId()));
    }

    /**
     * A player's record and their place on each board. Names are the ones the bot saw with their
     * answers: no member list is needed, so no privileged intent.
     */
    private Reply profile(CommandRequest request) {
        if (!request.invoker().inGuild()) {
            throw new UserInputException("Quiz profiles belong to a server: ask in one of its channels.");
        }
        String guild = request.invoker().guildId();
        String member = request.text("member").orElse(request.invoker().userId());
        boolean self = member.equals(request.invoker().userId());
        Profile profile = store.profile(guild, member).orElseThrow(() -> new UserInputException(self
                ? "You have not played a quiz night in this server yet: answer in one when a host runs /quiz start."
                : "That member has not played a quiz night in this server yet."));
        ZoneId zone = serverZone.apply(guild);
        Map<Period.Window, Optional<QuizStore.Ranked>> places = new LinkedHashMap<>();
        for (Period period : Period.values()) {
            Period.Window window = period.containing(request.receivedAt(), zone);
            places.put(window, store.board(guild, window, 0, member).asker());
        }
        return QuizRenderer.profile(profile, places);
    }

    private static NightStyle style(CommandRequest request) {
        boolean teamsMode = request.choice("mode", MODES).map("teams"::equals).orElse(false);
        int teams = request.integer("teams", Teams.DEFAULT_TEAMS, Teams.MIN_TEAMS, Teams.MAX_TEAMS);
        if (!teamsMode && request.text("teams").isPresent()) {
            throw new UserInputException("`teams` is for a team night: add `mode:teams`, or leave `teams` out.");
        }
        return new NightStyle(teamsMode ? teams : 0, request.bool("hints", false));
    }

    private static String category(CommandRequest request) {
        return request.choice("category", CATEGORIES).orElse(null);
    }

    private static Difficulty difficulty(CommandRequest request) {
        return request.choice("difficulty", DIFFICULTIES).map(Difficulty::of).orElse(null);
    }
}

package dev.lalaland.bot;

import dev.lalaland.bot.awards.AwardsCommand;
import dev.lalaland.bot.cast.CastCommand;
import dev.lalaland.bot.command.ButtonHandler;
import dev.lalaland.bot.command.ChannelAccess;
import dev.lalaland.bot.command.CommandRegistry;
import dev.lalaland.bot.command.Outbox;
import dev.lalaland.bot.command.SlashCommand;
import dev.lalaland.bot.config.ConfigCommand;
import dev.lalaland.bot.config.TimeZoneNames;
import dev.lalaland.bot.db.Database;
import dev.lalaland.bot.db.GuildScope;
import dev.lalaland.bot.facts.FactStore;
import dev.lalaland.bot.help.HelpCommand;
import dev.lalaland.bot.onthisday.DailyPostComposer;
import dev.lalaland.bot.onthisday.DailyPostRoutine;
import dev.lalaland.bot.onthisday.DailyPostSettings;
import dev.lalaland.bot.onthisday.DailyPostStore;
import dev.lalaland.bot.onthisday.EventCalendar;
import dev.lalaland.bot.onthisday.FactRotation;
import dev.lalaland.bot.onthisday.OnThisDayCommand;
import dev.lalaland.bot.onthisday.OnThisDayRenderer;
import dev.lalaland.bot.quiz.NightLease;
import dev.lalaland.bot.quiz.Quiz;
import dev.lalaland.bot.quiz.QuizTimings;
import dev.lalaland.bot.routine.RoutineRunner;
import dev.lalaland.bot.song.SongCommand;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Builds every feature once and hands each its dependencies: the one place that knows which
 * commands, buttons and background routines the bot has.
 */
public final class Features {
    private final List<SlashCommand> commands = new ArrayList<>();
    private final List<ButtonHandler> buttons = new ArrayList<>();
    private final RoutineRunner routines;

    /**
     * Timings production leaves at their defaults and end-to-end tests shorten; console mode
     * uses {@link QuizTimings#forConsole()} so a practice answer is revealed at once.
     */
    public record Tuning(DailyPostRoutine.Options dailyPost, QuizTimings quiz, NightLease nightLease,
                         Duration podiumPoll) {
        /** How often the podium routine looks for a week or month that has ended. */
        public static final Duration PODIUM_POLL = Duration.ofMinutes(1);

        public static Tuning defaults() {
            return new Tuning(DailyPostRoutine.Options.defaults(), QuizTimings.standard());
        }

        /** Daily-post timings only; the quiz keeps its standard ones. */
        public Tuning(DailyPostRoutine.Options dailyPost) {
            this(dailyPost, QuizTimings.standard());
        }

        public Tuning(DailyPostRoutine.Options dailyPost, QuizTimings quiz) {
            this(dailyPost, quiz, NightLease.standard(), PODIUM_POLL);
        }

        public Tuning(DailyPostRoutine.Options dailyPost, QuizTimings quiz, NightLease nightLease) {
            this(dailyPost, quiz, nightLease, PODIUM_POLL);
        }

        public Tuning withQuiz(QuizTimings quiz) {
            return new Tuning(dailyPost, quiz, nightLease, podiumPoll);
        }

        public Tuning withPodiumPoll(Duration interval) {
            return new Tuning(dailyPost, quiz, nightLease, interval);
        }

        public Tuning withNightLease(NightLease lease) {
            return new Tuning(dailyPost, quiz, lease, podiumPoll);
        }
    }

    public Features(Database database, FactStore facts, Clock clock, ScheduledExecutorService scheduler,
                    Outbox outbox, ChannelAccess channelAccess) {
        this(database, facts, clock, scheduler, outbox, channelAccess, Tuning.defaults());
    }

    public Features(Database database, FactStore facts, Clock clock, ScheduledExecutorService scheduler,
                    Outbox outbox, ChannelAccess channelAccess, Tuning tuning) {
        this(database, facts, clock, scheduler, outbox, channelAccess, tuning, GuildScope.everyServer());
    }

    /**
     * @param scope the servers whose daily posts and quiz nights the background routines run:
     *              every server for the bot, the console's own for console mode
     */
    public Features(Database database, FactStore facts, Clock clock, ScheduledExecutorService scheduler,
                    Outbox outbox, ChannelAccess channelAccess, Tuning tuning, GuildScope scope) {
        routines = new RoutineRunner(clock, scheduler);
        commands.add(new CastCommand(facts));
        commands.add(new SongCommand(facts));
        commands.add(new AwardsCommand(facts));
        addOnThisDay(database, facts, clock, outbox, channelAccess, tuning.dailyPost(), scope);
        addQuiz(database, facts, clock, outbox, tuning, scope, new DailyPostStore(database, scope));
        commands.add(new HelpCommand(commands)); // last: its card lists the commands before it
    }

    /** {@code /quiz}, its answer buttons, and its question timers (resumed after a restart). */
    private void addQuiz(Database database, FactStore facts, Clock clock, Outbox outbox, Tuning tuning,
                         GuildScope scope, DailyPostStore dailyPosts) {
        // Weeks and months are the server's: in the daily post's time zone, kept even while the post is off.
        Function<String, ZoneId> serverZone = guild -> dailyPosts.settings(guild).map(DailyPostSettings::zone)
                .orElse(ZoneId.of("UTC"));
        Quiz quiz = new Quiz(database, facts, clock, routines, outbox, tuning.quiz(), scope, tuning.nightLease(),
                serverZone);
        routines.add(quiz.seasonPodiums(tuning.podiumPoll()));
        commands.add(quiz.command());
        buttons.addAll(quiz.buttonHandlers());
    }

    /** {@code /onthisday}, {@code /config} and the daily post they configure. */
    private void addOnThisDay(Database database, FactStore facts, Clock clock, Outbox outbox,
                              ChannelAccess channelAccess, DailyPostRoutine.Options dailyPost, GuildScope scope) {
        EventCalendar calendar = new EventCalendar(facts);
        OnThisDayRenderer renderer = new OnThisDayRenderer();
        DailyPostStore dailyPosts = new DailyPostStore(database, scope);
        commands.add(new OnThisDayCommand(calendar, renderer, clock));
        commands.add(new ConfigCommand(dailyPosts, channelAccess, new TimeZoneNames(), clock));
        DailyPostComposer composer = new DailyPostComposer(calendar, facts, new FactRotation(database), renderer);
        routines.add(new DailyPostRoutine(dailyPosts, composer, outbox, clock, dailyPost));
    }

    public CommandRegistry registry() {
        return new CommandRegistry(commands, buttons);
    }

    /** Every background routine (the daily post, the quiz's timers and housekeeping), not yet started. */
    public RoutineRunner routines() {
        return routines;
    }
}

package dev.lalaland.bot.quiz;

import dev.lalaland.bot.command.ButtonHandler;
import dev.lalaland.bot.command.Outbox;
import dev.lalaland.bot.command.SlashCommand;
import dev.lalaland.bot.db.Database;
import dev.lalaland.bot.db.GuildScope;
import dev.lalaland.bot.facts.FactStore;
import dev.lalaland.bot.report.Reports;
import dev.lalaland.bot.routine.Routine;
import dev.lalaland.bot.routine.RoutineRunner;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The quiz feature, assembled: the {@code /quiz} command, its answer buttons, and its background
 * work on the bot's {@link RoutineRunner}: question timers as one-off jobs, and this routine, which
 * on start resumes what a restart interrupted and then, once a day, deletes old questions.
 * Stopping only drops pending timers, since every change is already saved.
 */
public final class Quiz implements Routine {
    /** About 4 KiB each; the servers that asked most recently. */
    private static final int SERVERS_WITH_HISTORY_IN_MEMORY = 256;
    /**
     * Closed practice questions and ended nights are kept this long, then deleted: a busy server
     * asks thousands a week. Week and month boards add up the answers still kept, so this covers
     * the longest month, the day its podium may be posted late, and a night that ran across its start.
     */
    static final Duration KEEP_CLOSED = Duration.ofDays(40);
    private static final Duration FORGET_EVERY = Duration.ofDays(1);
    private static final Logger log = LoggerFactory.getLogger(Quiz.class);

    private final QuizStore store;
    private final QuestionBank bank;
    private final PracticeRounds practice;
    private final QuizNights nights;
    private final QuizCommand command;
    private final AnswerButtons buttons;
    private final HostButtons hostButtons;
    private final TeamButtons teamButtons;
    private final HintButtons hintButtons;
    private final Reports reports;
    private final Outbox outbox;
    private final GuildScope scope;
    private final Function<String, ZoneId> serverZone;
    private final Database database;
    private final String instanceId;

    /**
     * Builds the quiz and adds its routine to {@code routines}.
     *
     * @param scope whose nights and questions a restart resumes and clean-up deletes
     * @param serverZone a server's time zone, for its weeks and months (the daily post's, else UTC)
     */
    public Quiz(Database database, FactStore facts, Clock clock, RoutineRunner routines, Outbox outbox,
                QuizTimings timings, GuildScope scope, NightLease lease, Function<String, ZoneId> serverZone) {
        this(database, QuestionBank.from(facts), clock, routines, outbox, timings, new Random(), facts.version(), scope,
                lease, serverZone);
    }

    /** With a bank of its own, for tests: reports are stored with fact version {@code "unknown"}; every server on UTC. */
    Quiz(Database database, QuestionBank bank, Clock clock, RoutineRunner routines, Outbox outbox,
         QuizTimings timings, Random random) {
        this(database, bank, clock, routines, outbox, timings, random, "unknown", GuildScope.everyServer(),
                NightLease.standard(), guild -> ZoneId.of("UTC"));
    }

    private Quiz(Database database, QuestionBank bank, Clock clock, RoutineRunner routines, Outbox outbox,
                 QuizTimings timings, Random random, String factVersion, GuildScope scope, NightLease lease,
                 Function<String, ZoneId> serverZone) {
        // Names this process as the owner of the nights it runs; a restart is a new owner.
        this.instanceId = UUID.randomUUID().toString();
        this.store = new QuizStore(database, scope, instanceId, lease.length());
        this.database = database;
        this.outbox = outbox;
        this.scope = scope;
        this.serverZone = serverZone;
        this.bank = bank;
        Timers timers = new Timers(routines);
        // Reports know questions by id and text only; muted questions are skipped by every pick.
        this.reports = new Reports(database, factVersion, id -> bank.byId(id).map(Question::text), clock);
        QuestionPicker picker = new QuestionPicker(bank, random);
        SeenHistory seen = new SeenHistory(bank, store, SERVERS_WITH_HISTORY_IN_MEMORY);
        this.practice = new PracticeRounds(store, bank, picker, seen, reports::mutedIn, outbox, timers, clock, timings);
        NightControlStore controls = new NightControlStore(database);
        TeamHintStore teamsAndHints = new TeamHintStore(database);
        TeamJoins joins = new TeamJoins(store, teamsAndHints, outbox, timers, clock, timings);
        this.nights = new QuizNights(store, controls, bank, picker, seen, reports::mutedIn, outbox, timers, clock,
                timings, joins);
        this.command = new QuizCommand(practice, nights, store, reports, serverZone);
        this.buttons = new AnswerButtons(store, practice, nights, controls, timers, clock, timings);
        this.hostButtons = new HostButtons(nights);
        this.teamButtons = new TeamButtons(joins);
        this.hintButtons = new HintButtons(store, teamsAndHints, controls, clock);
        routines.add(this);
        routines.add(new NightLeases(store, nights, lease, clock, scope.mayStandInForOthers()));
    }

    public SlashCommand command() {
        return command;
    }

    public ButtonHandler buttons() {
        return buttons;
    }

    /**
     * Every button of the quiz: the answers, the host's control panel, the Join and Hint buttons,
     * and the Report, Mute and Unmute buttons with the report form.
     */
    public List<ButtonHandler> buttonHandlers() {
        List<ButtonHandler> all = new ArrayList<>();
        all.add(buttons);
        all.add(hostButtons);
        all.add(teamButtons);
        all.add(hintButtons);
        all.addAll(reports.buttonHandlers());
        return all;
    }

    /**
     * The routine that posts each week's and month's final podium, checking every
     * {@code pollInterval} whether one has ended; not added to any runner (the caller adds it).
     */
    public Routine seasonPodiums(Duration pollInterval) {
        return new SeasonPodiums(store, new PodiumStore(database, scope), serverZone, outbox, pollInterval);
    }

    public QuestionBank bank() {
        return bank;
    }

    @Override
    public String name() {
        return "quiz";
    }

    /** Resumes the nights and practice questions a restart interrupted. */
    @Override
    public void start(Instant now) {
        log.info("quiz nights run here as instance {}", instanceId);
        // Read once for both: each reveal is rebuilt from several queries.
        List<RoundResult> pendingReveals = store.pendingReveals();
        nights.resume(pendingReveals);
        practice.resume(pendingReveals);
    }

    /** Deletes what {@link #KEEP_CLOSED} allows, then again a day later. */
    @Override
    public Optional<Instant> runOnce(Instant now) {
        int deleted = store.forgetClosedBefore(now.minus(KEEP_CLOSED));
        if (deleted > 0) {
            log.info("deleted {} practice questions and nights closed over {} days ago", deleted, KEEP_CLOSED.toDays());
        }
        return Optional.of(now.plus(FORGET_EVERY));
    }

    @Override
    public Optional<Instant> afterFailure(Instant now) {
        return Optional.of(now.plus(FORGET_EVERY));
    }

    QuizStore store() {
        return store;
    }

    QuizNights nights() {
        return nights;
    }
}

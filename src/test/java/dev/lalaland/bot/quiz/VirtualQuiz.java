package dev.lalaland.bot.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lalaland.bot.command.ButtonClick;
import dev.lalaland.bot.command.CommandRegistry;
import dev.lalaland.bot.command.CommandRequest;
import dev.lalaland.bot.command.Dispatcher;
import dev.lalaland.bot.command.Invoker;
import dev.lalaland.bot.db.Database;
import dev.lalaland.bot.render.Button;
import dev.lalaland.bot.render.DiscordLimits;
import dev.lalaland.bot.render.Reply;
import dev.lalaland.bot.routine.RoutineRunner;
import dev.lalaland.bot.testing.ManualClock;
import dev.lalaland.bot.testing.ManualScheduler;
import dev.lalaland.bot.testing.RecordingOutbox;
import dev.lalaland.bot.testing.RecordingOutbox.Message;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One run of the quiz on virtual time: a real database, the bot's {@link RoutineRunner} on a
 * {@link ManualClock} and {@link ManualScheduler}, and a {@link RecordingOutbox}. The quiz keeps
 * its production timings ({@link QuizTimings#standard()}: a 10-second question is open for 10
 * virtual seconds), and time moves only when the test moves it: every timer runs in the test's
 * thread, at its virtual time, so no test can lose a race with a busy machine. A second one on
 * the same database and clock is the bot after a restart.
 *
 * <p>The one real wait left is the database's writer thread (a practice question is saved, and
 * its closing timed, there): {@link #settle} waits for what it has queued, and every method that
 * moves time settles first.
 */
final class VirtualQuiz implements AutoCloseable {
    static final String GUILD = "200000000000000001";
    static final String CHANNEL = "300000000000000001";
    static final Invoker ADMIN = new Invoker("400000000000000099", "Admin", GUILD, CHANNEL, true);
    /** How far {@link #runUntilPosted} looks ahead before it gives up: longer than any night's wait. */
    private static final Duration LOOK_AHEAD = Duration.ofHours(1);

    final Database database;
    final ManualClock clock;
    final ManualScheduler scheduler;
    final RoutineRunner routines;
    final RecordingOutbox outbox;
    final Quiz quiz;
    final Dispatcher dispatcher;

    /** Starts the quiz on {@code database} (closed with it) with production timings. */
    VirtualQuiz(Database database, ManualClock clock, Random random) {
        this(database, clock, QuizTimings.standard(), 6, random);
    }

    VirtualQuiz(Database database, ManualClock clock, QuizTimings timings, int questionsInBank, Random random) {
        this.database = database;
        this.clock = clock;
        this.scheduler = new ManualScheduler(clock);
        this.routines = new RoutineRunner(clock, scheduler);
        this.outbox = new RecordingOutbox(clock);
        this.quiz = new Quiz(database, TestQuestions.bank(questionsInBank), clock, routines, outbox, timings, random);
        this.dispatcher = new Dispatcher(new CommandRegistry(List.of(quiz.command()), quiz.buttonHandlers()));
        routines.start();
    }

    static Invoker player(int n) {
        return new Invoker("40000000000000000" + n, "Player " + n, GUILD, CHANNEL, false);
    }

    // ---- what players do ----

    Reply command(Invoker who, String sub, Map<String, String> options) {
        Reply reply = dispatcher.command(new CommandRequest("quiz", sub, options, who, clock.instant()));
        assertThat(DiscordLimits.violations(reply)).isEmpty();
        return reply;
    }

    /** {@code who} starts a night of {@code questions} questions of {@code seconds} each; returns the opening message. */
    Reply startNight(Invoker who, int questions, int seconds) {
        Reply opening = command(who, "start", Map.of("questions", Integer.toString(questions),
                "seconds", Integer.toString(seconds)));
        assertThat(opening.ephemeral()).as(opening.content()).isFalse();
        return opening;
    }

    Reply askPractice(Invoker who) {
        return command(who, "question", Map.of());
    }

    /** Clicks answer {@code choice} of {@code question}; the click reaches the bot now, by the bot's clock. */
    Reply click(Invoker who, Message question, int choice) {
        String id = question.reply().buttons().get(choice).id();
        Reply reply = dispatcher.click(new ButtonClick(id, question.messageId(), who, clock.instant()));
        assertThat(DiscordLimits.violations(reply)).isEmpty();
        return reply;
    }

    /** Clicks the host control {@code label} on the night's opening message. */
    Reply control(Invoker who, Reply opening, String label) {
        Button button = opening.buttons().stream().filter(b -> b.label().equals(label)).findFirst().orElseThrow();
        return dispatcher.click(new ButtonClick(button.id(), "opening", who, clock.instant()));
    }

    // ---- moving time ----

    /**
     * Waits until the database's writer has saved everything queued so far and run what follows
     * each save (a practice question's closing is timed then). Writes run in order, so a no-op
     * queued last completes after every earlier one and its callbacks.
     */
    void settle() {
        CompletableFuture<Object> marker = database.transactionLater(h -> null);
        database.writeQueuedNow();
        try {
            marker.get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while the database saved", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("the database's queued writes did not finish", e);
        }
    }

    /** Runs what is due now (a job a click started "at once"). */
    void runDue() {
        advance(Duration.ZERO);
    }

    /** Moves the clock forward by {@code by}, running each timer at its virtual time on the way. */
    void advance(Duration by) {
        advanceTo(clock.instant().plus(by));
    }

    void advanceTo(Instant until) {
        while (true) {
            settle();
            Instant next = scheduler.nextDue();
            if (next == null || next.isAfter(until)) {
                break;
            }
            scheduler.advanceTo(next);
        }
        scheduler.advanceTo(until);
    }

    /**
     * Runs the timers one instant at a time until a post matching {@code test} has been
     * delivered, and returns it; fails if nothing more is due within an hour of virtual time.
     */
    Message runUntilPosted(String what, Predicate<Message> test) {
        return runUntil(what, () -> outbox.find(test));
    }

    /** As {@link #runUntilPosted}, until the bot has tried to post it, whatever the answer. */
    Message runUntilSent(String what, Predicate<Message> test) {
        return runUntil(what, () -> outbox.findSent(test));
    }

    private Message runUntil(String what, Supplier<Optional<Message>> find) {
        Instant giveUp = clock.instant().plus(LOOK_AHEAD);
        while (true) {
            settle();
            Optional<Message> found = find.get();
            if (found.isPresent()) {
                return found.get();
            }
            Instant next = scheduler.nextDue();
            assertThat(next).as("something still to run before " + what + " is posted").isNotNull();
            assertThat(next).as(what + " posted within " + LOOK_AHEAD + " of virtual time").isBefore(giveUp);
            scheduler.advanceTo(next);
        }
    }

    /** The post matching {@code test}, which must already be there: no time passes. */
    Message posted(String what, Predicate<Message> test) {
        settle();
        return outbox.find(test).orElseThrow(() -> new AssertionError(what + " has not been posted"));
    }

    Message question(int number, int of) {
        return runUntilPosted("question " + number, isQuestion(number, of));
    }

    Message reveal(int number, int of) {
        return runUntilPosted("answer " + number, isReveal(number, of));
    }

    Message finalStandings() {
        return runUntilPosted("the final standings", VirtualQuiz::isFinalStandings);
    }

    // ---- what the posts are ----

    static Predicate<Message> isQuestion(int number, int of) {
        return m -> m.reply().buttons().size() == Question.CHOICES
                && m.title().startsWith("Question " + number + " of " + of + " ·");
    }

    static Predicate<Message> isReveal(int number, int of) {
        return m -> onlyReportButton(m.reply()) && m.title().startsWith("Question " + number + " of " + of + " · Answer: ");
    }

    static boolean isAnyNightReveal(Message m) {
        return onlyReportButton(m.reply()) && m.title().contains(" · Answer: ");
    }

    static boolean isFinalStandings(Message m) {
        return m.title().contains("Quiz night");
    }

    static boolean isPracticeReveal(Message m) {
        return m.title().startsWith("Answer: ");
    }

    /** A reveal's one button: Report, with the question's id. */
    static boolean onlyReportButton(Reply reply) {
        return reply.buttons().size() == 1 && reply.buttons().get(0).id().startsWith("report:")
                && reply.buttons().get(0).label().equals("Report");
    }

    /** Sums the "+N Player k" lines of every reveal: what players were told they gained. */
    Map<String, Integer> pointsAnnounced() {
        Map<String, Integer> points = new HashMap<>();
        Pattern gained = Pattern.compile("\\+(\\d+) (Player \\d+)");
        for (Message m : outbox.posts()) {
            if (!m.title().contains("· Answer: ")) {
                continue;
            }
            Matcher matcher = gained.matcher(m.text());
            while (matcher.find()) {
                points.merge(matcher.group(2), Integer.parseInt(matcher.group(1)), Integer::sum);
            }
        }
        return points;
    }

    /** Stops the bot (its timers with it: the state is saved) and closes the database. */
    @Override
    public void close() {
        routines.stop();
        scheduler.shutdownNow();
        database.close();
        assertThat(outbox.violations()).as("every message fits Discord's limits").isEmpty();
    }
}

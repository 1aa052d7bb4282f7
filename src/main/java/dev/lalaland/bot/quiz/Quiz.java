package dev.lalaland.bot.quiz;

import dev.lalaland.bot.Lifecycle;
import dev.lalaland.bot.command.ButtonHandler;
import dev.lalaland.bot.command.Outbox;
import dev.lalaland.bot.command.SlashCommand;
import dev.lalaland.bot.db.Database;
import dev.lalaland.bot.facts.FactStore;
import java.time.Clock;
import java.util.Random;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The quiz feature, assembled: the {@code /quiz} command, its answer buttons, and the background
 * work (question timers) as a {@link Lifecycle}. {@link #start} resumes what a restart interrupted;
 * {@link #stop} only drops pending timers, since every change is already saved.
 */
public final class Quiz implements Lifecycle {
    /** About 4 KiB each; the servers that asked most recently. */
    private static final int SERVERS_WITH_HISTORY_IN_MEMORY = 256;

    private final QuizStore store;
    private final QuestionBank bank;
    private final Timers timers;
    private final PracticeRounds practice;
    private final QuizNights nights;
    private final QuizCommand command;
    private final AnswerButtons buttons;

    public Quiz(Database database, FactStore facts, Clock clock, ScheduledExecutorService executor, Outbox outbox,
                QuizTimings timings) {
        this(database, QuestionBank.from(facts), clock, executor, outbox, timings, new Random());
    }

    Quiz(Database database, QuestionBank bank, Clock clock, ScheduledExecutorService executor, Outbox outbox,
         QuizTimings timings, Random random) {
        this.store = new QuizStore(database);
        this.bank = bank;
        this.timers = new Timers(executor, clock);
        QuestionPicker picker = new QuestionPicker(bank, random);
        SeenHistory seen = new SeenHistory(bank, store, SERVERS_WITH_HISTORY_IN_MEMORY);
        this.practice = new PracticeRounds(store, bank, picker, seen, outbox, timers, clock, timings);
        this.nights = new QuizNights(store, bank, picker, seen, outbox, timers, clock, timings);
        this.command = new QuizCommand(practice, nights, store);
        this.buttons = new AnswerButtons(store, practice, clock, timings);
    }

    public SlashCommand command() {
        return command;
    }

    public ButtonHandler buttons() {
        return buttons;
    }

    public QuestionBank bank() {
        return bank;
    }

    /** The scoring rules in a few lines, for {@code /help}; docs/QUIZ.md has the full version. */
    public static String rulesForHelp() {
        return QuizRenderer.rulesSummary();
    }

    @Override
    public void start() {
        timers.restart();
        nights.resume();
        practice.resume();
    }

    @Override
    public void stop() {
        timers.stopAll();
    }

    QuizStore store() {
        return store;
    }
}

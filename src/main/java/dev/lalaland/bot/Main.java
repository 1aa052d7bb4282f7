package dev.lalaland.bot;

import dev.lalaland.bot.backup.BackupMode;
import dev.lalaland.bot.command.Dispatcher;
import dev.lalaland.bot.command.ChannelAccess;
import dev.lalaland.bot.console.ConsoleMode;
import dev.lalaland.bot.console.ConsoleOutbox;
import dev.lalaland.bot.db.Database;
import dev.lalaland.bot.db.DatabaseException;
import dev.lalaland.bot.db.GuildScope;
import dev.lalaland.bot.discord.DiscordUnreachableException;
import dev.lalaland.bot.discord.TokenRefusedException;
import dev.lalaland.bot.db.SqliteToPostgres;
import dev.lalaland.bot.facts.DataValidationException;
import dev.lalaland.bot.facts.FactFiles;
import dev.lalaland.bot.facts.FactSet;
import dev.lalaland.bot.facts.FactStore;
import dev.lalaland.bot.quiz.QuizTimings;
import dev.lalaland.bot.settings.Settings;
import dev.lalaland.bot.settings.SettingsException;
import dev.lalaland.bot.settings.SettingsLoader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar lalaland-bot.jar [run | console | check-data [DIR] | backup FILE | restore FILE [--force] | migrate-db]}.
 * Exit codes: 0 done, 1 unexpected failure, 2 bad setting or bad data (named on one line).
 */
public final class Main {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int BAD_CONFIG = 2;
    private static final Logger log = LoggerFactory.getLogger(Main.class);

    private Main() {
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        String mode = args.length == 0 ? "run" : args[0];
        try {
            return switch (mode) {
                case "run" -> runBot();
                case "console" -> runConsole(out);
                case "check-data" -> checkData(args.length > 1 ? Path.of(args[1]) : null, out, err);
                case "backup", "restore" -> backupOrRestore(mode, List.of(args).subList(1, args.length), out, err);
                case "migrate-db" -> migrateDb(out, err);
                default -> {
                    err.println("error: unknown mode '" + mode + "': use run, console, check-data [DIR], backup FILE, "
                            + "restore FILE or migrate-db");
                    yield BAD_CONFIG;
                }
            };
        } catch (SettingsException e) {
            err.println("error: " + e.getMessage());
            return BAD_CONFIG;
        } catch (DataValidationException e) {
            e.problems().forEach(p -> err.println("error: " + p));
            err.println("error: " + e.problems().size() + " problem(s) in the data files (BOT_DATA_DIR)");
            return BAD_CONFIG;
        } catch (DatabaseException e) {
            err.println("error: " + e.setting() + ": " + e.getMessage());
            return BAD_CONFIG;
        } catch (TokenRefusedException e) {
            err.println("error: DISCORD_TOKEN was refused by Discord: check the token in the developer portal");
            return BAD_CONFIG;
        } catch (DiscordUnreachableException e) {
            err.println("error: " + e.getMessage());
            return FAILED;
        } catch (IOException e) {
            err.println("error: cannot read standard input: " + e.getMessage());
            return FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return FAILED;
        } catch (RuntimeException e) {
            err.println("error: " + e);
            return FAILED;
        }
    }

    private static int runBot() throws InterruptedException {
        Settings settings = SettingsLoader.fromEnvironment();
        settings.requireToken();
        // SIGTERM (docker stop) and SIGINT: shut down in order and exit 0, not the JVM's 143. While
        // starting too (Discord can keep the start waiting up to a minute): the start is
        // interrupted and closes what it had opened.
        CountDownLatch stopAsked = new CountDownLatch(1);
        AtomicBoolean starting = new AtomicBoolean(true);
        Thread main = Thread.currentThread();
        StopSignals.onStop(() -> {
            stopAsked.countDown();
            if (starting.get()) {
                main.interrupt();
            }
        });
        BotApplication app;
        try {
            app = BotApplication.start(settings, Clock.systemUTC());
        } catch (InterruptedException | RuntimeException e) {
            if (stopAsked.getCount() == 0) {
                log.info("stopped while starting");
                return OK;
            }
            throw e;
        } finally {
            starting.set(false);
        }
        // Where the signals cannot be handled (another platform), the JVM's exit still closes in order.
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "shutdown"));
        try {
            stopAsked.await();
        } catch (InterruptedException e) {
            // the stop signal, come as the start was finishing
        }
        app.close();
        return OK;
    }

    private static int runConsole(PrintStream out) throws IOException {
        // docker stop (SIGTERM) or Ctrl-C ends the session as the end of the input does: exit 0, not 143.
        StoppableInput input = new StoppableInput(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        StopSignals.onStop(input::end);
        Settings settings = SettingsLoader.fromEnvironment();
        Clock clock = Clock.systemUTC();
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "console-timer");
            t.setDaemon(true);
            return t;
        });
        try (Database database = openConsoleDatabase(settings, clock)) {
            ConsoleOutbox outbox = new ConsoleOutbox();
            ChannelAccess anyChannel = (guild, channel) -> Optional.empty();
            // One player at the keyboard: a practice question reveals its answer as soon as it is answered.
            // Its routines run the console's own server only, whatever else the database holds.
            Features features = new Features(database, new FactStore(database), clock, scheduler, outbox, anyChannel,
                    Features.Tuning.defaults().withQuiz(QuizTimings.forConsole()),
                    GuildScope.only(ConsoleMode.USER.guildId()));
            ConsoleMode console = new ConsoleMode(new Dispatcher(features.registry()), clock, out);
            outbox.printTo(console::printPosted);
            // As in Discord while the session is open: a quiz night left running goes on, daily posts come on time.
            features.routines().start();
            console.run(new BufferedReader(input));
            finishQueuedWork(scheduler);
            features.routines().stop();
        } finally {
            scheduler.shutdownNow();
        }
        return OK;
    }

    /** Console mode's own database (BOT_CONSOLE_DATABASE), never the bot's unless an admin points it there. */
    private static Database openConsoleDatabase(Settings settings, Clock clock) {
        try {
            return BotApplication.openWithFacts(settings.consoleDatabase(), settings.dataDir(), clock);
        } catch (DatabaseException e) {
            throw new SettingsException("BOT_CONSOLE_DATABASE: " + e.getMessage());
        }
    }

    /**
     * Lets what the last commands set off on the (single) timer thread, such as a stopped night's
     * final standings, print before the session ends: tasks due now run in the order queued.
     */
    private static void finishQueuedWork(ScheduledExecutorService scheduler) {
        try {
            scheduler.submit(() -> { }).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // Not waited for any longer: the session ends as it would have.
        }
    }

    /**
     * Backs up or restores the SQLite file (BOT_DATABASE). A PostgreSQL database has its own tools
     * for that, which know its server: the modes refuse rather than copy a file the bot is not using.
     */
    private static int backupOrRestore(String mode, List<String> args, PrintStream out, PrintStream err) {
        Settings settings = SettingsLoader.fromEnvironment();
        if (settings.databaseUrl() != null) {
            err.println("error: BOT_DATABASE_URL is set: " + mode + " copies the SQLite file (BOT_DATABASE); "
                    + "back up PostgreSQL with pg_dump and restore it with pg_restore");
            return BAD_CONFIG;
        }
        return BackupMode.run(mode, args, settings.database(), System.in, out, err);
    }

    /**
     * Copies the SQLite file (BOT_DATABASE) into the PostgreSQL database at BOT_DATABASE_URL, which
     * must be empty, and checks every table's row count. The bot must be stopped meanwhile.
     */
    private static int migrateDb(PrintStream out, PrintStream err) {
        Settings settings = SettingsLoader.fromEnvironment();
        if (settings.databaseUrl() == null) {
            err.println("error: BOT_DATABASE_URL is not set: migrate-db copies BOT_DATABASE into the PostgreSQL "
                    + "database it names");
            return BAD_CONFIG;
        }
        if (!Files.isRegularFile(settings.database())) {
            err.println("error: BOT_DATABASE: " + settings.database() + " does not exist: nothing to copy");
            return BAD_CONFIG;
        }
        try (Database sqlite = Database.open(settings.database());
             Database postgres = Database.open(settings.databaseUrl())) {
            SqliteToPostgres.Copied copied = SqliteToPostgres.copy(sqlite, postgres);
            copied.rowsByTable().forEach((table, rows) -> out.println(table + ": " + rows + " rows"));
            out.println("ok: " + copied.rowsByTable().size() + " tables, " + copied.rows() + " rows copied from "
                    + settings.database() + " to " + settings.databaseUrl() + "; counts checked");
            return OK;
        }
    }

    private static int checkData(Path dir, PrintStream out, PrintStream err) {
        if (dir != null && !Files.isDirectory(dir)) {
            err.println("error: " + dir + " is not a directory");
            return BAD_CONFIG;
        }
        FactSet facts;
        try {
            facts = FactFiles.load(dir);
        } catch (DataValidationException e) {
            // Said of the folder checked, not of BOT_DATA_DIR, which check-data does not read.
            e.problems().forEach(p -> err.println("error: " + p));
            err.println("error: " + e.problems().size() + " problem(s) in the data files "
                    + (dir == null ? "bundled in the jar" : "in " + dir));
            return BAD_CONFIG;
        }
        out.println("ok: " + facts.people().size() + " people, " + facts.songs().size() + " songs, "
                + facts.ceremonies().size() + " ceremonies, " + facts.nominations().size() + " nominations, "
                + facts.events().size() + " events, " + facts.facts().size() + " facts, "
                + facts.questions().size() + " questions");
        return OK;
    }
}

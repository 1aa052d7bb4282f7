package dev.lalaland.bot;

import dev.lalaland.bot.command.CommandRegistry;
import dev.lalaland.bot.db.Database;
import dev.lalaland.bot.db.DatabaseException;
import dev.lalaland.bot.db.GuildScope;
import dev.lalaland.bot.facts.DataValidationException;
import dev.lalaland.bot.discord.DiscordBot;
import dev.lalaland.bot.discord.HealthBeacon;
import dev.lalaland.bot.facts.FactFiles;
import dev.lalaland.bot.facts.FactImporter;
import dev.lalaland.bot.facts.FactSet;
import dev.lalaland.bot.facts.FactStore;
import dev.lalaland.bot.routine.RoutineRunner;
import dev.lalaland.bot.settings.Settings;
import dev.lalaland.bot.settings.SettingsException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running bot: database, fact store, features and the Discord connection, started in order
 * and stopped in reverse so that nothing in flight is lost. Tests start and stop it too.
 */
public final class BotApplication implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(BotApplication.class);
    private static final int WORKERS = 4;

    private final Database database;
    private final DiscordBot discord;
    private final ExecutorService workers;
    private final ScheduledExecutorService scheduler;
    private final RoutineRunner routines;
    private final HealthBeacon health;
    private boolean closed;

    private BotApplication(Database database, DiscordBot discord, ExecutorService workers,
                           ScheduledExecutorService scheduler, RoutineRunner routines, HealthBeacon health) {
        this.database = database;
        this.discord = discord;
        this.workers = workers;
        this.scheduler = scheduler;
        this.routines = routines;
        this.health = health;
    }

    /** Opens the database, loads the facts, connects to Discord and waits until it is ready. */
    public static BotApplication start(Settings settings, Clock clock) throws InterruptedException {
        return start(settings, clock, Features.Tuning.defaults());
    }

    /** As {@link #start(Settings, Clock)}, with shorter timings for end-to-end tests. */
    public static BotApplication start(Settings settings, Clock clock, Features.Tuning tuning)
            throws InterruptedException {
        settings.requireToken();
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, named("bot-timer"));
        ExecutorService workers = Executors.newFixedThreadPool(WORKERS, named("bot-worker"));
        DiscordBot discord = new DiscordBot(settings);
        CompletableFuture<CommandRegistry> commands = new CompletableFuture<>();
        // Logging in to Discord takes network round trips and the database a few hundred
        // milliseconds to open: do both at once. Commands register once both are done.
        CompletableFuture<Opened> opening = CompletableFuture.supplyAsync(
                () -> open(settings, clock, scheduler, discord, tuning), scheduler);
        try {
            discord.start(commands, workers, clock);
            Opened opened = await(opening);
            CommandRegistry registry = opened.features().registry();
            commands.complete(registry);
            boolean connected = discord.awaitReady(Duration.ofSeconds(60));
            if (!connected) {
                log.warn("Discord is not ready after 60 s; still trying in the background");
            }
            RoutineRunner routines = opened.features().routines();
            HealthBeacon health = null;
            if (settings.healthFile() != null) {
                health = new HealthBeacon(settings.healthFile(), discord::connected, clock);
                routines.add(health);
            }
            routines.start();
            if (connected) {
                log.info("ready: {} commands, {} servers", registry.commands().size(), discord.serverCount());
            } else {
                log.info("started: {} commands, answered once Discord connects", registry.commands().size());
            }
            return new BotApplication(opened.database(), discord, workers, scheduler, routines, health);
        } catch (RuntimeException | InterruptedException e) {
            commands.completeExceptionally(e);
            discord.close();
            Throwable localProblem = opening.handle((opened, failure) -> {
                if (opened != null) {
                    opened.database().close();
                }
                return failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
            }).join();
            workers.shutdownNow();
            scheduler.shutdownNow();
            // A bad database or bad data files are the admin's to fix whatever Discord said
            // (unreachable, token refused): named first, with exit code 2, as if checked before
            // connecting. They are checked beside the connection only to start faster.
            if (e instanceof RuntimeException && isLocalSetting(localProblem)) {
                throw (RuntimeException) localProblem;
            }
            throw e;
        }
    }

    private static boolean isLocalSetting(Throwable problem) {
        return problem instanceof DatabaseException || problem instanceof DataValidationException
                || problem instanceof SettingsException;
    }

    private record Opened(Database database, Features features) {
    }

    private static Opened open(Settings settings, Clock clock, ScheduledExecutorService scheduler, DiscordBot discord,
                               Features.Tuning tuning) {
        Database database = openWithFacts(settings, clock);
        try {
            return new Opened(database, new Features(database, new FactStore(database), clock, scheduler,
                    discord.outbox(), discord.channelAccess(), tuning, GuildScope.onShards(settings.shards())));
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** Waits for {@code future}, rethrowing its own exception so bad data still exits with 2. */
    private static <T> T await(CompletableFuture<T> future) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** How long start-up waits at most between two tries to reach PostgreSQL. */
    private static final Duration POSTGRES_RETRY_AT_MOST = Duration.ofSeconds(30);

    /**
     * The SQLite file, or the PostgreSQL database when {@code BOT_DATABASE_URL} is set (then the
     * file is not used): waits for PostgreSQL as long as it takes to be reachable.
     */
    public static Database openDatabase(Settings settings) {
        if (settings.databaseUrl() == null) {
            return Database.open(settings.database());
        }
        try {
            return Database.openWhenReachable(settings.databaseUrl(), POSTGRES_RETRY_AT_MOST);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DatabaseException("BOT_DATABASE_URL", "stopped while waiting for PostgreSQL", e);
        }
    }

    /** Opens the bot's database and brings the fact tables up to date with the data files. */
    public static Database openWithFacts(Settings settings, Clock clock) {
        return withFacts(openDatabase(settings), settings.dataDir(), clock);
    }

    /** Opens the SQLite {@code file} and brings its fact tables up to date with the files in {@code dataDir} (null: bundled). */
    public static Database openWithFacts(Path file, Path dataDir, Clock clock) {
        return withFacts(Database.open(file), dataDir, clock);
    }

    /** Brings the fact tables of {@code database} up to date; closes it if that fails. */
    private static Database withFacts(Database database, Path dataDir, Clock clock) {
        try {
            FactImporter importer = new FactImporter(database, clock);
            // Files already imported were validated then: a restart only hashes them, since
            // reading and validating them again was a good part of the start-up time.
            if (importer.holds(FactFiles.checksum(dataDir))) {
                return database;
            }
            FactSet facts = FactFiles.load(dataDir);
            if (importer.importIfChanged(facts)) {
                log.info("fact store loaded from {}", dataDir == null ? "bundled data" : dataDir);
            }
            return database;
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    public boolean connected() {
        return discord.connected();
    }

    /** Each background routine's runs, failures and next run, by name. */
    public List<RoutineRunner.Status> routineReport() {
        return routines.report();
    }

    /** How many servers this process serves: those on its shards. */
    public int serverCount() {
        return discord.serverCount();
    }

    /** Stops taking work, finishes what is in flight, saves state and disconnects. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        log.info("shutting down");
        try {
            routines.stop();
        } catch (RuntimeException e) {
            log.error("stopping the routines failed", e);
        }
        workers.shutdown();
        try {
            if (!workers.awaitTermination(4, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        discord.close();
        scheduler.shutdownNow();
        if (health != null) {
            health.close();
        }
        database.close();
        log.info("stopped");
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}

package dev.lalaland.bot;

import dev.lalaland.bot.command.ChannelAccess;
import dev.lalaland.bot.command.CommandRegistry;
import dev.lalaland.bot.command.Outbox;
import dev.lalaland.bot.console.ConsoleOutbox;
import dev.lalaland.bot.db.Database;
import dev.lalaland.bot.facts.FactFiles;
import dev.lalaland.bot.facts.FactImporter;
import dev.lalaland.bot.facts.FactStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Every feature wired as in production, on a real SQLite file with the bundled facts, but
 * without Discord: for tests that drive commands directly.
 */
public final class TestBot implements AutoCloseable {
    public final Database database;
    public final FactStore facts;
    public final Features features;
    public final CommandRegistry registry;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    public TestBot(Path dir, Clock clock) {
        this(dir, clock, new ConsoleOutbox(), (guild, channel) -> Optional.empty());
    }

    public TestBot(Path dir, Clock clock, Outbox outbox, ChannelAccess access) {
        database = Database.open(dir.resolve("bot.db"));
        new FactImporter(database, clock).importIfChanged(FactFiles.load(null));
        facts = new FactStore(database);
        features = new Features(database, facts, clock, scheduler, outbox, access);
        registry = features.registry();
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        database.close();
    }
}

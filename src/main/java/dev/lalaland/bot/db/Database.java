package dev.lalaland.bot.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Where the facts and all server state live: one SQLite file (the default) or a PostgreSQL
 * database ({@code BOT_DATABASE_URL}). Every store reaches it the same way, through JDBI with
 * plain SQL: {@link #read}, {@link #transaction} and {@link #transactionLater}.
 *
 * <p>Work runs one piece at a time per process, under one lock: SQLite serialises writers
 * anyway and the bot's queries take microseconds, and the stores' check-then-change
 * transactions rely on it. On SQLite that is one connection kept open with its compiled
 * statements ({@link KeptStatements}); on PostgreSQL a connection from a small pool that
 * reconnects after the server restarts. The schema is versioned by Flyway migrations in
 * {@code db/migration/common} and {@code db/migration/<dialect>}; server state is never
 * dropped by them.
 *
 * <p>Work that must be saved but need not hold up a reply is queued with
 * {@link #transactionLater}: it runs on the database's one writer thread in the order queued,
 * together with whatever else was queued within {@link #WRITE_BATCH_WINDOW}. Queued under a key,
 * a later caller can wait for exactly that write ({@link #awaitSaved}), which writes the queue at
 * once rather than at the end of its window; {@link #close} writes all of it before closing.
 */
public final class Database implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Database.class);

    /**
     * How long a queued write waits for others to share its transaction. Under load the writer
     * then wakes once per window instead of once per write, and one commit serves them all
     * (issue 6); the price is that a process killed outright loses the last window's writes.
     */
    static final Duration WRITE_BATCH_WINDOW = Duration.ofMillis(20);
    /** How long {@link #awaitSaved} waits for a queued write; one takes microseconds to milliseconds. */
    private static final long SAVE_WAIT_SECONDS = 10;

    private final String name;
    private final Path file;
    private final Dialect dialect;
    private final Jdbi jdbi;
    /** SQLite: the one handle, over the one connection, for the database's life. Null on PostgreSQL. */
    private final Handle keptHandle;
    /** PostgreSQL's pool; null on SQLite. */
    private final HikariDataSource pool;
    private final Duration writeBatchWindow;
    private final ReentrantLock lock = new ReentrantLock();
    private final ScheduledThreadPoolExecutor writer;
    private final Object queueLock = new Object();
    /** Guarded by {@link #queueLock}, as are the two flags. */
    private List<QueuedWrite<?>> queued = new ArrayList<>();
    private boolean writeScheduled;
    private boolean acceptingWrites = true;
    private boolean closed;
    /** Writes queued under a key and not yet saved, for {@link #awaitSaved}. */
    private final Map<Object, CompletableFuture<?>> saving = new ConcurrentHashMap<>();

    private Database(String name, Path file, Dialect dialect, Jdbi jdbi, Handle keptHandle, HikariDataSource pool,
                     Duration writeBatchWindow) {
        this.name = name;
        this.file = file;
        this.dialect = dialect;
        this.jdbi = jdbi;
        this.keptHandle = keptHandle;
        this.pool = pool;
        this.writeBatchWindow = writeBatchWindow;
        this.writer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "db-writer");
            t.setDaemon(true);
            return t;
        });
        // close() writes what is queued at once; the timed runs are not needed after it.
        this.writer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /** Opens (creating if needed) and migrates the SQLite file. */
    public static Database open(Path file) {
        return open(file, WRITE_BATCH_WINDOW);
    }

    /** With another batching window, for tests. */
    static Database open(Path file, Duration writeBatchWindow) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new DatabaseException("cannot create the folder for " + file + ": " + e.getMessage(), e);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(5_000);
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        try {
            migrate(dataSource, Dialect.SQLITE);
            Connection connection = dataSource.getConnection();
            Jdbi jdbi = Jdbi.create(connection);
            jdbi.setStatementBuilderFactory(c -> new KeptStatements());
            return new Database(file.toString(), file, Dialect.SQLITE, jdbi, jdbi.open(), null, writeBatchWindow);
        } catch (SQLException | RuntimeException e) {
            throw new DatabaseException("cannot open database " + file + ": " + rootMessage(e), e);
        }
    }

    /**
     * Opens and migrates the PostgreSQL database at {@code url}.
     *
     * @throws PostgresUnreachableException when the server cannot be reached (yet): worth trying again
     * @throws DatabaseException naming {@code BOT_DATABASE_URL} for anything else (refused login, no such database)
     */
    public static Database open(PostgresUrl url) {
        return open(url, WRITE_BATCH_WINDOW);
    }

    /**
     * Opens the PostgreSQL database, waiting for the server for as long as it takes: at start-up
     * (docker compose starts the bot and PostgreSQL together; a server restarting) the bot keeps
     * one process and retries, 1 s after the first failure and doubling up to {@code maxBackoff},
     * instead of exiting and being restarted over and over. The first failure is logged on one
     * line naming BOT_DATABASE_URL, then one line a minute while it lasts. Anything but an
     * unreachable server (a refused login, no such database) fails at once.
     *
     * @throws InterruptedException when stopped while waiting
     */
    public static Database openWhenReachable(PostgresUrl url, Duration maxBackoff) throws InterruptedException {
        Duration backoff = Duration.ofSeconds(1);
        long firstFailure = 0;
        long lastLogged = 0;
        int attempts = 0;
        while (true) {
            attempts++;
            try {
                Database database = open(url);
                if (attempts > 1) {
                    log.info("BOT_DATABASE_URL: PostgreSQL at {} reached after {} attempts", url, attempts);
                }
                return database;
            } catch (PostgresUnreachableException e) {
                long now = System.nanoTime();
                if (attempts == 1) {
                    firstFailure = now;
                    lastLogged = now;
                    log.warn("BOT_DATABASE_URL: {}; trying again until it is (up to every {} s)", e.getMessage(),
                            maxBackoff.toSeconds());
                } else if (Duration.ofNanos(now - lastLogged).compareTo(Duration.ofMinutes(1)) >= 0) {
                    lastLogged = now;
                    log.warn("BOT_DATABASE_URL: PostgreSQL at {} still not reachable after {} s", url,
                            Duration.ofNanos(now - firstFailure).toSeconds());
                }
            }
            Thread.sleep(backoff.toMillis());
            backoff = backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : backoff.multipliedBy(2);
        }
    }

    static Database open(PostgresUrl url, Duration writeBatchWindow) {
        PGSimpleDataSource probe = new PGSimpleDataSource();
        probe.setURL(url.jdbcUrl());
        probe.setUser(url.user());
        probe.setPassword(url.password());
        probe.setConnectTimeout(10);
        try (Connection c = probe.getConnection()) {
            c.isValid(5);
        } catch (SQLException e) {
            if (PostgresUnreachableException.isUnreachable(e)) {
                throw new PostgresUnreachableException(url, e);
            }
            throw new DatabaseException(Setting.URL, "PostgreSQL at " + url + " refused: " + rootMessage(e), e);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url.jdbcUrl());
        config.setUsername(url.user());
        config.setPassword(url.password());
        // Work runs one piece at a time (the lock); a second connection lets the next piece start
        // while a broken one is being replaced.
        config.setMaximumPoolSize(2);
        config.setMinimumIdle(1);
        config.setPoolName("lalaland-db");
        config.setInitializationFailTimeout(-1);
        HikariDataSource pool = new HikariDataSource(config);
        try {
            migrate(pool, Dialect.POSTGRESQL);
            return new Database(url.toString(), null, Dialect.POSTGRESQL, Jdbi.create((DataSource) pool), null, pool,
                    writeBatchWindow);
        } catch (RuntimeException e) {
            pool.close();
            throw new DatabaseException(Setting.URL, "cannot open PostgreSQL at " + url + ": " + rootMessage(e), e);
        }
    }

    /** The names start-up errors use. */
    static final class Setting {
        static final String URL = "BOT_DATABASE_URL";

        private Setting() {
        }
    }

    private static void migrate(DataSource dataSource, Dialect dialect) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations(dialect.migrationLocations().toArray(String[]::new))
                .loggers("slf4j")
                .load()
                .migrate();
    }

    /** The SQLite file; null on PostgreSQL. */
    public Path file() {
        return file;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** Runs read-only work. */
    public <T> T read(SqlWork<T> work) {
        lock.lock();
        try {
            ensureOpen();
            return withHandle(work);
        } catch (JdbiException e) {
            throw new DatabaseException("database read failed: " + rootMessage(e), e);
        } finally {
            lock.unlock();
        }
    }

    /** Runs work in one transaction: all of it is saved, or none of it. */
    public <T> T transaction(SqlWork<T> work) {
        lock.lock();
        try {
            ensureOpen();
            return withHandle(h -> h.inTransaction(work::run));
        } catch (JdbiException e) {
            throw new DatabaseException("database write failed: " + rootMessage(e), e);
        } finally {
            lock.unlock();
        }
    }

    /** Called under the lock. */
    private <T> T withHandle(SqlWork<T> work) {
        if (keptHandle != null) {
            return work.run(keptHandle);
        }
        try (Handle h = jdbi.open()) {
            return work.run(h);
        }
    }

    /**
     * Queues work to run on the writer thread, after everything queued before it, in a
     * transaction it shares with the others of its {@link #WRITE_BATCH_WINDOW}. Work that fails
     * fails alone: the rest of its batch is saved. The future completes once the work is
     * committed, on the writer thread, or fails with the {@link DatabaseException}.
     *
     * @throws DatabaseException at once if the database is closing
     */
    public <T> CompletableFuture<T> transactionLater(SqlWork<T> work) {
        QueuedWrite<T> write = new QueuedWrite<>(work);
        synchronized (queueLock) {
            if (!acceptingWrites) {
                throw new DatabaseException("database is closed", null);
            }
            queued.add(write);
            if (!writeScheduled) {
                writeScheduled = true;
                writer.schedule(this::writeQueued, writeBatchWindow.toNanos(), TimeUnit.NANOSECONDS);
            }
        }
        return write.done;
    }

    /**
     * As {@link #transactionLater}, and until it is saved {@link #awaitSaved} with the same
     * {@code key} waits for it: a store answers at once with what it queued, and reads it back
     * later as if it had been written straight away.
     */
    public <T> CompletableFuture<T> transactionLater(Object key, SqlWork<T> work) {
        CompletableFuture<T> saved = transactionLater(work);
        saving.put(key, saved);
        saved.whenComplete((ok, error) -> saving.remove(key, saved));
        return saved;
    }

    /**
     * Waits until the write queued under {@code key}, if any, is saved (or has failed, which its
     * queuer hears of): it is written now rather than at the end of its window.
     */
    public void awaitSaved(Object key) {
        CompletableFuture<?> pending = saving.get(key);
        if (pending == null) {
            return;
        }
        if (!pending.isDone()) {
            writeQueuedNow();
        }
        try {
            pending.get(SAVE_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // Reported to whoever queued it; what it wrote is then simply not there.
        }
    }

    /** Waits until every write queued under a key so far is saved. */
    public void awaitAllSaved() {
        saving.keySet().forEach(this::awaitSaved);
    }

    /**
     * Runs the queued writes now instead of at the end of their window, for a caller that must
     * wait for one of them (an answer to a practice question asked a moment ago).
     */
    public void writeQueuedNow() {
        synchronized (queueLock) {
            if (!queued.isEmpty() && acceptingWrites) {
                writer.execute(this::writeQueued);
            }
        }
    }

    private void writeQueued() {
        List<QueuedWrite<?>> batch;
        synchronized (queueLock) {
            batch = queued;
            queued = new ArrayList<>();
            writeScheduled = false;
        }
        if (batch.isEmpty()) {
            return; // already written, early (writeQueuedNow) or by close
        }
        try {
            transaction(h -> {
                for (QueuedWrite<?> write : batch) {
                    write.run(h);
                }
                return null;
            });
            batch.forEach(QueuedWrite::succeed);
        } catch (RuntimeException batchFailed) {
            // One write failed and took the others' transaction with it: run each on its own, so
            // only the failing one fails.
            for (QueuedWrite<?> write : batch) {
                try {
                    transaction(h -> {
                        write.run(h);
                        return null;
                    });
                    write.succeed();
                } catch (RuntimeException e) {
                    write.fail(e instanceof DatabaseException ? e
                            : new DatabaseException("database write failed: " + rootMessage(e), e));
                }
            }
        }
    }

    /** Work queued for the writer, with its result once run. */
    private static final class QueuedWrite<T> {
        private final SqlWork<T> work;
        private final CompletableFuture<T> done = new CompletableFuture<>();
        private T result;

        QueuedWrite(SqlWork<T> work) {
            this.work = work;
        }

        void run(Handle h) {
            result = work.run(h);
        }

        void succeed() {
            done.complete(result);
        }

        void fail(Throwable error) {
            done.completeExceptionally(error);
        }
    }

    /**
     * Finishes the queued writes, then (SQLite) folds the write-ahead log into the main file, and
     * closes; later calls fail.
     */
    @Override
    public void close() {
        boolean firstClose;
        synchronized (queueLock) {
            firstClose = acceptingWrites;
            acceptingWrites = false;
        }
        if (firstClose) {
            writer.execute(this::writeQueued); // now, not at the end of the window
            writer.shutdown();
        }
        try {
            if (!writer.awaitTermination(10, TimeUnit.SECONDS)) {
                log.error("queued database writes did not finish within 10 s; closing anyway");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            if (keptHandle != null) {
                try {
                    keptHandle.execute("PRAGMA wal_checkpoint(TRUNCATE)");
                } catch (JdbiException e) {
                    log.warn("WAL checkpoint failed on close: {}", rootMessage(e));
                }
                Connection connection = keptHandle.getConnection();
                keptHandle.close();
                connection.close();
            }
            if (pool != null) {
                pool.close();
            }
        } catch (SQLException | JdbiException e) {
            log.warn("closing the database {} failed: {}", name, rootMessage(e));
        } finally {
            lock.unlock();
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new DatabaseException("database is closed", null);
        }
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}

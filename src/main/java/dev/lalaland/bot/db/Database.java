package dev.lalaland.bot.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The one SQLite file that holds the fact store and all server state.
 *
 * <p>One connection, used by one thread at a time: SQLite serialises writers anyway, and the
 * bot's queries take microseconds, so a lock is simpler and faster than a pool. The schema is
 * versioned by Flyway migrations in {@code db/migration}; server state is never dropped by them.
 *
 * <p>Work that must be saved but need not hold up a reply can be queued with
 * {@link #transactionLater}: it runs on the database's one writer thread in the order queued,
 * together with whatever else was queued within {@link #WRITE_BATCH_WINDOW}; someone waiting for
 * a queued write can have it written at once ({@link #writeQueuedNow}), and {@link #close} writes
 * all of it before closing. The statements of frequent queries can be kept compiled with
 * {@link #statement}.
 */
public final class Database implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Database.class);

    /**
     * How long a queued write waits for others to share its transaction. Under load the writer
     * then wakes once per window instead of once per write, and one commit serves them all
     * (issue 6); the price is that a process killed outright loses the last window's writes.
     */
    static final Duration WRITE_BATCH_WINDOW = Duration.ofMillis(20);

    private final Path file;
    private final Connection connection;
    private final Duration writeBatchWindow;
    private final ReentrantLock lock = new ReentrantLock();
    /** Compiled statements by their SQL, guarded by {@link #lock}. */
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    private final ScheduledThreadPoolExecutor writer;
    private final Object queueLock = new Object();
    /** Guarded by {@link #queueLock}, as are the two flags. */
    private List<QueuedWrite<?>> queued = new ArrayList<>();
    private boolean writeScheduled;
    private boolean acceptingWrites = true;
    private boolean closed;

    private Database(Path file, Connection connection, Duration writeBatchWindow) {
        this.file = file;
        this.connection = connection;
        this.writeBatchWindow = writeBatchWindow;
        this.writer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "db-writer");
            t.setDaemon(true);
            return t;
        });
        // close() writes what is queued at once; the timed runs are not needed after it.
        this.writer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /** Opens (creating if needed) and migrates the database file. */
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
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .loggers("slf4j")
                    .load()
                    .migrate();
            Connection connection = dataSource.getConnection();
            return new Database(file, connection, writeBatchWindow);
        } catch (SQLException | RuntimeException e) {
            throw new DatabaseException("cannot open database " + file + ": " + rootMessage(e), e);
        }
    }

    public Path file() {
        return file;
    }

    /** Runs read-only work. */
    public <T> T read(SqlWork<T> work) {
        lock.lock();
        try {
            ensureOpen();
            return work.run(connection);
        } catch (SQLException e) {
            throw new DatabaseException("database read failed: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    /** Runs work in one transaction: all of it is saved, or none of it. */
    public <T> T transaction(SqlWork<T> work) {
        lock.lock();
        try {
            ensureOpen();
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new DatabaseException("database write failed: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    /**
     * The statement for {@code sql}, compiled once and kept until the database closes: compiling
     * took a fifth of the time of a quiz write (issue 6). Only for work this database is running,
     * on its connection {@code c}; set every parameter, close its result sets, not the statement.
     */
    public PreparedStatement statement(Connection c, String sql) throws SQLException {
        if (c != connection || !lock.isHeldByCurrentThread()) {
            throw new IllegalStateException("a kept statement is only for work the database is running");
        }
        PreparedStatement kept = statements.get(sql);
        if (kept == null) {
            kept = connection.prepareStatement(sql);
            statements.put(sql, kept);
        }
        return kept;
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
            transaction(c -> {
                for (QueuedWrite<?> write : batch) {
                    write.run(c);
                }
                return null;
            });
            batch.forEach(QueuedWrite::succeed);
        } catch (RuntimeException batchFailed) {
            // One write failed and took the others' transaction with it: run each on its own, so
            // only the failing one fails.
            for (QueuedWrite<?> write : batch) {
                try {
                    transaction(c -> {
                        write.run(c);
                        return null;
                    });
                    write.succeed();
                } catch (RuntimeException e) {
                    write.fail(e);
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

        void run(Connection c) throws SQLException {
            result = work.run(c);
        }

        void succeed() {
            done.complete(result);
        }

        void fail(Throwable error) {
            done.completeExceptionally(error);
        }
    }

    /** Finishes the queued writes, folds the write-ahead log into the main file and closes; later calls fail. */
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
            for (PreparedStatement kept : statements.values()) {
                kept.close();
            }
            statements.clear();
            try (Statement st = connection.createStatement()) {
                st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            } catch (SQLException e) {
                log.warn("WAL checkpoint failed on close: {}", e.getMessage());
            }
            connection.close();
        } catch (SQLException e) {
            log.warn("closing the database failed: {}", e.getMessage());
        } finally {
            lock.unlock();
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new DatabaseException("database is closed", null);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}

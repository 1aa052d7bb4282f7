package dev.lalaland.bot.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The database's queued writes, on a real SQLite file and a real PostgreSQL server. */
@ParameterizedClass
@EnumSource(StoreKind.class)
class DatabaseTest {
    @Parameter
    StoreKind kind;

    @TempDir
    Path dir;

    @Test
    void queuedWritesRunInOrderAndCloseWaitsForThem() {
        Database database = kind.open(dir);
        database.transaction(h -> h.execute("CREATE TABLE log (seq INTEGER PRIMARY KEY, n INTEGER)"));
        for (int i = 0; i < 500; i++) {
            int n = i;
            // each write sees the ones queued before it: its seq is one more than the last
            database.transactionLater(h -> h.execute(
                    "INSERT INTO log (seq, n) SELECT COALESCE(MAX(seq), 0) + 1, ? FROM log", n));
        }
        database.close();

        try (Database reopened = kind.open(dir)) {
            List<Integer> order = ints(reopened, "SELECT n FROM log ORDER BY seq");
            assertThat(order).hasSize(500).isSorted();
        }
    }

    @Test
    void aFailedQueuedWriteIsRolledBackAndReported() {
        try (Database database = kind.open(dir)) {
            database.transaction(h -> h.execute("CREATE TABLE t (n INTEGER NOT NULL)"));
            CompletableFuture<Integer> failing = database.transactionLater(h -> {
                h.execute("INSERT INTO t (n) VALUES (1)");
                return h.execute("INSERT INTO t (n) VALUES (NULL)");
            });

            assertThatThrownBy(failing::get).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(DatabaseException.class);
            assertThat(ints(database, "SELECT COUNT(*) FROM t")).as("the first insert of the failed transaction is undone")
                    .containsExactly(0);
        }
    }

    @Test
    void nothingCanBeQueuedOnceClosed() {
        Database database = kind.open(dir);
        database.close();
        assertThatThrownBy(() -> database.transactionLater(h -> 1))
                .isInstanceOf(DatabaseException.class).hasMessageContaining("closed");
    }

    @Test
    void aFailingWriteFailsAloneAndTheRestOfItsBatchIsSaved() {
        try (Database database = kind.open(dir)) {
            database.transaction(h -> h.execute("CREATE TABLE t (seq INTEGER, n INTEGER NOT NULL)"));
            List<CompletableFuture<Integer>> writes = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                Integer n = i == 4 ? null : i;
                int seq = i;
                writes.add(database.transactionLater(h -> {
                    h.execute("INSERT INTO t (seq, n) VALUES (?, 100)", seq);
                    return h.createUpdate("INSERT INTO t (seq, n) VALUES (?, ?)").bind(0, seq).bind(1, n).execute();
                }));
            }

            for (int i = 0; i < 10; i++) {
                if (i == 4) {
                    assertThatThrownBy(writes.get(i)::get).hasCauseInstanceOf(DatabaseException.class);
                } else {
                    assertThat(writes.get(i).join()).isEqualTo(1);
                }
            }
            assertThat(ints(database, "SELECT n FROM t WHERE n < 100 ORDER BY seq"))
                    .containsExactly(0, 1, 2, 3, 5, 6, 7, 8, 9);
            assertThat(ints(database, "SELECT n FROM t WHERE n = 100"))
                    .as("the failed write's first insert is undone, the others' kept once").hasSize(9);
        }
    }

    @Test
    void aWriteSomeoneWaitsForIsWrittenBeforeItsWindowEnds() throws Exception {
        try (Database database = kind.open(dir, Duration.ofHours(1))) {
            database.transaction(h -> h.execute("CREATE TABLE t (n INTEGER)"));
            CompletableFuture<Integer> write = database.transactionLater(h -> h.execute("INSERT INTO t (n) VALUES (1)"));

            database.writeQueuedNow();

            assertThat(write.get(10, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(ints(database, "SELECT n FROM t")).containsExactly(1);
        }
    }

    @Test
    void awaitingAKeyedWriteWritesItAtOnceAndThenItIsThere() {
        try (Database database = kind.open(dir, Duration.ofHours(1))) {
            database.transaction(h -> h.execute("CREATE TABLE t (n INTEGER)"));
            database.transactionLater("row 5", h -> h.execute("INSERT INTO t (n) VALUES (5)"));
            assertThat(ints(database, "SELECT n FROM t")).as("queued for an hour").isEmpty();

            long started = System.nanoTime();
            database.awaitSaved("row 5");

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
            assertThat(ints(database, "SELECT n FROM t")).containsExactly(5);
            database.awaitSaved("nothing queued under this");
        }
    }

    @Test
    void closingWritesWhatIsQueuedAtOnce() {
        Database database = kind.open(dir, Duration.ofHours(1));
        database.transaction(h -> h.execute("CREATE TABLE t (n INTEGER)"));
        database.transactionLater(h -> h.execute("INSERT INTO t (n) VALUES (7)"));
        database.close();
        database.close();

        try (Database reopened = kind.open(dir)) {
            assertThat(ints(reopened, "SELECT n FROM t")).containsExactly(7);
        }
    }

    @Test
    void sqliteKeepsEachStatementCompiledAcrossCalls() {
        assumeTrue(kind == StoreKind.SQLITE, "SQLite's kept statements");
        try (Database database = kind.open(dir)) {
            database.transaction(h -> h.execute("CREATE TABLE t (n INTEGER)"));
            List<Object> statements = new ArrayList<>();
            for (int i = 1; i <= 100; i++) {
                int n = i;
                database.transaction(h -> {
                    h.execute("INSERT INTO t (n) VALUES (?)", n);
                    return null;
                });
                statements.add(database.read(h -> ((KeptStatements) h.getStatementBuilder()).size()));
            }
            assertThat(statements).as("one kept statement per SQL text, not one per call").allMatch(
                    size -> (Integer) size <= 2);
            assertThat(ints(database, "SELECT SUM(n) FROM t")).containsExactly(5050);
        }
    }

    private static List<Integer> ints(Database database, String sql) {
        return database.read(h -> h.select(sql).mapTo(Integer.class).list());
    }
}

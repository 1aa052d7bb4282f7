package dev.lalaland.bot.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The database's queued writes, on a real SQLite file. */
class DatabaseTest {
    @TempDir
    Path dir;

    @Test
    void queuedWritesRunInOrderAndCloseWaitsForThem() {
        Path file = dir.resolve("bot.db");
        Database database = Database.open(file);
        database.transaction(c -> c.createStatement().executeUpdate("CREATE TABLE log (n INTEGER)"));
        for (int i = 0; i < 500; i++) {
            int n = i;
            database.transactionLater(c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO log (n) VALUES (?)")) {
                    ps.setInt(1, n);
                    return ps.executeUpdate();
                }
            });
        }
        database.close();

        try (Database reopened = Database.open(file)) {
            List<Integer> order = ints(reopened, "SELECT n FROM log ORDER BY rowid");
            assertThat(order).hasSize(500).isSorted();
        }
    }

    @Test
    void aFailedQueuedWriteIsRolledBackAndReported() {
        try (Database database = Database.open(dir.resolve("bot.db"))) {
            database.transaction(c -> c.createStatement().executeUpdate("CREATE TABLE t (n INTEGER NOT NULL)"));
            CompletableFuture<Integer> failing = database.transactionLater(c -> {
                c.createStatement().executeUpdate("INSERT INTO t (n) VALUES (1)");
                return c.createStatement().executeUpdate("INSERT INTO t (n) VALUES (NULL)");
            });

            assertThatThrownBy(failing::get).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(DatabaseException.class);
            int rows = database.read(c -> {
                try (ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM t")) {
                    return rs.next() ? rs.getInt(1) : -1;
                }
            });
            assertThat(rows).as("the first insert of the failed transaction is undone").isZero();
        }
    }

    @Test
    void nothingCanBeQueuedOnceClosed() {
        Database database = Database.open(dir.resolve("bot.db"));
        database.close();
        assertThatThrownBy(() -> database.transactionLater(c -> 1))
                .isInstanceOf(DatabaseException.class).hasMessageContaining("closed");
    }

    @Test
    void aFailingWriteFailsAloneAndTheRestOfItsBatchIsSaved() {
        try (Database database = Database.open(dir.resolve("bot.db"))) {
            database.transaction(c -> c.createStatement().executeUpdate("CREATE TABLE t (n INTEGER NOT NULL)"));
            List<CompletableFuture<Integer>> writes = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                Integer n = i == 4 ? null : i;
                writes.add(database.transactionLater(c -> {
                    c.createStatement().executeUpdate("INSERT INTO t (n) VALUES (100)");
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO t (n) VALUES (?)")) {
                        ps.setObject(1, n);
                        return ps.executeUpdate();
                    }
                }));
            }

            for (int i = 0; i < 10; i++) {
                if (i == 4) {
                    assertThatThrownBy(writes.get(i)::get).hasCauseInstanceOf(DatabaseException.class);
                } else {
                    assertThat(writes.get(i).join()).isEqualTo(1);
                }
            }
            assertThat(ints(database, "SELECT n FROM t WHERE n < 100 ORDER BY rowid"))
                    .containsExactly(0, 1, 2, 3, 5, 6, 7, 8, 9);
            assertThat(ints(database, "SELECT n FROM t WHERE n = 100")).as("the failed write's first insert is undone, the others' kept once").hasSize(9);
        }
    }

    @Test
    void aKeptStatementIsCompiledOnceAndServesEveryCall() {
        try (Database database = Database.open(dir.resolve("bot.db"))) {
            database.transaction(c -> c.createStatement().executeUpdate("CREATE TABLE t (n INTEGER)"));
            String insert = "INSERT INTO t (n) VALUES (?)";
            PreparedStatement first = database.transaction(c -> database.statement(c, insert));
            for (int i = 1; i <= 100; i++) {
                int n = i;
                PreparedStatement kept = database.transaction(c -> {
                    PreparedStatement ps = database.statement(c, insert);
                    ps.setInt(1, n);
                    ps.executeUpdate();
                    return ps;
                });
                assertThat(kept).isSameAs(first);
            }
            int sum = database.read(c -> {
                try (ResultSet rs = database.statement(c, "SELECT SUM(n) FROM t").executeQuery()) {
                    return rs.getInt(1);
                }
            });
            assertThat(sum).isEqualTo(5050);
        }
    }

    @Test
    void aKeptStatementIsOnlyForWorkTheDatabaseRuns() {
        try (Database database = Database.open(dir.resolve("bot.db"))) {
            java.sql.Connection leaked = database.read(c -> c);
            assertThatThrownBy(() -> database.statement(leaked, "SELECT 1"))
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void aWriteSomeoneWaitsForIsWrittenBeforeItsWindowEnds() throws Exception {
        try (Database database = Database.open(dir.resolve("bot.db"), Duration.ofHours(1))) {
            database.transaction(c -> c.createStatement().executeUpdate("CREATE TABLE t (n INTEGER)"));
            CompletableFuture<Integer> write = database.transactionLater(
                    c -> c.createStatement().executeUpdate("INSERT INTO t (n) VALUES (1)"));

            database.writeQueuedNow();

            assertThat(write.get(10, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(ints(database, "SELECT n FROM t")).containsExactly(1);
        }
    }

    @Test
    void closingWritesWhatIsQueuedAtOnce() {
        Path file = dir.resolve("bot.db");
        Database database = Database.open(file, Duration.ofHours(1));
        database.transaction(c -> c.createStatement().executeUpdate("CREATE TABLE t (n INTEGER)"));
        database.transactionLater(c -> c.createStatement().executeUpdate("INSERT INTO t (n) VALUES (7)"));
        database.close();
        database.close();

        try (Database reopened = Database.open(file)) {
            assertThat(ints(reopened, "SELECT n FROM t")).containsExactly(7);
        }
    }

    private static List<Integer> ints(Database database, String sql) {
        return database.read(c -> {
            List<Integer> out = new ArrayList<>();
            try (ResultSet rs = c.createStatement().executeQuery(sql)) {
                while (rs.next()) {
                    out.add(rs.getInt(1));
                }
            }
            return out;
        });
    }
}

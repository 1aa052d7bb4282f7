package dev.lalaland.bot.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
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
            List<Integer> order = reopened.read(c -> {
                List<Integer> out = new ArrayList<>();
                try (ResultSet rs = c.createStatement().executeQuery("SELECT n FROM log ORDER BY rowid")) {
                    while (rs.next()) {
                        out.add(rs.getInt(1));
                    }
                }
                return out;
            });
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
}

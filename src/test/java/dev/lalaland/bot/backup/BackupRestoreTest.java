package dev.lalaland.bot.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lalaland.bot.db.Database;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The backup and restore modes on real SQLite files, the backup taken while another connection writes. */
class BackupRestoreTest {
    @TempDir
    Path dir;

    record Result(int exitCode, String out, String err, byte[] outBytes) {
    }

    @Test
    void aBackupTakenWhileTheBotWritesIsConsistentAndRestoresEverySettingAndScore() throws Exception {
        Path live = dir.resolve("live/lalaland.db");
        try (Database database = Database.open(live)) {
            seedServerState(database);
            // The bot at work: every write adds a player to a night and to the leaderboard in one
            // transaction, so a torn snapshot would show different counts in the two tables.
            AtomicBoolean writing = new AtomicBoolean(true);
            AtomicInteger written = new AtomicInteger();
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                while (writing.get()) {
                    int n = written.incrementAndGet();
                    database.transaction(c -> {
                        execute(c, "INSERT INTO quiz_player (night_id, user_id, display_name, score) VALUES (1, 'w" + n + "', 'Writer', " + n + ")");
                        return execute(c, "INSERT INTO quiz_leaderboard VALUES ('g1', 'w" + n + "', 'Writer', " + n + ", 1, 1)");
                    });
                }
            });
            try {
                awaitWrites(written, 50);
                for (int i = 1; i <= 3; i++) {
                    int before = written.get();
                    Path backup = dir.resolve("backup-" + i + ".db");
                    Result r = run("backup", List.of(backup.toString()), live, null);
                    assertThat(r.exitCode()).as(r.err()).isZero();
                    assertThat(r.out()).startsWith("ok: backed up " + live + " to " + backup)
                            .contains("daily post settings", "leaderboard rows");
                    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + backup)) {
                        assertThat(one(c, "PRAGMA journal_mode")).as("a self-contained file").isEqualTo("delete");
                        assertThat(one(c, "PRAGMA quick_check")).isEqualTo("ok");
                        long players = Long.parseLong(one(c, "SELECT COUNT(*) FROM quiz_player WHERE user_id LIKE 'w%'"));
                        long leaders = Long.parseLong(one(c, "SELECT COUNT(*) FROM quiz_leaderboard WHERE user_id LIKE 'w%'"));
                        assertThat(players).as("one snapshot: both tables at the same transaction").isEqualTo(leaders)
                                .isGreaterThanOrEqualTo(before - 1L);
                    }
                    awaitWrites(written, written.get() + 20);
                }
                assertThat(writer).as("the writer was never refused").isNotDone();
            } finally {
                writing.set(false);
                writer.get(10, TimeUnit.SECONDS);
            }
        }

        Path backup = dir.resolve("backup-3.db");
        Map<String, List<String>> backedUp = serverState(backup);
        Path fresh = dir.resolve("fresh-volume/lalaland.db");
        Result r = run("restore", List.of(backup.toString()), fresh, null);
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("ok: restored " + backup + " into " + fresh).contains("2 daily post settings");
        assertThat(serverState(fresh)).isEqualTo(backedUp);
        assertThat(backedUp.get("daily_post_config")).hasSize(2).anyMatch(row -> row.contains("Europe/Paris"));
        assertThat(backedUp.get("quiz_leaderboard")).anyMatch(row -> row.contains("Mia"));
        // and the bot opens it as its own database
        try (Database reopened = Database.open(fresh)) {
            String points = reopened.read(c -> one(c, "SELECT points FROM quiz_leaderboard WHERE user_id = 'u1'"));
            assertThat(points).isEqualTo("120");
        }
        assertThat(Files.list(fresh.getParent()).map(p -> p.getFileName().toString()))
                .as("no scratch files left").allMatch(name -> name.startsWith("lalaland.db"))
                .noneMatch(name -> name.contains("restoring"));
    }

    @Test
    void backupToStandardOutputAndRestoreFromStandardInput() throws Exception {
        Path live = dir.resolve("lalaland.db");
        try (Database database = Database.open(live)) {
            seedServerState(database);
        }
        Result backup = run("backup", List.of("-"), live, null);
        assertThat(backup.exitCode()).as(backup.err()).isZero();
        assertThat(backup.err()).startsWith("ok: backed up " + live + " to standard output");
        assertThat(new String(backup.outBytes(), 0, 15, StandardCharsets.US_ASCII)).isEqualTo("SQLite format 3");

        Path fresh = dir.resolve("new/lalaland.db");
        Result restore = run("restore", List.of("-"), fresh, new ByteArrayInputStream(backup.outBytes()));
        assertThat(restore.exitCode()).as(restore.err()).isZero();
        assertThat(serverState(fresh)).isEqualTo(serverState(live));
    }

    @Test
    void restoreRefusesToReplaceServerStateUnlessForced() throws Exception {
        Path backup = seededBackup();
        Path other = dir.resolve("other.db");
        try (Database database = Database.open(other)) {
            database.transaction(c -> execute(c,
                    "INSERT INTO quiz_leaderboard VALUES ('g9', 'u9', 'Keith', 7, 1, 1)"));
        }

        Result refused = run("restore", List.of(backup.toString()), other, null);
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err().strip()).startsWith("error: BOT_DATABASE " + other + " already holds server settings or scores")
                .contains("1 leaderboard rows", "--force");
        assertThat(serverState(other).get("quiz_leaderboard")).hasSize(1);

        Result forced = run("restore", List.of(backup.toString(), "--force"), other, null);
        assertThat(forced.exitCode()).as(forced.err()).isZero();
        assertThat(serverState(other)).isEqualTo(serverState(backup));
    }

    @Test
    void aDatabaseWithOnlyFactsIsReplacedWithoutForce() throws Exception {
        Path backup = seededBackup();
        Path started = dir.resolve("started-once.db");
        Database.open(started).close();

        Result r = run("restore", List.of(backup.toString()), started, null);
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(serverState(started)).isEqualTo(serverState(backup));
    }

    @Test
    void badBackupFilesAreRefusedWithExit2AndTheTargetIsLeftAlone() throws Exception {
        Path target = dir.resolve("target/lalaland.db");
        Path text = Files.writeString(dir.resolve("notes.db"), "not a database, just some text\n".repeat(40));
        Path empty = Files.createFile(dir.resolve("empty.db"));
        Path foreign = dir.resolve("foreign.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + foreign)) {
            execute(c, "CREATE TABLE notes (id INTEGER)");
        }
        Map<Path, String> expected = Map.of(
                text, text + " is not an SQLite database",
                empty, empty + " is not an SQLite database (it is empty)",
                foreign, foreign + " is not a database of this bot",
                dir.resolve("missing.db"), "cannot read the backup file " + dir.resolve("missing.db") + ": no such file",
                dir, dir + " is a folder, not a backup file");
        for (Map.Entry<Path, String> bad : expected.entrySet()) {
            Result r = run("restore", List.of(bad.getKey().toString()), target, null);
            assertThat(r.exitCode()).as(bad.getKey().toString()).isEqualTo(2);
            assertThat(r.err().strip().lines()).hasSize(1).first().asString().startsWith("error: " + bad.getValue());
            assertThat(r.err()).doesNotContain("\tat ", "Exception");
        }
        assertThat(target).doesNotExist();
        try (var left = Files.list(target.getParent())) {
            assertThat(left).as("no scratch file left").isEmpty();
        }
    }

    @Test
    void backupRefusesBadInputWithExit2() throws Exception {
        Path live = dir.resolve("lalaland.db");
        Database.open(live).close();
        Path existing = Files.writeString(dir.resolve("yesterday.db"), "an older backup");

        assertRefused(run("backup", List.of(dir.resolve("backup.db").toString()), dir.resolve("absent.db"), null),
                "error: no database at " + dir.resolve("absent.db") + " (BOT_DATABASE)");
        assertThat(dir.resolve("absent.db")).as("backup creates no database").doesNotExist();
        assertRefused(run("backup", List.of(existing.toString()), live, null),
                "error: " + existing + " exists already: choose another name, or add --force to replace it");
        assertThat(Files.readString(existing)).isEqualTo("an older backup");
        assertRefused(run("backup", List.of(live.toString()), live, null),
                "error: the backup file " + live + " is the database itself (BOT_DATABASE)");
        assertRefused(run("backup", List.of(dir.resolve("no/such/folder/b.db").toString()), live, null),
                "error: no folder " + dir.resolve("no/such/folder"));
        assertRefused(run("backup", List.of(), live, null), "error: usage: backup FILE [--force]");
        assertRefused(run("restore", List.of("a.db", "b.db"), live, null), "error: usage: restore FILE [--force]");

        Result forced = run("backup", List.of(existing.toString(), "--force"), live, null);
        assertThat(forced.exitCode()).as(forced.err()).isZero();
        assertThat(Files.readAllBytes(existing)).startsWith("SQLite format 3".getBytes(StandardCharsets.US_ASCII));
    }

    /** A backup of a database with {@link #seedServerState}. */
    private Path seededBackup() throws Exception {
        Path live = dir.resolve("seeded.db");
        try (Database database = Database.open(live)) {
            seedServerState(database);
        }
        Path backup = dir.resolve("backup.db");
        assertThat(run("backup", List.of(backup.toString()), live, null).exitCode()).isZero();
        return backup;
    }

    private static void assertRefused(Result r, String message) {
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith(message);
    }

    private static void seedServerState(Database database) {
        database.transaction(c -> {
            execute(c, "INSERT INTO daily_post_config (guild_id, channel_id, post_time, zone, next_due_epoch,"
                    + " next_local_date, updated_epoch) VALUES ('g1', 'c1', '21:17', 'Europe/Paris', 1800000000, '2027-01-15', 1)");
            execute(c, "INSERT INTO daily_post_config (guild_id, channel_id, post_time, zone, off_reason, updated_epoch)"
                    + " VALUES ('g2', 'c2', '09:00', 'UTC', 'lost access to the channel', 2)");
            execute(c, "INSERT INTO daily_post (guild_id, local_date, status, attempt_at_epoch, nonce, message_id)"
                    + " VALUES ('g1', '2027-01-14', 'sent', 1799990000, 'n1', 'm1')");
            execute(c, "INSERT INTO quiz_night (guild_id, channel_id, host_id, host_name, question_count, seconds,"
                    + " round_millis, status, started_at) VALUES ('g1', 'c1', 'u1', 'Mia', 10, 20, 20000, 'running', 5)");
            execute(c, "INSERT INTO quiz_player (night_id, user_id, display_name, score, correct, streak)"
                    + " VALUES (1, 'u1', 'Mia', 120, 2, 2)");
            execute(c, "INSERT INTO quiz_leaderboard VALUES ('g1', 'u1', 'Mia', 120, 2, 1)");
            execute(c, "INSERT INTO quiz_leaderboard VALUES ('g1', 'u2', 'Sebastian', 90, 1, 1)");
            execute(c, "INSERT INTO quiz_seen VALUES ('g1', 'q-cast-1', 5)");
            return execute(c, "INSERT INTO daily_fact_used VALUES ('g1', 'fact-1')");
        });
    }

    /** Every row of every server-state table, as text, by table. */
    private static Map<String, List<String>> serverState(Path file) throws Exception {
        Map<String, List<String>> state = new TreeMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            for (String table : DatabaseCopies.SERVER_STATE.keySet()) {
                List<String> rows = new ArrayList<>();
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM " + table + " ORDER BY 1, 2")) {
                    ResultSetMetaData meta = rs.getMetaData();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            row.append(meta.getColumnName(i)).append('=').append(rs.getString(i)).append(' ');
                        }
                        rows.add(row.toString());
                    }
                }
                state.put(table, rows);
            }
        }
        return state;
    }

    private static int execute(Connection c, String sql) throws java.sql.SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            return ps.executeUpdate();
        }
    }

    private static String one(Connection c, String sql) throws java.sql.SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static void awaitWrites(AtomicInteger written, int atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (written.get() < atLeast) {
            assertThat(System.nanoTime()).as("waiting for " + atLeast + " writes").isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    private static Result run(String mode, List<String> args, Path database, InputStream in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = BackupMode.run(mode, args, database, in, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), out.toByteArray());
    }
}

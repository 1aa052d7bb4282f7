package dev.lalaland.bot.backup;

import dev.lalaland.bot.db.Database;
import dev.lalaland.bot.db.DatabaseException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sqlite.SQLiteConnection;

/**
 * Backups of the bot's SQLite file taken while the bot runs, and their restore into the
 * configured database.
 *
 * <p>A backup goes through SQLite's online backup API in one step, so it is one read
 * transaction: a consistent snapshot that the bot's writes (in WAL mode, not blocked by a reader)
 * can neither tear nor restart. Copying the file instead can miss what is still in the WAL file
 * or catch a page half written. The copy is then switched to a rollback journal, so the backup
 * is one self-contained file that opens even from a read-only folder.
 *
 * <p>A restore checks the file is a database of this bot, brings it to this version's schema in a
 * scratch file beside the target, and only then moves it into place in one rename: an interrupted
 * restore leaves the old database as it was.
 */
public final class DatabaseCopies {
    /** Server state: what the fact files cannot give back. A restore will not silently replace it. */
    static final Map<String, String> SERVER_STATE = tableNames(
            "daily_post_config", "daily post settings",
            "daily_post", "daily posts",
            "quiz_night", "quiz nights",
            "quiz_leaderboard", "leaderboard rows",
            "quiz_round", "quiz questions asked",
            "quiz_answer", "answers",
            "quiz_player", "night scores",
            "quiz_seen", "questions seen",
            "daily_fact_used", "facts used");
    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private DatabaseCopies() {
    }

    /** What a database of this bot holds: its schema version and the rows of each server-state table. */
    public record Contents(String schemaVersion, Map<String, Long> rows) {
        public long serverStateRows() {
            return rows.values().stream().mapToLong(Long::longValue).sum();
        }

        /** "schema 4: 2 daily post settings, 3 quiz nights, 5 leaderboard rows" (tables with rows only). */
        public String describe() {
            StringBuilder text = new StringBuilder("schema " + schemaVersion + ": ");
            String items = String.join(", ", rows.entrySet().stream()
                    .filter(e -> e.getValue() > 0)
                    .map(e -> e.getValue() + " " + SERVER_STATE.get(e.getKey()))
                    .toList());
            return text.append(items.isEmpty() ? "no server settings or scores yet" : items).toString();
        }
    }

    /**
     * Backs the live {@code database} up into {@code target}, which must not exist yet unless
     * {@code replace}. Written to a scratch file beside it first, so a failed backup leaves no
     * half-written file under the target's name.
     */
    public static Contents backup(Path database, Path target, boolean replace) {
        requireBotDatabaseFile(database, "BOT_DATABASE");
        if (target.toAbsolutePath().normalize().equals(database.toAbsolutePath().normalize())) {
            throw new BackupException("the backup file " + target + " is the database itself (BOT_DATABASE)");
        }
        if (Files.isDirectory(target)) {
            throw new BackupException(target + " is a folder: name the backup file, e.g. " + target.resolve("lalaland-backup.db"));
        }
        if (Files.exists(target) && !replace) {
            throw new BackupException(target + " exists already: choose another name, or add --force to replace it");
        }
        Path folder = target.toAbsolutePath().getParent();
        if (!Files.isDirectory(folder)) {
            throw new BackupException("no folder " + folder + " for the backup file " + target);
        }
        Path scratch = scratchFileIn(folder, target.getFileName() + ".", ".partial");
        try {
            Contents contents = backupInto(database, scratch);
            move(scratch, target);
            return contents;
        } finally {
            deleteQuietly(scratch);
        }
    }

    /** Backs the live {@code database} up into a scratch file and writes it to {@code out}. */
    public static Contents backupTo(Path database, OutputStream out) throws IOException {
        requireBotDatabaseFile(database, "BOT_DATABASE");
        Path scratch = Files.createTempFile("lalaland-backup-", ".db");
        try {
            Contents contents = backupInto(database, scratch);
            Files.copy(scratch, out);
            out.flush();
            return contents;
        } finally {
            deleteQuietly(scratch);
        }
    }

    private static Contents backupInto(Path database, Path scratch) {
        try (Connection live = connect(database)) {
            contentsOf(live, database + " (BOT_DATABASE)");
            // One step (-1: every page), so the snapshot is one read transaction; a busy writer
            // is waited for 100 ms at a time, 50 times at most.
            int rc = live.unwrap(SQLiteConnection.class).getDatabase()
                    .backup("main", scratch.toAbsolutePath().toString(), null, 100, 50, -1);
            if (rc != 0) {
                throw new DatabaseException("SQLite's backup of " + database + " failed with code " + rc, null);
            }
        } catch (SQLException e) {
            throw new DatabaseException("cannot back up " + database + ": " + e.getMessage(), e);
        }
        try (Connection copy = connect(scratch); Statement st = copy.createStatement()) {
            st.execute("PRAGMA journal_mode=DELETE");
            requireIntact(copy, scratch.toString());
            return contentsOf(copy, "the backup");
        } catch (SQLException e) {
            throw new DatabaseException("cannot check the backup: " + e.getMessage(), e);
        }
    }

    /**
     * Restores the backup {@code source} (or, if {@code source} is null, the backup read from
     * {@code in}) into {@code database}. A database there that holds server settings or scores, or
     * that is not this bot's, is replaced only if {@code replace}.
     */
    public static Contents restore(Path source, InputStream in, Path database, boolean replace) throws IOException {
        String named = source == null ? "standard input" : source.toString();
        if (source != null) {
            if (Files.isDirectory(source)) {
                throw new BackupException(source + " is a folder, not a backup file");
            }
            if (!Files.isReadable(source)) {
                throw new BackupException("cannot read the backup file " + source + (Files.exists(source) ? "" : ": no such file"));
            }
        }
        refuseToReplaceState(database, replace);
        Path folder = database.toAbsolutePath().getParent();
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new BackupException("cannot create the folder " + folder + " for BOT_DATABASE: " + reason(e));
        }
        Path scratch = scratchFileIn(folder, database.getFileName() + ".", ".restoring");
        try {
            if (source == null) {
                Files.copy(in, scratch, StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.copy(source, scratch, StandardCopyOption.REPLACE_EXISTING);
            }
            requireSqliteHeader(scratch, named);
            try (Connection copy = connect(scratch)) {
                requireIntact(copy, named);
                contentsOf(copy, named);
            } catch (SQLException e) {
                throw new BackupException(named + " is not a readable SQLite database: " + e.getMessage(), e);
            }
            try {
                // This version's migrations, so a backup from an older version starts as it is;
                // closing folds the WAL file into the main file.
                Database.open(scratch).close();
            } catch (DatabaseException e) {
                throw new BackupException(named + " cannot be brought to this version's schema: " + e.getMessage(), e);
            }
            // The old database's WAL and shared-memory files would be replayed into the new
            // file, so they go first.
            for (String suffix : List.of("-wal", "-shm", "-journal")) {
                Files.deleteIfExists(Path.of(database + suffix));
            }
            move(scratch, database);
            for (String suffix : List.of("-wal", "-shm", "-journal")) {
                Files.deleteIfExists(Path.of(scratch + suffix));
            }
        } finally {
            deleteQuietly(scratch);
        }
        try (Connection restored = connect(database)) {
            return contentsOf(restored, database.toString());
        } catch (SQLException e) {
            throw new DatabaseException("cannot read the restored database: " + e.getMessage(), e);
        }
    }

    private static void refuseToReplaceState(Path database, boolean replace) throws IOException {
        if (!Files.exists(database) || Files.size(database) == 0 || replace) {
            return;
        }
        Contents contents;
        try (Connection existing = connect(database)) {
            requireSqliteHeader(database, database + " (BOT_DATABASE)");
            contents = contentsOf(existing, database + " (BOT_DATABASE)");
        } catch (SQLException | BackupException e) {
            throw new BackupException("BOT_DATABASE " + database + " exists and is not a database of this bot"
                    + "; add --force to replace it");
        }
        if (contents.serverStateRows() > 0) {
            throw new BackupException("BOT_DATABASE " + database + " already holds server settings or scores ("
                    + contents.describe() + "); stop the bot, then add --force to replace them");
        }
    }

    /** The schema version and server-state rows, or a {@link BackupException} if this is not the bot's database. */
    static Contents contentsOf(Connection c, String named) throws SQLException {
        String version;
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(
                     "SELECT version FROM flyway_schema_history WHERE success = 1 AND version IS NOT NULL"
                             + " ORDER BY installed_rank DESC LIMIT 1")) {
            version = rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            throw new BackupException(named + " is not a database of this bot (" + e.getMessage() + ")", e);
        }
        if (version == null) {
            throw new BackupException(named + " is not a database of this bot (no schema history)");
        }
        if (!tableExists(c, "fact_import")) {
            throw new BackupException(named + " is not a database of this bot (no table fact_import)");
        }
        Map<String, Long> rows = new LinkedHashMap<>();
        for (String table : SERVER_STATE.keySet()) {
            if (!tableExists(c, table)) {
                continue; // a backup from a version before that table
            }
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
                rows.put(table, rs.next() ? rs.getLong(1) : 0L);
            }
        }
        return new Contents(version, rows);
    }

    private static boolean tableExists(Connection c, String table) throws SQLException {
        try (var ps = c.prepareStatement("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static void requireIntact(Connection c, String named) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA quick_check")) {
            String result = rs.next() ? rs.getString(1) : "no answer";
            if (!"ok".equals(result)) {
                throw new BackupException(named + " is damaged: " + result);
            }
        }
    }

    private static void requireBotDatabaseFile(Path database, String setting) {
        if (!Files.isRegularFile(database)) {
            throw new BackupException("no database at " + database + " (" + setting + ")");
        }
        requireSqliteHeader(database, database + " (" + setting + ")");
    }

    private static void requireSqliteHeader(Path file, String named) {
        byte[] head = new byte[SQLITE_HEADER.length];
        try (InputStream in = Files.newInputStream(file)) {
            int read = in.readNBytes(head, 0, head.length);
            if (read < head.length || !Arrays.equals(head, SQLITE_HEADER)) {
                throw new BackupException(named + " is not an SQLite database"
                        + (read == 0 ? " (it is empty)" : ""));
            }
        } catch (IOException e) {
            throw new BackupException("cannot read " + named + ": " + reason(e), e);
        }
    }

    /** A plain connection: no Flyway, no creation of anything but the file itself; waits up to 5 s for a writer. */
    private static Connection connect(Path file) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try (Statement st = c.createStatement()) {
            st.execute("PRAGMA busy_timeout = 5000");
        }
        return c;
    }

    private static Path scratchFileIn(Path folder, String prefix, String suffix) {
        try {
            return Files.createTempFile(folder, prefix, suffix);
        } catch (AccessDeniedException e) {
            throw new BackupException("cannot write in " + folder + ": permission denied (the user running this, uid "
                    + uid() + ", needs write access there)", e);
        } catch (IOException e) {
            throw new BackupException("cannot write in " + folder + ": " + reason(e), e);
        }
    }

    private static void move(Path from, Path to) {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new BackupException("cannot write " + to + ": " + reason(e), e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a scratch file left behind is harmless, and says what happened by its name
        }
    }

    private static String reason(IOException e) {
        return e instanceof AccessDeniedException ? "permission denied"
                : e instanceof NoSuchFileException ? "no such file or folder"
                : e.getMessage();
    }

    private static String uid() {
        try {
            return String.valueOf(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return System.getProperty("user.name");
        }
    }

    private static Map<String, String> tableNames(String... tableThenLabel) {
        Map<String, String> names = new LinkedHashMap<>();
        for (int i = 0; i < tableThenLabel.length; i += 2) {
            names.put(tableThenLabel[i], tableThenLabel[i + 1]);
        }
        return Collections.unmodifiableMap(names);
    }
}

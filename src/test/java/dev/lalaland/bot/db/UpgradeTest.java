package dev.lalaland.bot.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lalaland.bot.onthisday.DailyPostStore;
import dev.lalaland.bot.quiz.QuizStore;
import dev.lalaland.bot.quiz.Round;
import dev.lalaland.bot.quiz.Standing;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A SQLite database written by the release before this store layer (10d570a, see
 * src/test/resources/upgrade/README.md) opens under it with every row kept, and migrate-db copies
 * it into a real PostgreSQL with every row kept there too.
 */
class UpgradeTest {
    private static final String FIXTURE = "/upgrade/lalaland-10d570a.db";
    private static final String ROWS = "/upgrade/lalaland-10d570a.rows.json";
    /** The last import's checksum: V5_1 deletes it, so the importer fills the columns it adds. */
    private static final String FORGOTTEN_BY_V5_1 = "fact_import";
    private static final int V5_CHECKSUM = -1155193101;
    private static final int V5_1_CHECKSUM = -1625770302;
    private static final int V6_CHECKSUM = -1138431042;

    @TempDir
    Path dir;

    @Test
    void aDatabaseOfTheLastReleaseOpensWithEveryRowKept() throws IOException {
        Map<String, List<List<String>>> before = rowsBefore();
        try (Database database = Database.open(fixtureCopy())) {
            for (Map.Entry<String, List<List<String>>> table : before.entrySet()) {
                List<String> columns = table.getValue().get(0);
                List<List<String>> expected = table.getValue().subList(1, table.getValue().size());
                List<List<String>> now = database.read(h -> rows(h, table.getKey(), columns, "rowid"));
                if (table.getKey().equals("flyway_schema_history")) {
                    // the old migrations' history unchanged (Flyway validated their checksums to open it)
                    assertThat(now.subList(0, expected.size())).as(table.getKey()).isEqualTo(expected);
                } else if (table.getKey().equals(FORGOTTEN_BY_V5_1)) {
                    assertThat(now).as(table.getKey() + ", emptied by V5_1 so the next start imports again").isEmpty();
                } else {
                    assertThat(now).as(table.getKey()).isEqualTo(expected);
                }
            }
            // and the stores read the old rows as they were written
            QuizStore quiz = new QuizStore(database);
            assertThat(quiz.leaderboard("100000000000000001", 10)).extracting(Standing::displayName)
                    .containsExactly("sebastian", "Mia");
            assertThat(quiz.openRounds()).extracting(Round::channelId)
                    .containsExactly("200000000000000002", "200000000000000009");
            assertThat(quiz.runningNights()).hasSize(1);
            DailyPostStore posts = new DailyPostStore(database);
            assertThat(posts.settings("100000000000000001").orElseThrow().channelId()).isEqualTo("200000000000000001");
            assertThat(posts.settings("100000000000000002").orElseThrow().on()).isFalse();
        }
    }

    /**
     * Flyway's checksums of the SQLite migrations as first written into databases (V5, V5_1 and V6
     * came after the fixture's release; the numbers are CRC32 over the lines of the files as
     * released). A file that applied them validates only while the migrations keep that content:
     * an edit, even to a comment, would stop the bot opening such a database.
     */
    private static final Map<String, Integer> RELEASED_CHECKSUMS = Map.of("5", V5_CHECKSUM, "5.1", V5_1_CHECKSUM,
            "6", V6_CHECKSUM);

    @Test
    void sqliteMigrationsKeepTheChecksumsDatabasesAlreadyHold() {
        try (Database database = Database.open(dir.resolve("fresh.db"))) {
            Map<String, Integer> checksums = new java.util.TreeMap<>();
            database.read(h -> h.select("SELECT version, checksum FROM flyway_schema_history WHERE version IN ('5', '5.1', '6')")
                    .map((r, ctx) -> checksums.put(r.getString("version"), r.getInt("checksum"))).list());
            assertThat(checksums).isEqualTo(RELEASED_CHECKSUMS);
        }
    }

    @Test
    void migrateDbCopiesEveryRowIntoPostgres() throws IOException {
        Map<String, List<List<String>>> before = rowsBefore();
        PostgresUrl url = TestPostgres.freshSchema();
        try (Database sqlite = Database.open(fixtureCopy()); Database postgres = Database.open(url)) {
            SqliteToPostgres.Copied copied = SqliteToPostgres.copy(sqlite, postgres);

            assertThat(copied.rowsByTable().keySet()).doesNotContain("flyway_schema_history", "sqlite_sequence");
            assertThat(copied.rowsByTable().keySet().stream().toList())
                    .as("parents before the tables that reference them")
                    .containsSubsequence("quiz_night", "quiz_round", "quiz_answer")
                    .containsSubsequence("person", "song", "song_performer");
            for (String table : copied.rowsByTable().keySet()) {
                if (!before.containsKey(table)) {
                    // A later migration's table: empty, or filled by that migration from the fixture's rows.
                    long inSqlite = sqlite.read(h -> h.select("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
                    assertThat(copied.rowsByTable().get(table).longValue()).as(table + ", made by a later migration")
                            .isEqualTo(inSqlite);
                    continue;
                }
                List<String> columns = before.get(table).get(0);
                List<List<String>> expected = table.equals(FORGOTTEN_BY_V5_1) ? List.of()
                        : sorted(before.get(table).subList(1, before.get(table).size()));
                assertThat(sorted(postgres.read(h -> rows(h, table, columns, null)))).as(table).isEqualTo(expected);
            }
            // the stores on PostgreSQL see what they saw on SQLite, and new ids follow the copied ones
            QuizStore quiz = new QuizStore(postgres);
            assertThat(quiz.leaderboard("100000000000000001", 10)).extracting(Standing::displayName)
                    .containsExactly("sebastian", "Mia");
            assertThat(quiz.openRounds()).hasSize(2);
            long maxNight = postgres.read(h -> h.select("SELECT MAX(id) FROM quiz_night").mapTo(Long.class).one());
            long newNight = postgres.transaction(h -> h.createQuery("INSERT INTO quiz_night (guild_id, channel_id, "
                    + "host_id, host_name, question_count, seconds, round_millis, status, started_at) VALUES "
                    + "('g', 'c', 'h', 'H', 1, 20, 20000, 'finished', 0) RETURNING id").mapTo(Long.class).one());
            assertThat(newNight).isGreaterThan(maxNight);
            long maxRound = postgres.read(h -> h.select("SELECT MAX(id) FROM quiz_round").mapTo(Long.class).one());
            long nextRoundBlock = postgres.read(h -> h.select("SELECT nextval('quiz_round_ids')").mapTo(Long.class).one());
            assertThat(nextRoundBlock).isGreaterThan(maxRound);

            assertThatThrownBy(() -> SqliteToPostgres.copy(sqlite, postgres))
                    .as("a second copy into the same database").isInstanceOf(DatabaseException.class)
                    .hasMessageContaining("already holds data");
        }
    }

    private Path fixtureCopy() throws IOException {
        Path file = dir.resolve("lalaland.db");
        try (InputStream in = UpgradeTest.class.getResourceAsStream(FIXTURE)) {
            Files.copy(in, file);
        }
        return file;
    }

    private static Map<String, List<List<String>>> rowsBefore() throws IOException {
        try (InputStream in = UpgradeTest.class.getResourceAsStream(ROWS)) {
            return new ObjectMapper().readValue(in, new TypeReference<>() { });
        }
    }

    /** Every row's named columns as text, by column name. */
    private static List<List<String>> rows(Handle h, String table, List<String> columns, String orderBy) {
        return h.select("SELECT " + String.join(", ", columns.stream().map(c -> "\"" + c + "\"").toList()) + " FROM "
                + table + (orderBy == null ? "" : " ORDER BY " + orderBy))
                .map((r, ctx) -> {
                    List<String> row = new ArrayList<>();
                    for (String column : columns) {
                        row.add(r.getString(column));
                    }
                    return row;
                })
                .list();
    }

    private static List<List<String>> sorted(List<List<String>> rows) {
        List<List<String>> copy = new ArrayList<>(rows);
        copy.sort(Comparator.comparing(Object::toString));
        return copy;
    }
}

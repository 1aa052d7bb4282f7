package dev.lalaland.bot.db;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * {@code migrate-db}: copies every table of the SQLite file into an empty PostgreSQL database of
 * the same schema version, in one PostgreSQL transaction, then checks each table's row count.
 * Tables are copied parents first (by their foreign keys), rows in the order SQLite holds them,
 * columns by name; the bot must be stopped meanwhile (nothing written to SQLite after the copy is
 * in PostgreSQL).
 */
public final class SqliteToPostgres {
    /** Rows sent to PostgreSQL per batch. */
    private static final int BATCH = 1_000;
    private static final String HISTORY = "flyway_schema_history";

    private SqliteToPostgres() {
    }

    /** What was copied: rows per table, in copy order. */
    public record Copied(Map<String, Long> rowsByTable) {
        public long rows() {
            return rowsByTable.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /**
     * Copies and checks.
     *
     * @throws DatabaseException naming BOT_DATABASE_URL when PostgreSQL already holds data, a
     *                           table is missing there, or a count differs after the copy
     */
    public static Copied copy(Database sqlite, Database postgres) {
        if (sqlite.dialect() != Dialect.SQLITE || postgres.dialect() != Dialect.POSTGRESQL) {
            throw new IllegalArgumentException("copies from SQLite to PostgreSQL");
        }
        List<String> tables = sqlite.read(SqliteToPostgres::tablesParentsFirst);
        Map<String, Long> expected = new LinkedHashMap<>();
        for (String table : tables) {
            expected.put(table, sqlite.read(h -> count(h, table)));
        }
        postgres.transaction(pg -> {
            Set<String> there = new LinkedHashSet<>(pg.select("SELECT table_name FROM information_schema.tables "
                    + "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'").mapTo(String.class).list());
            for (String table : tables) {
                if (!there.contains(table)) {
                    throw new DatabaseException(Database.Setting.URL, "PostgreSQL has no table " + table
                            + ": is the SQLite file from a newer release than this one?", null);
                }
                if (count(pg, table) > 0) {
                    throw new DatabaseException(Database.Setting.URL, "PostgreSQL already holds data (table "
                            + table + "): migrate-db copies into an empty database only", null);
                }
            }
            for (String table : tables) {
                sqlite.read(s -> {
                    copyTable(s, pg, table);
                    return null;
                });
            }
            restartIdSequences(pg);
            return null;
        });
        Map<String, Long> copied = new LinkedHashMap<>();
        for (String table : tables) {
            long rows = postgres.read(h -> count(h, table));
            if (rows != expected.get(table)) {
                throw new DatabaseException(Database.Setting.URL, "table " + table + " has " + rows
                        + " rows in PostgreSQL after the copy, " + expected.get(table) + " in SQLite", null);
            }
            copied.put(table, rows);
        }
        return new Copied(copied);
    }

    /** Every table of the bot's (Flyway's history has its own), each after those it references. */
    private static List<String> tablesParentsFirst(Handle h) {
        List<String> all = h.select("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                + "AND name <> ? ORDER BY name", HISTORY).mapTo(String.class).list();
        List<String> ordered = new ArrayList<>();
        while (ordered.size() < all.size()) {
            int before = ordered.size();
            for (String table : all) {
                if (ordered.contains(table)) {
                    continue;
                }
                List<String> parents = h.select("SELECT \"table\" FROM pragma_foreign_key_list(?)", table)
                        .mapTo(String.class).list();
                if (parents.stream().allMatch(p -> p.equals(table) || ordered.contains(p))) {
                    ordered.add(table);
                }
            }
            if (ordered.size() == before) {
                throw new IllegalStateException("foreign keys in a cycle among " + all);
            }
        }
        return ordered;
    }

    private static void copyTable(Handle sqlite, Handle pg, String table) {
        List<String> columns = sqlite.select("SELECT name FROM pragma_table_info(?) ORDER BY cid", table)
                .mapTo(String.class).list();
        String names = columns.stream().map(c -> "\"" + c + "\"").collect(Collectors.joining(", "));
        String insert = "INSERT INTO " + table + " (" + names + ") VALUES ("
                + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
        PreparedBatch[] batch = {pg.prepareBatch(insert)};
        sqlite.select("SELECT " + names + " FROM " + table + " ORDER BY rowid")
                .map((r, ctx) -> {
                    Object[] row = new Object[columns.size()];
                    for (int i = 0; i < row.length; i++) {
                        row[i] = r.getObject(columns.get(i));
                    }
                    return row;
                })
                .forEach(row -> {
                    batch[0].add(row);
                    if (batch[0].size() >= BATCH) {
                        batch[0].execute();
                        batch[0] = pg.prepareBatch(insert);
                    }
                });
        if (batch[0].size() > 0) {
            batch[0].execute();
        }
    }

    /**
     * Ids PostgreSQL hands out go on after the copied ones: each identity column's sequence, and
     * the question ids' {@code quiz_round_ids}.
     */
    private static void restartIdSequences(Handle pg) {
        for (Map<String, Object> identity : pg.select("SELECT table_name, column_name FROM information_schema.columns "
                + "WHERE table_schema = current_schema() AND is_identity = 'YES'").mapToMap().list()) {
            String table = (String) identity.get("table_name");
            String column = (String) identity.get("column_name");
            pg.select("SELECT setval(pg_get_serial_sequence(?, ?), COALESCE(MAX(" + column + "), 0) + 1, false) FROM "
                    + table, table, column).mapTo(Long.class).one();
        }
        pg.select("SELECT setval('quiz_round_ids', COALESCE(MAX(id), 0) + 1, false) FROM quiz_round")
                .mapTo(Long.class).one();
    }

    private static long count(Handle h, String table) {
        return h.select("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one();
    }
}

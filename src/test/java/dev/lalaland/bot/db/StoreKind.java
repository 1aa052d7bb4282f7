package dev.lalaland.bot.db;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The two databases every store test runs on: a SQLite file and a real PostgreSQL server. Store
 * tests are {@code @ParameterizedClass @EnumSource(StoreKind.class)} and open their database with
 * {@link #open}; opening again with the same folder reopens the same database, as a restart does.
 */
public enum StoreKind {
    SQLITE,
    POSTGRESQL;

    /** The PostgreSQL schema standing for each test folder. */
    private static final Map<Path, PostgresUrl> SCHEMAS = new ConcurrentHashMap<>();

    /** The test's database: a file in {@code dir}, or a schema of its own on the test server. */
    public Database open(Path dir) {
        return open(dir, Database.WRITE_BATCH_WINDOW);
    }

    /** As {@link #open(Path)}, with another write batching window. */
    public Database open(Path dir, Duration writeBatchWindow) {
        if (this == SQLITE) {
            return Database.open(dir.resolve("store-test.db"), writeBatchWindow);
        }
        return Database.open(SCHEMAS.computeIfAbsent(dir, d -> TestPostgres.freshSchema()), writeBatchWindow);
    }
}

package dev.lalaland.bot.db;

import java.nio.file.Path;

/**
 * The two databases every store test runs on: a SQLite file and a real PostgreSQL server. Store
 * tests are {@code @ParameterizedClass @EnumSource(StoreKind.class)}, and open their database with
 * {@link #open}.
 */
public enum StoreKind {
    SQLITE,
    POSTGRESQL;

    /** A fresh database: a new file in {@code dir}, or a new schema on the test server. */
    public Database open(Path dir) {
        return this == SQLITE ? Database.open(dir.resolve("store-test.db")) : Database.open(TestPostgres.freshSchema());
    }

    /** As {@link #open}, with another write batching window. */
    public Database open(Path dir, java.time.Duration writeBatchWindow) {
        return this == SQLITE ? Database.open(dir.resolve("store-test.db"), writeBatchWindow)
                : Database.open(TestPostgres.freshSchema(), writeBatchWindow);
    }
}

package dev.lalaland.bot.db;

import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * What differs between the two databases the bot runs on. The stores' SQL is common to both
 * wherever it can be; the few phrases that are not live here, and the migrations that are not in
 * {@code db/migration/<dialect>}.
 */
public enum Dialect {
    SQLITE("sqlite", "display_name COLLATE NOCASE", "rowid"),
    POSTGRESQL("postgresql", "lower(display_name)", "insertion_order");

    private final String folder;
    private final String displayNameOrder;
    private final String insertionOrder;

    Dialect(String folder, String displayNameOrder, String insertionOrder) {
        this.folder = folder;
        this.displayNameOrder = displayNameOrder;
        this.insertionOrder = insertionOrder;
    }

    /** Flyway's locations: the migrations common to both, then this database's own. */
    List<String> migrationLocations() {
        return List.of("classpath:db/migration/common", "classpath:db/migration/" + folder);
    }

    /**
     * The order rows of a link table (song_performer, nomination_person) were inserted in, which
     * is the data files' order: SQLite's rowid; on PostgreSQL an identity column of its own.
     */
    public String insertionOrder() {
        return insertionOrder;
    }

    /** Sorts display names ignoring (ASCII) case, as SQLite's NOCASE does. */
    public String displayNameOrder() {
        return displayNameOrder;
    }

    /**
     * Makes the transaction {@code h} is in wait until no other transaction, in this process or
     * another, holds the lock for {@code table}, and hold it until it ends. Call it before reading
     * what the lock guards, so that what is read is still true when the transaction writes:
     * processes started together then take turns at a check-then-replace such as the fact import.
     *
     * <p>PostgreSQL: a transaction-scoped advisory lock named after the table in the current
     * schema; it guards nothing by itself, only against others asking for it. SQLite has one lock,
     * the database's write lock, and this takes it now by a write that changes nothing: its
     * transactions begin DEFERRED, taking the write lock only at their first write, and one that
     * read before another process's commit then cannot write at all (SQLITE_BUSY). Taken first,
     * the wait for it is the busy timeout's.
     */
    public void lockUntilCommit(Handle h, String table) {
        if (this == POSTGRESQL) {
            h.select("SELECT pg_advisory_xact_lock(hashtext(current_schema() || '.' || ?))::text", table)
                    .mapTo(String.class).one();
        } else {
            h.execute("DELETE FROM " + table + " WHERE 0");
        }
    }
}

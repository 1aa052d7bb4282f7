package dev.lalaland.bot.db;

import java.util.List;

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
}

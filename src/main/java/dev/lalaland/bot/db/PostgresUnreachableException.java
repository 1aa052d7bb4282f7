package dev.lalaland.bot.db;

import java.sql.SQLException;

/**
 * The PostgreSQL server could not be reached, or is still starting: worth trying again, unlike
 * a refused login or a database that does not exist.
 */
public final class PostgresUnreachableException extends DatabaseException {
    PostgresUnreachableException(PostgresUrl url, SQLException cause) {
        super(Database.Setting.URL, "PostgreSQL at " + url + " is not reachable: " + Database.rootMessage(cause),
                cause);
    }

    /** Connection failures (SQLSTATE class 08) and a server still starting or shutting down (57P03). */
    static boolean isUnreachable(SQLException e) {
        String state = e.getSQLState();
        return state == null || state.startsWith("08") || state.equals("57P03");
    }
}

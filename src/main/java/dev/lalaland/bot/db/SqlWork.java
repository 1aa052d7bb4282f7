package dev.lalaland.bot.db;

import java.sql.Connection;
import java.sql.SQLException;

/** Work done with the database connection. */
@FunctionalInterface
public interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
}

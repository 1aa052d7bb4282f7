package dev.lalaland.bot.db;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.jdbi.v3.core.statement.StatementBuilder;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Keeps SQLite's compiled statements for the life of its one connection: compiling took a fifth
 * of the time of a quiz write (issue 6). JDBI asks this builder for every statement and hands
 * it back here when done; a kept statement stays open for the next call with the same SQL.
 * Used under the database's lock only, one thread at a time.
 */
final class KeptStatements implements StatementBuilder {
    private final Map<String, PreparedStatement> kept = new HashMap<>();

    @Override
    public Statement create(Connection connection, StatementContext context) throws SQLException {
        return connection.createStatement();
    }

    @Override
    public PreparedStatement create(Connection connection, String sql, StatementContext context)
            throws SQLException {
        if (context.isReturningGeneratedKeys() || context.isConcurrentUpdatable()) {
            return connection.prepareStatement(sql); // never asked for by the stores; not kept
        }
        PreparedStatement statement = kept.get(sql);
        if (statement == null || statement.isClosed()) {
            statement = connection.prepareStatement(sql);
            kept.put(sql, statement);
        } else {
            statement.clearParameters();
        }
        return statement;
    }

    @Override
    public CallableStatement createCall(Connection connection, String sql, StatementContext context)
            throws SQLException {
        return connection.prepareCall(sql);
    }

    @Override
    public void close(Connection connection, String sql, Statement statement) throws SQLException {
        if (kept.get(sql) != statement) {
            statement.close();
        }
    }

    @Override
    public void close(Connection connection) {
        for (PreparedStatement statement : kept.values()) {
            try {
                statement.close();
            } catch (SQLException e) {
                // the connection closes next, taking whatever is left with it
            }
        }
        kept.clear();
    }

    int size() {
        return kept.size();
    }
}

package dev.lalaland.bot.db;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The real PostgreSQL server the store tests run against (no H2, no mock). Given by
 * {@code -Dtest.postgres.url=postgresql://user:password@host:port/db} (or the environment's
 * {@code TEST_POSTGRES_URL}); without it, {@code .ci/postgres-test-db.sh} starts this machine's
 * cluster and makes a fresh database. Where no PostgreSQL is installed the PostgreSQL tests are
 * skipped with a message, unless {@code -Dtest.postgres.required=true} (CI) makes that a failure.
 * Each test gets a schema of its own in that database.
 */
public final class TestPostgres {
    private static final AtomicInteger schemas = new AtomicInteger();
    private static String serverUrl;
    private static String unavailable;

    private TestPostgres() {
    }

    /** A fresh, empty schema on the test server, as a BOT_DATABASE_URL; skips the test if there is no server. */
    public static PostgresUrl freshSchema() {
        return PostgresUrl.parse(freshSchemaUrl());
    }

    /**
     * The same as {@link #freshSchema()}, written out with its password: a BOT_DATABASE_URL for
     * bot processes of their own. Never print it.
     */
    public static String freshSchemaUrl() {
        String base = server();
        String schema = "t" + ProcessHandle.current().pid() + "_" + schemas.incrementAndGet();
        PostgresUrl url = PostgresUrl.parse(base);
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(url.jdbcUrl());
        ds.setUser(url.user());
        ds.setPassword(url.password());
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a schema on the test PostgreSQL " + url + ": "
                    + e.getMessage(), e);
        }
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    private static synchronized String server() {
        if (serverUrl == null && unavailable == null) {
            String given = System.getProperty("test.postgres.url", System.getenv("TEST_POSTGRES_URL"));
            if (given != null && !given.isBlank()) {
                serverUrl = given.strip();
            } else {
                serverUrl = startLocal();
            }
        }
        if (serverUrl == null) {
            if (Boolean.getBoolean("test.postgres.required")) {
                throw new IllegalStateException("PostgreSQL tests are required here but " + unavailable);
            }
            Assumptions.abort("PostgreSQL tests skipped: " + unavailable);
        }
        return serverUrl;
    }

    private static String startLocal() {
        Path script = Path.of(".ci", "postgres-test-db.sh");
        if (!Files.isRegularFile(script)) {
            unavailable = "no -Dtest.postgres.url and no " + script;
            return null;
        }
        try {
            Process p = new ProcessBuilder("bash", script.toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String out;
            try (InputStream in = p.getInputStream()) {
                out = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            }
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0 || !out.startsWith("postgresql://")) {
                unavailable = "no -Dtest.postgres.url, and " + script + " found no PostgreSQL to start (exit "
                        + (p.isAlive() ? "timeout" : p.exitValue()) + ")";
                System.err.println("[store tests] " + unavailable + ": the PostgreSQL half of the store tests is "
                        + "skipped. Install PostgreSQL or pass -Dtest.postgres.url=postgresql://user:password@host/db");
                return null;
            }
            return out;
        } catch (IOException e) {
            unavailable = "cannot run " + script + ": " + e.getMessage();
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            unavailable = "interrupted";
            return null;
        }
    }
}

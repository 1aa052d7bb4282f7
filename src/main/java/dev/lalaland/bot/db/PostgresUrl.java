package dev.lalaland.bot.db;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the PostgreSQL server is ({@code BOT_DATABASE_URL}): {@code postgresql://user:password@host:port/db}
 * or {@code jdbc:postgresql://host:port/db?user=...&password=...}. The password is kept apart
 * and never part of {@link #toString()}, {@link #jdbcUrl()} or any message.
 */
public final class PostgresUrl {
    private static final int DEFAULT_PORT = 5432;

    private final String host;
    private final int port;
    private final String database;
    private final String user;
    private final String password;
    /** Query parameters other than user and password (sslmode=require, ...), passed to the driver as written. */
    private final String options;

    private PostgresUrl(String host, int port, String database, String user, String password, String options) {
        this.host = host;
        this.port = port;
        this.database = database;
        this.user = user;
        this.password = password;
        this.options = options;
    }

    /**
     * Parses either form.
     *
     * @throws IllegalArgumentException saying what is wrong, without the password
     */
    public static PostgresUrl parse(String value) {
        String text = value.strip();
        String rest;
        if (text.startsWith("jdbc:postgresql://")) {
            rest = text.substring("jdbc:".length());
        } else if (text.startsWith("postgresql://") || text.startsWith("postgres://")) {
            rest = text;
        } else {
            throw new IllegalArgumentException("must start with postgresql:// or jdbc:postgresql:// "
                    + "(postgresql://user:password@host:5432/database)");
        }
        URI uri;
        try {
            uri = new URI(rest);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("is not a valid URL (a password with @, / or : must be written "
                    + "%40, %2F, %3A)");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new IllegalArgumentException("has no host (postgresql://user:password@host:5432/database)");
        }
        int port = uri.getPort() == -1 ? DEFAULT_PORT : uri.getPort();
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("has a port outside 1-65535");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String database = decode(path.startsWith("/") ? path.substring(1) : path);
        if (database.isBlank() || database.contains("/")) {
            throw new IllegalArgumentException("names no database: end it with /database_name");
        }
        String user = null;
        String password = null;
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
            password = colon < 0 ? null : decode(userInfo.substring(colon + 1));
        }
        List<String> options = new ArrayList<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = eq < 0 ? pair : pair.substring(0, eq);
                String v = eq < 0 ? "" : decode(pair.substring(eq + 1));
                switch (name) {
                    case "user" -> user = v;
                    case "password" -> password = v;
                    default -> options.add(pair);
                }
            }
        }
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("names no user (postgresql://user:password@host:5432/database)");
        }
        return new PostgresUrl(uri.getHost(), port, database, user, password, String.join("&", options));
    }

    private static String decode(String raw) {
        try {
            return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("has a malformed %-escape");
        }
    }

    /** The driver's URL, without user or password. */
    public String jdbcUrl() {
        return "jdbc:postgresql://" + hostAndPort() + "/" + database + (options.isEmpty() ? "" : "?" + options);
    }

    public String user() {
        return user;
    }

    /** Null when the URL has none (trust or peer authentication). */
    public String password() {
        return password;
    }

    private String hostAndPort() {
        return (host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + port;
    }

    /** For messages: user, host, port and database; never the password. */
    @Override
    public String toString() {
        return "postgresql://" + user + "@" + hostAndPort() + "/" + database;
    }
}

package dev.lalaland.bot.settings;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.lalaland.bot.shard.ShardPlan;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads settings from the YAML config file and the environment; the environment wins.
 * Every problem becomes a {@link SettingsException} that names the setting.
 */
public final class SettingsLoader {

    /** Each setting: its environment variable and its key in the YAML file. */
    enum Key {
        DISCORD_TOKEN("discord-token"),
        DISCORD_REST_URL("discord-rest-url"),
        DISCORD_GATEWAY_URL("discord-gateway-url"),
        BOT_DATABASE("database"),
        BOT_DATA_DIR("data-dir"),
        BOT_DEV_GUILD("dev-guild"),
        BOT_HEALTH_FILE("health-file"),
        BOT_SHARD_TOTAL("shard-total"),
        BOT_SHARDS("shards"),
        BOT_CONSOLE_DATABASE("console-database");

        final String yamlKey;

        Key(String yamlKey) {
            this.yamlKey = yamlKey;
        }

        String describe() {
            return name() + " (config key '" + yamlKey + "')";
        }
    }

    static final String DEFAULT_REST_URL = "https://discord.com/api/v10/";
    static final String DEFAULT_GATEWAY_URL = "wss://gateway.discord.gg/";
    static final Path DEFAULT_CONFIG = Path.of("config", "bot.yml");
    static final String DEFAULT_DATABASE = "lalaland.db";
    static final String CONSOLE_DATABASE = "lalaland-console.db";
    /** How the YAML parser says where: " in 'reader', line 2, column 11:". */
    private static final Pattern YAML_MARK = Pattern.compile("\\s*in '[^']*', line (\\d+), column (\\d+):?");
    private static final Pattern SNOWFLAKE = Pattern.compile("\\d{17,20}");
    private static final List<String> LOG_LEVELS = List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "OFF");

    private SettingsLoader() {
    }

    public static Settings fromEnvironment() {
        return load(System.getenv());
    }

    public static Settings load(Map<String, String> env) {
        logLevel(env.get("BOT_LOG_LEVEL"));
        Path configFile = configFile(env);
        Map<Key, String> values = configFile == null ? new LinkedHashMap<>() : readYaml(configFile);
        for (Key key : Key.values()) {
            String fromEnv = env.get(key.name());
            if (fromEnv != null && !fromEnv.isBlank()) {
                values.put(key, fromEnv.strip());
            }
        }
        String token = values.get(Key.DISCORD_TOKEN);
        if (token != null && (token.isBlank() || token.chars().anyMatch(Character::isWhitespace))) {
            throw new SettingsException(Key.DISCORD_TOKEN.describe() + " contains spaces: paste the token alone");
        }
        if (token != null && token.chars().anyMatch(c -> c < '!' || c > '~')) {
            // Said without the token: it is a secret even when mistyped.
            throw new SettingsException(Key.DISCORD_TOKEN.describe() + " has a character no Discord token has "
                    + "(tokens are plain letters, digits and . - _): paste the token alone");
        }
        Path database = database(Key.BOT_DATABASE, values.getOrDefault(Key.BOT_DATABASE, DEFAULT_DATABASE));
        return new Settings(
                token,
                url(Key.DISCORD_REST_URL, values.getOrDefault(Key.DISCORD_REST_URL, DEFAULT_REST_URL), "http", "https"),
                url(Key.DISCORD_GATEWAY_URL, values.getOrDefault(Key.DISCORD_GATEWAY_URL, DEFAULT_GATEWAY_URL), "ws", "wss"),
                configFile,
                database,
                dataDir(values.get(Key.BOT_DATA_DIR)),
                devGuild(values.get(Key.BOT_DEV_GUILD)),
                values.containsKey(Key.BOT_HEALTH_FILE) ? healthFile(values.get(Key.BOT_HEALTH_FILE)) : null,
                shards(values.get(Key.BOT_SHARD_TOTAL), values.get(Key.BOT_SHARDS)),
                values.containsKey(Key.BOT_CONSOLE_DATABASE)
                        ? database(Key.BOT_CONSOLE_DATABASE, values.get(Key.BOT_CONSOLE_DATABASE))
                        : besideTheBots(database));
    }

    /**
     * Console mode's default: {@value #CONSOLE_DATABASE} in the bot database's folder (the current
     * folder, or the data volume in Docker), a file of its own and never the bot's.
     */
    private static Path besideTheBots(Path botDatabase) {
        Path folder = botDatabase.toAbsolutePath().getParent();
        return folder == null ? Path.of(CONSOLE_DATABASE) : folder.resolve(CONSOLE_DATABASE);
    }

    /**
     * A range needs the total written beside it: every process must split the same total, and the
     * count Discord recommends grows with the bot, so processes started on different days could
     * each take it for a different one and leave servers on no process.
     */
    static ShardPlan shards(String totalText, String idsText) {
        if (totalText == null && idsText == null) {
            return ShardPlan.all();
        }
        int total;
        try {
            total = totalText == null ? 0 : ShardPlan.parseCount(totalText);
        } catch (IllegalArgumentException e) {
            throw new SettingsException(Key.BOT_SHARD_TOTAL.describe() + " must be the number of shards, 1 to "
                    + ShardPlan.MAX_TOTAL + ": " + e.getMessage());
        }
        if (totalText != null && total < 1) {
            throw new SettingsException(Key.BOT_SHARD_TOTAL.describe() + " must be at least 1, got '" + totalText + "'");
        }
        if (idsText == null) {
            return ShardPlan.allOf(total);
        }
        if (totalText == null) {
            throw new SettingsException(Key.BOT_SHARDS.describe() + " needs BOT_SHARD_TOTAL beside it: every process "
                    + "must split the same total (set it to the same number on each)");
        }
        SortedSet<Integer> ids;
        try {
            ids = ShardPlan.parseIds(idsText);
        } catch (IllegalArgumentException e) {
            throw new SettingsException(Key.BOT_SHARDS.describe() + " must be shard ids like 0-3 or 0,2,5, got '"
                    + idsText + "': " + e.getMessage());
        }
        if (ids.last() >= total) {
            throw new SettingsException(Key.BOT_SHARDS.describe() + " '" + idsText + "' names shard " + ids.last()
                    + ", but with "
                    + "BOT_SHARD_TOTAL " + total + " the ids are 0 to " + (total - 1));
        }
        return ShardPlan.some(total, ids);
    }

    private static Path configFile(Map<String, String> env) {
        String named = env.get("BOT_CONFIG");
        if (named == null || named.isBlank()) {
            return Files.isRegularFile(DEFAULT_CONFIG) ? DEFAULT_CONFIG : null;
        }
        Path path = Path.of(named.strip());
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new SettingsException("BOT_CONFIG names " + path + ", which is not a readable file");
        }
        return path;
    }

    private static Map<Key, String> readYaml(Path file) {
        JsonNode root;
        try {
            // A key written twice would silently take its last value: the admin meant one of them.
            root = new ObjectMapper(new YAMLFactory()).enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                    .readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new SettingsException("BOT_CONFIG: " + file + " is not valid YAML" + yamlProblem(e));
        } catch (IOException e) {
            throw new SettingsException("BOT_CONFIG: " + file + " cannot be read: "
                    + (e instanceof AccessDeniedException ? "permission denied" : firstLine(e.getMessage())));
        }
        Map<Key, String> values = new LinkedHashMap<>();
        if (root == null || root.isMissingNode() || root.isNull()) {
            return values;
        }
        if (!root.isObject()) {
            throw new SettingsException("BOT_CONFIG: " + file + " must be a mapping of setting: value");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            Key key = keyFor(entry.getKey(), file);
            JsonNode value = entry.getValue();
            if (value.isNull()) {
                continue;
            }
            if (!value.isValueNode()) {
                throw new SettingsException(key.describe() + " in " + file + " must be a single value");
            }
            values.put(key, value.asText());
        }
        return values;
    }

    /**
     * Where and what, on one line: the YAML parser's own marks ("while parsing a flow sequence" at
     * the line where it began, "expected ',' or ']'" where it failed), else the position Jackson
     * reports with the first line of its message.
     */
    private static String yamlProblem(JsonProcessingException e) {
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        StringBuilder out = new StringBuilder();
        String what = null;
        for (String line : message.split("\n")) {
            Matcher mark = YAML_MARK.matcher(line);
            if (mark.matches() && what != null) {
                out.append(out.isEmpty() ? " at line " + mark.group(1) + ", column " + mark.group(2) + ": " + what
                        : "; " + what + " at line " + mark.group(1) + ", column " + mark.group(2));
                what = null;
            } else if (!line.isBlank() && !Character.isWhitespace(line.charAt(0))) {
                what = line.strip();
            }
        }
        if (!out.isEmpty()) {
            return out.toString();
        }
        JsonLocation where = e.getLocation();
        String at = where == null || where.getLineNr() < 1 ? ""
                : " at line " + where.getLineNr() + ", column " + where.getColumnNr();
        return at + ": " + firstLine(message);
    }

    /** Read by the logging set-up itself, which would take a misspelt level silently as the default. */
    private static void logLevel(String value) {
        if (value != null && !value.isBlank() && !LOG_LEVELS.contains(value.strip().toUpperCase(Locale.ROOT))) {
            throw new SettingsException("BOT_LOG_LEVEL must be one of " + String.join(", ", LOG_LEVELS) + ", got '"
                    + value + "'");
        }
    }

    private static Key keyFor(String yamlKey, Path file) {
        for (Key key : Key.values()) {
            if (key.yamlKey.equals(yamlKey)) {
                return key;
            }
        }
        StringBuilder known = new StringBuilder();
        for (Key key : Key.values()) {
            known.append(known.isEmpty() ? "" : ", ").append(key.yamlKey);
        }
        throw new SettingsException("unknown setting '" + yamlKey + "' in " + file + " (known: " + known + ")");
    }

    private static URI url(Key key, String value, String plainScheme, String secureScheme) {
        String withSlash = value.endsWith("/") ? value : value + "/";
        try {
            URI uri = new URI(withSlash);
            if (!plainScheme.equals(uri.getScheme()) && !secureScheme.equals(uri.getScheme()) || uri.getHost() == null) {
                throw new SettingsException(key.describe() + " must be a " + secureScheme + ":// (or " + plainScheme
                        + "://) URL, got '" + value + "'");
            }
            if (uri.getPort() == 0 || uri.getPort() > 65535) {
                throw new SettingsException(key.describe() + " has a port outside 1-65535: '" + value + "'");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new SettingsException(key.describe() + " is not a valid URL: '" + value + "'");
        }
    }

    private static Path database(Key key, String value) {
        Path path = path(key, value);
        if (Files.isDirectory(path)) {
            throw new SettingsException(key.describe() + " names a directory, not a file: " + path);
        }
        return path;
    }

    /**
     * The bot creates the health file, touches it and deletes it on shutdown: it must be a path of
     * its own, in a folder that exists, never a file with something in it (the bot's is empty).
     */
    private static Path healthFile(String value) {
        Path path = path(Key.BOT_HEALTH_FILE, value).toAbsolutePath();
        Path folder = path.getParent();
        if (folder == null || !Files.isDirectory(folder) || !Files.isWritable(folder)) {
            throw new SettingsException(Key.BOT_HEALTH_FILE.describe() + " must be in a folder the bot can write to: "
                    + path);
        }
        try {
            if (Files.exists(path) && (!Files.isRegularFile(path) || Files.size(path) > 0)) {
                throw new SettingsException(Key.BOT_HEALTH_FILE.describe() + " names " + path
                        + ", which already exists and is not an empty file: give the health file a path of its own");
            }
        } catch (IOException e) {
            throw new SettingsException(Key.BOT_HEALTH_FILE.describe() + " cannot be checked: " + path);
        }
        return path;
    }

    private static Path dataDir(String value) {
        if (value == null) {
            return null;
        }
        Path path = path(Key.BOT_DATA_DIR, value);
        if (!Files.isDirectory(path)) {
            throw new SettingsException(Key.BOT_DATA_DIR.describe() + " is not a directory: " + path);
        }
        return path;
    }

    private static String devGuild(String value) {
        if (value != null && !SNOWFLAKE.matcher(value).matches()) {
            throw new SettingsException(Key.BOT_DEV_GUILD.describe() + " must be a server id (17 to 20 digits), got '"
                    + value + "'");
        }
        return value;
    }

    private static Path path(Key key, String value) {
        try {
            return Path.of(value);
        } catch (RuntimeException e) {
            throw new SettingsException(key.describe() + " is not a valid path: '" + value + "'");
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}

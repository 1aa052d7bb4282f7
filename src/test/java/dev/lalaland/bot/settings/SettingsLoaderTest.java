package dev.lalaland.bot.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsLoaderTest {
    @TempDir
    Path dir;

    @Test
    void defaultsPointAtDiscord() {
        Settings s = SettingsLoader.load(Map.of());
        assertThat(s.restUrl()).hasToString("https://discord.com/api/v10/");
        assertThat(s.gatewayUrl()).hasToString("wss://gateway.discord.gg/");
        assertThat(s.database()).isEqualTo(Path.of("lalaland.db"));
        assertThat(s.token()).isEmpty();
        assertThat(s.devGuild()).isNull();
    }

    @Test
    void missingTokenNamesTheVariable() {
        Settings s = SettingsLoader.load(Map.of());
        assertThatThrownBy(s::requireToken).isInstanceOf(SettingsException.class).hasMessageContaining("DISCORD_TOKEN");
    }

    @Test
    void environmentWinsOverTheConfigFile() throws Exception {
        Path config = dir.resolve("bot.yml");
        Files.writeString(config, "discord-rest-url: http://127.0.0.1:1/api/v10/\ndatabase: from-file.db\n");
        Settings s = SettingsLoader.load(Map.of("BOT_CONFIG", config.toString(), "BOT_DATABASE", "from-env.db"));
        assertThat(s.restUrl()).hasToString("http://127.0.0.1:1/api/v10/");
        assertThat(s.database()).isEqualTo(Path.of("from-env.db"));
        assertThat(s.configFile()).isEqualTo(config);
    }

    /** Invalid YAML says where: the admin should not have to hunt through the file. */
    @Test
    void invalidYamlNamesTheLineAndColumn() throws Exception {
        Path config = dir.resolve("bot.yml");
        Files.writeString(config, "database: lalaland.db\ndata-dir: [data\ndev-guild: 123456789012345678\n");
        assertThatThrownBy(() -> SettingsLoader.load(Map.of("BOT_CONFIG", config.toString())))
                .isInstanceOf(SettingsException.class)
                .hasMessage("BOT_CONFIG: " + config + " is not valid YAML at line 2, column 11: while parsing a flow "
                        + "sequence; expected ',' or ']', but got : at line 3, column 10");
        Files.writeString(config, "database: lalaland.db\n  data-dir: data\n");
        assertThatThrownBy(() -> SettingsLoader.load(Map.of("BOT_CONFIG", config.toString())))
                .hasMessage("BOT_CONFIG: " + config + " is not valid YAML at line 2, column 11: mapping values are "
                        + "not allowed here");
    }

    /** Console mode never opens the bot's database unless told to. */
    @Test
    void consoleModeHasADatabaseOfItsOwnBesideTheBots() throws Exception {
        assertThat(SettingsLoader.load(Map.of()).consoleDatabase())
                .isEqualTo(Path.of("lalaland-console.db").toAbsolutePath());
        Path botDb = dir.resolve("state").resolve("lalaland.db");
        assertThat(SettingsLoader.load(Map.of("BOT_DATABASE", botDb.toString())).consoleDatabase())
                .isEqualTo(botDb.resolveSibling("lalaland-console.db"));
        assertThat(SettingsLoader.load(Map.of("BOT_DATABASE", botDb.toString(), "BOT_CONSOLE_DATABASE",
                botDb.toString())).consoleDatabase()).as("unless an admin says so").isEqualTo(botDb);
        assertNamed(Map.of("BOT_CONSOLE_DATABASE", dir.toString()), "BOT_CONSOLE_DATABASE");
    }

    @Test
    void urlsGetTheirTrailingSlash() {
        Settings s = SettingsLoader.load(Map.of("DISCORD_REST_URL", "http://127.0.0.1:5/api/v10",
                "DISCORD_GATEWAY_URL", "ws://127.0.0.1:6"));
        assertThat(s.restUrl()).hasToString("http://127.0.0.1:5/api/v10/");
        assertThat(s.gatewayUrl()).hasToString("ws://127.0.0.1:6/");
    }

    @Test
    void everyBadSettingIsNamed() {
        assertNamed(Map.of("DISCORD_REST_URL", "ftp://x/"), "DISCORD_REST_URL");
        assertNamed(Map.of("DISCORD_REST_URL", "not a url"), "DISCORD_REST_URL");
        assertNamed(Map.of("DISCORD_GATEWAY_URL", "http://127.0.0.1/"), "DISCORD_GATEWAY_URL");
        assertNamed(Map.of("BOT_DEV_GUILD", "my-server"), "BOT_DEV_GUILD");
        assertNamed(Map.of("BOT_DATA_DIR", dir.resolve("nope").toString()), "BOT_DATA_DIR");
        assertNamed(Map.of("BOT_DATABASE", dir.toString()), "BOT_DATABASE");
        assertNamed(Map.of("BOT_CONFIG", dir.resolve("missing.yml").toString()), "BOT_CONFIG");
        assertNamed(Map.of("DISCORD_TOKEN", "two words"), "DISCORD_TOKEN");
        assertNamed(Map.of("DISCORD_REST_URL", "http://127.0.0.1:99999/api/v10/"), "DISCORD_REST_URL");
        assertNamed(Map.of("DISCORD_GATEWAY_URL", "ws://127.0.0.1:99999/"), "DISCORD_GATEWAY_URL");
    }

    @Test
    void aTokenWithCharactersNoTokenHasIsRefusedWithoutShowingIt() {
        for (String token : List.of("t\u00f6ken.SECRETXYZ", "token\u0000.SECRETXYZ", "token\u200b.SECRETXYZ")) {
            assertThatThrownBy(() -> SettingsLoader.load(Map.of("DISCORD_TOKEN", token)))
                    .isInstanceOf(SettingsException.class)
                    .hasMessageContaining("DISCORD_TOKEN").hasMessageNotContaining("SECRETXYZ");
        }
        assertThat(SettingsLoader.load(Map.of("DISCORD_TOKEN", "MTAx.Gx-y_z.abc")).requireToken()).isEqualTo("MTAx.Gx-y_z.abc");
    }

    /** The bot deletes its health file when it stops: a file with something in it is never taken for it. */
    @Test
    void theHealthFileMustBeAPathOfItsOwn() throws Exception {
        Path taken = Files.writeString(dir.resolve("hostname"), "vm\n");
        assertNamed(Map.of("BOT_HEALTH_FILE", taken.toString()), "BOT_HEALTH_FILE");
        assertNamed(Map.of("BOT_HEALTH_FILE", dir.toString()), "BOT_HEALTH_FILE");
        assertNamed(Map.of("BOT_HEALTH_FILE", dir.resolve("no-such-folder").resolve("alive").toString()), "BOT_HEALTH_FILE");
        Path leftOver = Files.createFile(dir.resolve("alive")); // an earlier run's, killed before it could remove it
        assertThat(SettingsLoader.load(Map.of("BOT_HEALTH_FILE", leftOver.toString())).healthFile()).isEqualTo(leftOver);
        assertThat(SettingsLoader.load(Map.of("BOT_HEALTH_FILE", dir.resolve("new").toString())).healthFile())
                .isEqualTo(dir.resolve("new"));
    }

    @Test
    void unknownOrMalformedConfigKeysAreRejected() throws Exception {
        Path config = dir.resolve("bot.yml");
        Files.writeString(config, "discord-tokn: abc\n");
        assertNamed(Map.of("BOT_CONFIG", config.toString()), "discord-tokn");
        Files.writeString(config, "database: [a, b]\n");
        assertNamed(Map.of("BOT_CONFIG", config.toString()), "BOT_DATABASE");
        Files.writeString(config, "database: \"unclosed\n");
        assertNamed(Map.of("BOT_CONFIG", config.toString()), "BOT_CONFIG");
        Files.writeString(config, "database: one.db\ndatabase: two.db\n");
        assertThatThrownBy(() -> SettingsLoader.load(Map.of("BOT_CONFIG", config.toString())))
                .hasMessageContaining("BOT_CONFIG").hasMessageContaining("Duplicate field 'database'");
    }

    @Test
    void aLogLevelTheLoggingWouldIgnoreIsNamed() {
        assertNamed(Map.of("BOT_LOG_LEVEL", "LOUD"), "BOT_LOG_LEVEL");
        assertThat(SettingsLoader.load(Map.of("BOT_LOG_LEVEL", "debug"))).isNotNull();
    }

    @Test
    void toStringNeverShowsTheToken() {
        Map<String, String> env = new HashMap<>();
        env.put("DISCORD_TOKEN", "secret.token.value");
        assertThat(SettingsLoader.load(env).toString()).doesNotContain("secret").contains("token=set");
    }

    private static void assertNamed(Map<String, String> env, String setting) {
        assertThatThrownBy(() -> SettingsLoader.load(env))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining(setting);
    }

    @Test
    void theExampleConfigDocumentsEveryKeyAndLoads() throws Exception {
        Path example = Path.of("config", "bot.example.yml");
        String text = Files.readString(example);
        for (SettingsLoader.Key key : SettingsLoader.Key.values()) {
            assertThat(text).as("documents %s", key).contains(key.name()).contains(key.yamlKey + ":");
        }
        Settings s = SettingsLoader.load(Map.of("BOT_CONFIG", example.toString()));
        assertThat(s.restUrl()).hasToString("https://discord.com/api/v10/");
        assertThat(s.database()).isEqualTo(Path.of("lalaland.db"));
    }
}

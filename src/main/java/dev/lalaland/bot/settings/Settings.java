package dev.lalaland.bot.settings;

import dev.lalaland.bot.shard.ShardPlan;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The bot's validated settings. {@link #toString()} never shows the token.
 *
 * @param discordToken null when not configured; only {@code run} needs it
 * @param dataDir      null to use the fact files bundled in the jar
 * @param devGuild     null to register commands globally
 * @param healthFile   null for no health file; else touched while connected to Discord
 * @param shards       the gateway shards this process runs, out of how many
 * @param consoleDatabase console mode's own SQLite file: never the bot's {@code database} unless
 *                        an admin says so, so that trying commands cannot change a live bot's state
 */
public record Settings(String discordToken, URI restUrl, URI gatewayUrl, Path configFile, Path database,
                       Path dataDir, String devGuild, Path healthFile, ShardPlan shards,
                       Path consoleDatabase) {

    public Optional<String> token() {
        return Optional.ofNullable(discordToken);
    }

    /** The token, or a {@link SettingsException} naming {@code DISCORD_TOKEN}. */
    public String requireToken() {
        return token().orElseThrow(() -> new SettingsException(
                "DISCORD_TOKEN is not set: put the bot token from Discord's developer portal in DISCORD_TOKEN "
                        + "(or in .env, with docker compose)"));
    }

    @Override
    public String toString() {
        return "Settings[token=" + (discordToken == null ? "unset" : "set") + ", restUrl=" + restUrl
                + ", gatewayUrl=" + gatewayUrl + ", configFile=" + configFile + ", database=" + database
                + ", dataDir=" + dataDir + ", devGuild=" + devGuild + ", healthFile=" + healthFile
                + ", shards=" + shards + ", consoleDatabase=" + consoleDatabase + "]";
    }
}

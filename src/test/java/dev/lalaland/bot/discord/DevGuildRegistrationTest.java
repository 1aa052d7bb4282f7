package dev.lalaland.bot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lalaland.bot.testing.FakeDiscord;
import dev.lalaland.bot.testing.FakeGuild;
import dev.lalaland.bot.testing.RunningBot;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With {@code BOT_DEV_GUILD} set, commands go to that server only, for instant updates. */
class DevGuildRegistrationTest {
    @TempDir
    Path dir;

    @Test
    void registersOnTheDevelopmentServerOnly() throws Exception {
        try (FakeDiscord discord = FakeDiscord.start();
             RunningBot bot = RunningBot.start(discord, dir, Clock.systemUTC(),
                     Map.of("BOT_DEV_GUILD", FakeGuild.DEFAULT_GUILD_ID))) {
            discord.awaitRequest("PUT", "/applications/.*/guilds/" + FakeGuild.DEFAULT_GUILD_ID + "/commands",
                    Duration.ofSeconds(10));
            assertThat(discord.registeredGuildCommands(FakeGuild.DEFAULT_GUILD_ID))
                    .extracting(c -> c.get("name").asText()).contains("cast", "quiz", "config", "onthisday");
            assertThat(discord.registeredGlobalCommands()).isEmpty();
            assertThat(discord.registeredGuildCommands(FakeGuild.DEFAULT_GUILD_ID))
                    .filteredOn(c -> c.get("name").asText().equals("config"))
                    .allMatch(c -> c.get("default_member_permissions").asText().equals("32"));
        }
    }
}

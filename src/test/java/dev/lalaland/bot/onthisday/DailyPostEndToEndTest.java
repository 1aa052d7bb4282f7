package dev.lalaland.bot.onthisday;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lalaland.bot.Features;
import dev.lalaland.bot.testing.FakeDiscord;
import dev.lalaland.bot.testing.FakeGuild;
import dev.lalaland.bot.testing.FakeMessage;
import dev.lalaland.bot.testing.InteractionCallback;
import dev.lalaland.bot.testing.OptionValue;
import dev.lalaland.bot.testing.RecordedRequest;
import dev.lalaland.bot.testing.RunningBot;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import net.dv8tion.jda.api.Permission;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daily post end to end: the real bot through JDA against the fake Discord. The bot's clock
 * is real time shifted ({@link ShiftedClock}): the post is configured two minutes ahead of the
 * bot's "now", then the clock jumps to two seconds before post time, and the daily-post poll
 * interval is 200 ms, so a two-minute wait takes two seconds.
 */
class DailyPostEndToEndTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String ADMIN = FakeGuild.ADMIN_USER_ID;
    private static final String MEMBER = FakeGuild.BOB_USER_ID;
    private static final String GENERAL = FakeGuild.GENERAL_CHANNEL_ID;
    private static final String ANNOUNCEMENTS = FakeGuild.ANNOUNCEMENTS_CHANNEL_ID;
    private static final Features.Tuning FAST = new Features.Tuning(
            DailyPostRoutine.Options.defaults().withPollInterval(Duration.ofMillis(200)));

    @TempDir
    Path dir;
    private FakeDiscord discord;
    private RunningBot bot;
    private final ShiftedClock clock = new ShiftedClock();

    @BeforeEach
    void start() throws InterruptedException {
        clock.jumpTo(Instant.parse("2026-06-01T08:58:00Z"));
        discord = FakeDiscord.start();
        bot = RunningBot.start(discord, dir, clock, Map.of(), FAST);
    }

    @AfterEach
    void stop() {
        bot.close();
        discord.close();
    }

    private InteractionCallback config(String who, String subcommand, Map<String, ?> options) {
        return discord.slash(who, GENERAL, "config", subcommand, options).awaitResponse(WAIT);
    }

    private InteractionCallback turnOn(String channel, String time) {
        return config(ADMIN, "onthisday", Map.of("channel", OptionValue.channel(channel), "time", time,
                "timezone", "UTC"));
    }

    private List<RecordedRequest> postsTo(String channel) {
        return discord.requests("POST", "/channels/" + channel + "/messages");
    }

    private static String title(FakeMessage message) {
        return message.embeds().get(0).get("title").asText();
    }

    @Test
    void postsExactlyOnceAndARestartOnTheSameDatabaseDoesNotPostAgain() throws InterruptedException {
        InteractionCallback on = turnOn(ANNOUNCEMENTS, "09:00");
        assertThat(on.ephemeral()).isTrue();
        assertThat(on.content()).startsWith("Daily post: on")
                .contains("<t:" + Instant.parse("2026-06-01T09:00:00Z").getEpochSecond() + ":F>");
        assertThat(discord.channelMessages(ANNOUNCEMENTS)).isEmpty();

        clock.jumpTo(Instant.parse("2026-06-01T08:59:58Z"));
        FakeMessage post = discord.awaitChannelMessage(ANNOUNCEMENTS, m -> true, WAIT);
        assertThat(title(post)).isEqualTo("On this day: June 1");
        assertThat(postsTo(ANNOUNCEMENTS)).singleElement().satisfies(request -> assertThat(request.body()
                .get("nonce").asText()).isEqualTo(DailyPostStore.nonce(FakeGuild.DEFAULT_GUILD_ID,
                LocalDate.parse("2026-06-01"))));

        bot.restart();
        assertThat(config(ADMIN, "show", Map.of()).content()).startsWith("Daily post: on")
                .contains("<t:" + Instant.parse("2026-06-02T09:00:00Z").getEpochSecond() + ":F>");
        // The restarted bot goes on to the next day's post; had it posted June 1 again, that
        // post would come first.
        clock.jumpTo(Instant.parse("2026-06-02T08:59:58Z"));
        discord.awaitChannelMessages(ANNOUNCEMENTS, 2, WAIT);
        assertThat(discord.channelMessages(ANNOUNCEMENTS)).extracting(DailyPostEndToEndTest::title)
                .containsExactly("On this day: June 1", "On this day: June 2");
        assertThat(postsTo(ANNOUNCEMENTS)).hasSize(2);
    }

    @Test
    void configIsForAdminsOnlyAndRegisteredHiddenFromOthers() {
        discord.awaitRequest("PUT", "/applications/.*/commands", WAIT);
        JsonNode registered = discord.registeredCommand("config").orElseThrow();
        assertThat(registered.get("default_member_permissions").asText())
                .isEqualTo(Long.toString(Permission.MANAGE_SERVER.getRawValue()));

        InteractionCallback refused = turnOnAs(MEMBER);
        assertThat(refused.ephemeral()).isTrue();
        assertThat(refused.content()).contains("Manage Server");
        assertThat(config(ADMIN, "show", Map.of()).content()).startsWith("Daily post: off");
    }

    private InteractionCallback turnOnAs(String who) {
        return config(who, "onthisday", Map.of("channel", OptionValue.channel(ANNOUNCEMENTS)));
    }

    @Test
    void aChannelTheBotCannotEmbedInIsRefusedWhenConfigured() {
        discord.denyBot(ANNOUNCEMENTS, Permission.MESSAGE_EMBED_LINKS);
        InteractionCallback refused = turnOn(ANNOUNCEMENTS, "09:00");
        assertThat(refused.ephemeral()).isTrue();
        assertThat(refused.content()).contains("<#" + ANNOUNCEMENTS + ">").contains("Embed Links");
        assertThat(config(ADMIN, "show", Map.of()).content()).startsWith("Daily post: off");
    }

    @Test
    void whenDiscordRefusesThePostItIsTurnedOffWithTheReasonAndNotRetried() {
        turnOn(ANNOUNCEMENTS, "09:00");
        discord.failChannel(ANNOUNCEMENTS, 403, 50013, "Missing Permissions");
        clock.jumpTo(Instant.parse("2026-06-01T08:59:58Z"));

        String show = awaitShow(s -> s.contains("I turned it off myself"));
        assertThat(show).startsWith("Daily post: off").contains("Missing Permissions").contains("2026-06-01");
        // One refused request, no retries: the unit tests follow the days after.
        assertThat(postsTo(ANNOUNCEMENTS)).hasSize(1);
    }

    /** Asks {@code /config show} until its answer matches, for at most {@link #WAIT}. */
    private String awaitShow(Predicate<String> wanted) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            String content = config(ADMIN, "show", Map.of()).content();
            if (wanted.test(content) || System.nanoTime() > deadline) {
                assertThat(content).matches(wanted);
                return content;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}

package dev.lalaland.bot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lalaland.bot.command.AutocompleteRequest;
import dev.lalaland.bot.command.ChannelAccess;
import dev.lalaland.bot.command.CommandRequest;
import dev.lalaland.bot.command.CommandSpec;
import dev.lalaland.bot.command.Invoker;
import dev.lalaland.bot.command.OptionKind;
import dev.lalaland.bot.command.OptionSpec;
import dev.lalaland.bot.command.UserInputException;
import dev.lalaland.bot.db.Database;
import dev.lalaland.bot.onthisday.DailyPostSchedule;
import dev.lalaland.bot.onthisday.DailyPostStore;
import dev.lalaland.bot.onthisday.TestFacts;
import dev.lalaland.bot.render.Choice;
import dev.lalaland.bot.render.DiscordLimits;
import dev.lalaland.bot.render.Reply;
import dev.lalaland.bot.testing.ManualClock;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigCommandTest {
    private static final Invoker ADMIN = new Invoker("u1", "admin", "g1", "c1", true);
    private static final Invoker MEMBER = new Invoker("u2", "member", "g1", "c1", false);
    private static final Invoker IN_DM = new Invoker("u1", "admin", null, "dm", true);

    @TempDir
    Path dir;
    private Database database;
    private DailyPostStore store;
    // 08:00 in Paris
    private final ManualClock clock = ManualClock.at("2026-06-01T06:00:00Z");
    private final Map<String, String> unpostable = new HashMap<>();
    private ConfigCommand config;

    @BeforeEach
    void open() {
        database = TestFacts.open(dir);
        store = new DailyPostStore(database);
        ChannelAccess access = (guild, channel) -> Optional.ofNullable(unpostable.get(channel));
        config = new ConfigCommand(store, access, new TimeZoneNames(), clock);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private Reply run(Invoker who, String sub, String... options) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < options.length; i += 2) {
            map.put(options[i], options[i + 1]);
        }
        Reply reply = config.handle(new CommandRequest("config", sub, map, who, clock.instant()));
        assertThat(reply.ephemeral()).as("every /config reply is private").isTrue();
        assertThat(DiscordLimits.violations(reply)).isEmpty();
        return reply;
    }

    @Test
    void theSpecIsTheContractsAndNeedsManageServer() {
        CommandSpec spec = config.spec();
        assertThat(spec.name()).isEqualTo("config");
        assertThat(spec.requiresManageServer()).isTrue();
        assertThat(spec.subcommands()).extracting(CommandSpec.Subcommand::name)
                .containsExactly("onthisday", "onthisday-off", "show");
        assertThat(spec.optionsFor("onthisday")).extracting(OptionSpec::name).containsExactly("channel", "time", "timezone");
        OptionSpec channel = spec.optionsFor("onthisday").get(0);
        assertThat(channel.kind()).isEqualTo(OptionKind.CHANNEL);
        assertThat(channel.required()).isTrue();
        assertThat(spec.optionsFor("onthisday").get(2).autocomplete()).isTrue();
    }

    @Test
    void membersWithoutManageServerAreRefusedEvenIfDiscordLetThemThrough() {
        Reply reply = run(MEMBER, "onthisday", "channel", "c9");
        assertThat(reply.content()).contains("Manage Server");
        assertThat(store.settings("g1")).isEmpty();
        assertThat(run(MEMBER, "show").content()).contains("Manage Server");
    }

    @Test
    void directMessagesAreRefused() {
        assertThat(run(IN_DM, "show").content()).contains("server");
    }

    @Test
    void turningOnWithDefaultsPostsAtNineUtcAndShowsWhenAsADiscordTimestamp() {
        Reply reply = run(ADMIN, "onthisday", "channel", "c9");
        long epoch = Instant.parse("2026-06-01T09:00:00Z").getEpochSecond();
        assertThat(reply.content()).startsWith("Daily post: on").contains("09:00 (UTC)").contains("<#c9>")
                .contains("<t:" + epoch + ":F>");
        assertThat(store.settings("g1")).hasValueSatisfying(s -> {
            assertThat(s.time()).isEqualTo(LocalTime.of(9, 0));
            assertThat(s.zone()).isEqualTo(ZoneId.of("UTC"));
        });
    }

    @Test
    void aLocalTimeAlreadyPastTodayStartsTomorrow() {
        run(ADMIN, "onthisday", "channel", "c9", "time", "7:30", "timezone", "europe/paris");
        assertThat(store.settings("g1").orElseThrow().nextPost()).isEqualTo("2026-06-02T05:30:00Z");
        assertThat(store.settings("g1").orElseThrow().zone()).isEqualTo(ZoneId.of("Europe/Paris"));
    }

    @Test
    void showSaysWhatIsSetAndWhenTheNextPostIs() {
        assertThat(run(ADMIN, "show").content()).startsWith("Daily post: off");
        run(ADMIN, "onthisday", "channel", "c9", "time", "21:30", "timezone", "Asia/Kolkata");
        long epoch = Instant.parse("2026-06-01T16:00:00Z").getEpochSecond();
        assertThat(run(ADMIN, "show").content()).startsWith("Daily post: on").contains("<#c9>").contains("21:30")
                .contains("Asia/Kolkata").contains("<t:" + epoch + ":F>");

        assertThat(run(ADMIN, "onthisday-off").content()).startsWith("Daily post: off");
        assertThat(run(ADMIN, "show").content()).startsWith("Daily post: off").contains("<#c9>")
                .doesNotContain("I turned it off");
    }

    @Test
    void showSaysWhyWhenTheBotTurnedThePostOffItself() {
        run(ADMIN, "onthisday", "channel", "c9");
        store.refuse("g1", LocalDate.parse("2026-06-01"), "On 2026-06-01 I could not post in <#c9>: Missing Permissions",
                clock.instant());
        assertThat(run(ADMIN, "show").content()).startsWith("Daily post: off").contains("I turned it off myself")
                .contains("Missing Permissions");
    }

    @Test
    void aChannelTheBotCannotPostInIsRefusedAtConfigurationTime() {
        unpostable.put("c9", "I'm missing Embed Links there.");
        Reply reply = run(ADMIN, "onthisday", "channel", "c9");
        assertThat(reply.content()).contains("<#c9>").contains("Embed Links");
        assertThat(store.settings("g1")).isEmpty();
    }

    @Test
    void aBadTimeOrZoneSaysWhatIsAcceptedAndChangesNothing() {
        assertThatThrownBy(() -> run(ADMIN, "onthisday", "channel", "c9", "time", "25:00"))
                .isInstanceOf(UserInputException.class).hasMessageContaining("HH:MM");
        assertThatThrownBy(() -> run(ADMIN, "onthisday", "channel", "c9", "time", "9am"))
                .isInstanceOf(UserInputException.class).hasMessageContaining("HH:MM");
        assertThatThrownBy(() -> run(ADMIN, "onthisday", "channel", "c9", "timezone", "Middle/Earth"))
                .isInstanceOf(UserInputException.class).hasMessageContaining("Europe/Paris");
        assertThat(store.settings("g1")).isEmpty();
    }

    @Test
    void movingTheTimeLaterOnADayAlreadyPostedStartsTomorrow() {
        run(ADMIN, "onthisday", "channel", "c9", "time", "09:00", "timezone", "Europe/Paris");
        // Today's post has been claimed and sent at 09:00 Paris.
        clock.set("2026-06-01T07:00:00Z");
        var due = store.due(clock.instant(), 10).get(0);
        store.apply(List.of(new DailyPostStore.Plan(due,
                DailyPostSchedule.decide(due.localDate(), due.time(), due.zone(), clock.instant()))), clock.instant());

        clock.set("2026-06-01T08:00:00Z");
        Reply reply = run(ADMIN, "onthisday", "channel", "c9", "time", "11:00", "timezone", "Europe/Paris");
        assertThat(reply.content()).contains("tomorrow");
        assertThat(store.settings("g1").orElseThrow().nextPost()).isEqualTo("2026-06-02T09:00:00Z");
    }

    /** Tokyo's June 1st post goes out at 00:00 UTC, which is still May 31st in Los Angeles. */
    @Test
    void movingTheTimeZoneBackOnADayAlreadyPostedStartsTomorrowThere() {
        clock.set("2026-05-31T12:00:00Z");
        run(ADMIN, "onthisday", "channel", "c9", "time", "09:00", "timezone", "Asia/Tokyo");
        clock.set("2026-06-01T00:00:00Z");
        var due = store.due(clock.instant(), 10).get(0);
        store.apply(List.of(new DailyPostStore.Plan(due,
                DailyPostSchedule.decide(due.localDate(), due.time(), due.zone(), clock.instant()))), clock.instant());

        clock.set("2026-06-01T01:00:00Z"); // 18:00 on May 31st in Los Angeles
        Reply reply = run(ADMIN, "onthisday", "channel", "c9", "time", "20:00", "timezone", "America/Los_Angeles");
        assertThat(reply.content()).contains("tomorrow");
        assertThat(store.settings("g1").orElseThrow().nextPost()).isEqualTo("2026-06-02T03:00:00Z"); // June 1st, 20:00 PDT
    }

    @Test
    void autocompleteSuggestsTimeZonesOnly() {
        var zones = config.autocomplete(new AutocompleteRequest("config", "onthisday", "timezone", "paris", ADMIN));
        assertThat(zones).first().extracting(Choice::value).isEqualTo("Europe/Paris");
        assertThat(DiscordLimits.violations(zones)).isEmpty();
        assertThat(config.autocomplete(new AutocompleteRequest("config", "onthisday", "time", "9", ADMIN))).isEmpty();
    }
}

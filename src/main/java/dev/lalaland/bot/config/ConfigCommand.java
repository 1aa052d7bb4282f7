package dev.lalaland.bot.config;

import dev.lalaland.bot.command.AutocompleteRequest;
import dev.lalaland.bot.command.ChannelAccess;
import dev.lalaland.bot.command.CommandRequest;
import dev.lalaland.bot.command.CommandSpec;
import dev.lalaland.bot.command.CommandSpec.Subcommand;
import dev.lalaland.bot.command.HelpText;
import dev.lalaland.bot.command.Invoker;
import dev.lalaland.bot.command.OptionSpec;
import dev.lalaland.bot.command.SlashCommand;
import dev.lalaland.bot.command.UserInputException;
import dev.lalaland.bot.onthisday.DailyPostSchedule;
import dev.lalaland.bot.onthisday.DailyPostSchedule.Occurrence;
import dev.lalaland.bot.onthisday.DailyPostSettings;
import dev.lalaland.bot.onthisday.DailyPostStore;
import dev.lalaland.bot.render.Choice;
import dev.lalaland.bot.render.Reply;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * {@code /config}: a server's settings, for members with Manage Server. Today that is the daily
 * "on this day" post. Every answer is private (ephemeral): settings are nobody else's business.
 */
public final class ConfigCommand implements SlashCommand {
    public static final String NAME = "config";
    public static final String ON_THIS_DAY = "onthisday";
    public static final String ON_THIS_DAY_OFF = "onthisday-off";
    public static final String SHOW = "show";
    public static final String CHANNEL = "channel";
    public static final String TIME = "time";
    public static final String TIMEZONE = "timezone";
    static final LocalTime DEFAULT_TIME = LocalTime.of(9, 0);
    static final ZoneId DEFAULT_ZONE = ZoneId.of("UTC");

    private static final CommandSpec SPEC = CommandSpec.withSubcommands(NAME, "This server's settings for the bot",
            Subcommand.of(ON_THIS_DAY, "Post what happened on this day in La La Land's history, every day",
                    OptionSpec.channel(CHANNEL, "Where to post (a text or announcement channel)").asRequired(),
                    OptionSpec.text(TIME, "Local time of day, 24-hour HH:MM (default 09:00)"),
                    OptionSpec.autocompleted(TIMEZONE, "Time zone such as Europe/Paris (default UTC)")),
            Subcommand.of(ON_THIS_DAY_OFF, "Stop the daily post"),
            Subcommand.of(SHOW, "Show this server's settings")).requiringManageServer();
    private static final HelpText HELP = new HelpText("/config onthisday",
            "For admins (Manage Server): a daily post of that, in a "
            + "channel at a local time: `/config onthisday channel:#general time:09:00 "
            + "timezone:Europe/Paris`. Also `/config onthisday-off` and `/config show`.");

    private final DailyPostStore store;
    private final ChannelAccess channelAccess;
    private final TimeZoneNames zones;
    private final Clock clock;

    public ConfigCommand(DailyPostStore store, ChannelAccess channelAccess, TimeZoneNames zones, Clock clock) {
        this.store = store;
        this.channelAccess = channelAccess;
        this.zones = zones;
        this.clock = clock;
    }

    @Override
    public HelpText help() {
        return HELP;
    }

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public Reply handle(CommandRequest request) {
        Invoker invoker = request.invoker();
        if (!invoker.inGuild()) {
            return Reply.privateText("`/config` changes a server's settings: use it in a server, not in direct messages.");
        }
        // Discord hides the command from members without Manage Server, but server admins can
        // override that per role or channel: check again.
        if (!invoker.canManageServer()) {
            return Reply.privateText("You need the **Manage Server** permission to change or see the bot's settings.");
        }
        String sub = request.subcommand() == null ? "" : request.subcommand();
        return switch (sub) {
            case ON_THIS_DAY -> turnOn(request, invoker.guildId());
            case ON_THIS_DAY_OFF -> turnOff(invoker.guildId());
            case SHOW -> show(invoker.guildId());
            default -> Reply.privateText("Use `/config onthisday`, `/config onthisday-off` or `/config show`.");
        };
    }

    @Override
    public List<Choice> autocomplete(AutocompleteRequest request) {
        return TIMEZONE.equals(request.option()) ? zones.suggest(request.typed()) : List.of();
    }

    private Reply turnOn(CommandRequest request, String guildId) {
        String channelId = request.text(CHANNEL)
                .orElseThrow(() -> new UserInputException("Pick the channel to post in with the `channel` option."));
        LocalTime time = request.text(TIME).map(PostTimeInput::parse).orElse(DEFAULT_TIME);
        ZoneId zone = request.text(TIMEZONE).map(zones::resolve).orElse(DEFAULT_ZONE);
        Optional<String> denied = channelAccess.whyCannotPost(guildId, channelId);
        if (denied.isPresent()) {
            return Reply.privateText("I can't use <#" + channelId + "> for the daily post: " + denied.get()
                    + "\nI need **View Channel**, **Send Messages** and **Embed Links** there. "
                    + "Fix that or pick another channel, then run `/config onthisday` again.");
        }
        Instant now = clock.instant();
        Occurrence first = DailyPostSchedule.firstAfter(now, time, zone);
        String note = "";
        if (store.dayHadItsPost(guildId, first.localDate(), zone)) {
            // Moving the time later, or the time zone back, on a day that already had its post
            // must not post again that day.
            first = DailyPostSchedule.after(first.localDate(), time, zone);
            note = "\nToday's post has already gone out, so the new settings start tomorrow.";
        }
        store.turnOn(guildId, channelId, time, zone, first, now);
        return Reply.privateText("Daily post: on\nEvery day at " + time + " (" + zone.getId() + ") in <#" + channelId
                + ">.\nFirst post: " + timestamp(first.instant()) + note);
    }

    private Reply turnOff(String guildId) {
        boolean wasOn = store.turnOff(guildId, clock.instant());
        return Reply.privateText(wasOn
                ? "Daily post: off\nTurn it back on any time with `/config onthisday`."
                : "Daily post: off (it already was). Turn it on with `/config onthisday`.");
    }

    private Reply show(String guildId) {
        Optional<DailyPostSettings> found = store.settings(guildId);
        if (found.isEmpty()) {
            return Reply.privateText("Daily post: off\nIt has never been set up here. Turn it on with `/config onthisday`.");
        }
        DailyPostSettings s = found.get();
        String where = "<#" + s.channelId() + "> at " + s.time() + " (" + s.zone().getId() + ")";
        if (s.on()) {
            return Reply.privateText("Daily post: on\nChannel: <#" + s.channelId() + ">\nTime: " + s.time() + " ("
                    + s.zone().getId() + ")\nNext post: " + timestamp(s.nextPost()));
        }
        return Reply.privateText(s.turnedOffBecause()
                .map(why -> "Daily post: off\nI turned it off myself. " + why
                        + "\nFix that, then turn it back on with `/config onthisday`.")
                .orElse("Daily post: off\nLast settings: " + where + ". Turn it back on with `/config onthisday`."));
    }

    /** Shown in each reader's own time zone by Discord: full date and time, then "in 3 hours". */
    static String timestamp(Instant instant) {
        long epoch = instant.getEpochSecond();
        return "<t:" + epoch + ":F> (<t:" + epoch + ":R>)";
    }
}

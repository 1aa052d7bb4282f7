package dev.lalaland.bot.onthisday;

import com.github.benmanes.caffeine.cache.Cache;
import dev.lalaland.bot.cache.Caches;
import dev.lalaland.bot.command.CommandRequest;
import dev.lalaland.bot.command.CommandSpec;
import dev.lalaland.bot.command.HelpText;
import dev.lalaland.bot.command.OptionSpec;
import dev.lalaland.bot.command.SlashCommand;
import dev.lalaland.bot.facts.Event;
import dev.lalaland.bot.render.Reply;
import java.time.Clock;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneOffset;
import java.util.List;

/** {@code /onthisday [date]}: what happened on a day of the year in the film's history. */
public final class OnThisDayCommand implements SlashCommand {
    public static final String NAME = "onthisday";
    public static final String DATE = "date";

    private static final CommandSpec SPEC = CommandSpec.of(NAME, "What happened on this day in La La Land's history",
            OptionSpec.text(DATE, "A day such as 12-09, December 9 or 9 Dec (default: today, UTC)"))
            .answeredOnEventThread(); // the calendar is in memory; replies are kept for the day

    private final EventCalendar calendar;
    private static final HelpText HELP = new HelpText("/onthisday [date]",
            "What happened on a day in the film's history: premieres, "
            + "releases, ceremonies, birthdays. `/onthisday date:Dec 9`; today (UTC) by default.");
    private final OnThisDayRenderer renderer;
    private final Clock clock;
    /** Today's replies, by day asked about; replaced when the date changes ("N years ago" does). */
    private volatile TodaysReplies kept = new TodaysReplies(LocalDate.MIN);

    private record TodaysReplies(LocalDate today, Cache<MonthDay, Reply> byDay) {
        TodaysReplies(LocalDate today) {
            this(today, Caches.ofFixedKeys()); // at most one per day of the year
        }
    }

    public OnThisDayCommand(EventCalendar calendar, OnThisDayRenderer renderer, Clock clock) {
        this.calendar = calendar;
        this.renderer = renderer;
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
        // UTC, not the server's zone: a command has no configured zone, and the contract says so.
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        MonthDay day = request.text(DATE).map(DateInput::parse).orElse(MonthDay.from(today));
        TodaysReplies replies = kept;
        if (!replies.today().equals(today)) {
            replies = new TodaysReplies(today);
            kept = replies;
        }
        return replies.byDay().get(day, d -> render(d, today));
    }

    private Reply render(MonthDay day, LocalDate today) {
        List<Event> events = calendar.eventsOn(day);
        if (!events.isEmpty()) {
            return renderer.events(day, events, today);
        }
        return renderer.quietDay(day, today, calendar.nextAnniversaryAfter(day), calendar.factFor(day));
    }
}

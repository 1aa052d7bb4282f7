package dev.lalaland.bot.onthisday;

import dev.lalaland.bot.command.CommandRequest;
import dev.lalaland.bot.command.CommandSpec;
import dev.lalaland.bot.command.OptionSpec;
import dev.lalaland.bot.command.SlashCommand;
import dev.lalaland.bot.facts.Event;
import dev.lalaland.bot.render.Reply;
import java.time.Clock;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** {@code /onthisday [date]}: what happened on a day of the year in the film's history. */
public final class OnThisDayCommand implements SlashCommand {
    public static final String NAME = "onthisday";
    public static final String DATE = "date";

    private static final CommandSpec SPEC = CommandSpec.of(NAME, "What happened on this day in La La Land's history",
            OptionSpec.text(DATE, "A day such as 12-09, December 9 or 9 Dec (default: today, UTC)"))
            .answeredFromMemory(); // the calendar is in memory; replies are kept for the day

    private final EventCalendar calendar;
    private final OnThisDayRenderer renderer;
    private final Clock clock;
    /** Today's replies, by day asked about; replaced when the date changes ("N years ago" does). */
    private volatile TodaysReplies kept = new TodaysReplies(LocalDate.MIN);

    private record TodaysReplies(LocalDate today, Map<MonthDay, Reply> byDay) {
        TodaysReplies(LocalDate today) {
            this(today, new ConcurrentHashMap<>());
        }
    }

    public OnThisDayCommand(EventCalendar calendar, OnThisDayRenderer renderer, Clock clock) {
        this.calendar = calendar;
        this.renderer = renderer;
        this.clock = clock;
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
        return replies.byDay().computeIfAbsent(day, d -> render(d, today));
    }

    private Reply render(MonthDay day, LocalDate today) {
        List<Event> events = calendar.eventsOn(day);
        if (!events.isEmpty()) {
            return renderer.events(day, events, today);
        }
        return renderer.quietDay(day, today, calendar.nextAnniversaryAfter(day), calendar.factFor(day));
    }
}

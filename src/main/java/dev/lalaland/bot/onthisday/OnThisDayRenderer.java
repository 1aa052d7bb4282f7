package dev.lalaland.bot.onthisday;

import dev.lalaland.bot.facts.Event;
import dev.lalaland.bot.facts.Fact;
import dev.lalaland.bot.onthisday.EventCalendar.Anniversary;
import dev.lalaland.bot.render.Budget;
import dev.lalaland.bot.render.DiscordLimits;
import dev.lalaland.bot.render.Embed;
import dev.lalaland.bot.render.Palette;
import dev.lalaland.bot.render.Reply;
import dev.lalaland.bot.render.Sources;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The "on this day" card, for {@code /onthisday} and the daily post alike. Sized so that any
 * day fits Discord's limits: at most {@link #MAX_EVENT_FIELDS} events get their own field, each
 * text is cut at {@link #MAX_EVENT_TEXT} characters, and sources are named by site, not URL.
 */
public final class OnThisDayRenderer {
    static final int MAX_EVENT_FIELDS = 10;
    static final int MAX_EVENT_TEXT = 300;
    private static final int MAX_NEXT_LINES = 5;
    private static final int MAX_FOOTER = 300;
    /** Anniversaries every this many years are round ones. */
    static final int ROUND_YEARS = 5;
    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    /**
     * The events of {@code day}, oldest first, with how long ago each was as seen from {@code today}.
     * When this year's {@code day} is a round anniversary (5, 10, 15 ... years) of one of the film's
     * milestones, the card is the special one: gold, with the anniversary in its title and first line.
     */
    public Reply events(MonthDay day, List<Event> events, LocalDate today) {
        List<Event> round = roundAnniversaries(day, events, today);
        Embed.Builder card = Embed.builder("On this day: " + display(day)).color(Palette.MIA_YELLOW);
        if (!round.isEmpty()) {
            LocalDate anniversary = EventCalendar.thisYears(day, today);
            List<String> lines = new ArrayList<>();
            String when = anniversary.equals(today) ? " today"
                    : (anniversary.isAfter(today) ? " on " : " was on ") + anniversary.format(LONG_DATE);
            for (Event e : round) {
                lines.add("**" + ordinal(e.yearsOn(anniversary)) + " anniversary" + when + "**: " + e.title() + " ("
                        + longDate(e.date()) + ").");
            }
            int years = round.get(0).yearsOn(anniversary);
            card = Embed.builder("On this day: " + display(day) + " · " + years + " years of La La Land")
                    .color(Palette.WIN_GOLD).description(String.join("\n", lines));
        }
        int shown = events.size() <= MAX_EVENT_FIELDS ? events.size() : MAX_EVENT_FIELDS - 1;
        for (Event e : events.subList(0, shown)) {
            String text = e.text() == null || e.text().isBlank() ? "" : "\n" + DiscordLimits.truncate(e.text().strip(), MAX_EVENT_TEXT);
            card.field(e.year() + " · " + yearsAgo(LocalDate.parse(e.date()), today), "**" + e.title() + "**" + text);
        }
        if (shown < events.size()) {
            List<String> rest = events.subList(shown, events.size()).stream().map(e -> e.year() + ": " + e.title()).toList();
            card.field("And " + rest.size() + " more",
                    Budget.join(rest, "\n", DiscordLimits.FIELD_VALUE, n -> "…and " + n + " more"));
        }
        card.footer(sourcesLine(events.stream().flatMap(e -> e.sources().stream()).toList()));
        return DiscordLimits.clamp(Reply.embed(card.build()));
    }

    /**
     * A day with no events: says so, points to the next anniversary (with a countdown when
     * {@code day} is today) and offers a fact instead.
     */
    public Reply quietDay(MonthDay day, LocalDate today, Optional<Anniversary> next, Optional<Fact> fact) {
        Embed.Builder card = Embed.builder("On this day: " + display(day)).color(Palette.NIGHT_BLUE)
                .description("Nothing in the film's history happened on " + display(day) + ", as far as we know.");
        List<String> sources = new ArrayList<>();
        next.ifPresent(a -> {
            String when = MonthDay.from(today).equals(day)
                    ? " (" + inDays(EventCalendar.daysUntil(today, a.day())) + ")" : "";
            List<String> lines = new ArrayList<>();
            for (Event e : a.events().subList(0, Math.min(MAX_NEXT_LINES, a.events().size()))) {
                lines.add("**" + e.year() + "**: " + e.title());
            }
            if (a.events().size() > MAX_NEXT_LINES) {
                lines.add("…and " + (a.events().size() - MAX_NEXT_LINES) + " more");
            }
            card.field("Next anniversary: " + display(a.day()) + when,
                    DiscordLimits.truncate(String.join("\n", lines), DiscordLimits.FIELD_VALUE));
        });
        fact.ifPresent(f -> {
            card.field("Fact of the day", DiscordLimits.truncate(f.text(), DiscordLimits.FIELD_VALUE));
            sources.addAll(f.sources());
        });
        card.footer(sourcesLine(sources));
        return DiscordLimits.clamp(Reply.embed(card.build()));
    }

    /**
     * How long ago an event was, in whole years as of {@code today}: "9 years ago", "1 year ago",
     * "this year", "last year" (less than a year but in the previous calendar year), and
     * "today". A date after today (an announced release, a data mistake) reads "still to come".
     */
    static String yearsAgo(LocalDate event, LocalDate today) {
        if (event.isAfter(today)) {
            return "still to come";
        }
        if (event.equals(today)) {
            return "today";
        }
        long years = ChronoUnit.YEARS.between(event, today);
        if (years == 0) {
            return event.getYear() == today.getYear() ? "this year" : "last year";
        }
        return years == 1 ? "1 year ago" : years + " years ago";
    }

    /**
     * The film's milestones on {@code day} whose anniversary this year ({@code day} in the year of
     * {@code today}) is a round one: 5, 10, 15 ... years.
     */
    static List<Event> roundAnniversaries(MonthDay day, List<Event> events, LocalDate today) {
        LocalDate anniversary = EventCalendar.thisYears(day, today);
        if (anniversary == null) {
            return List.of();
        }
        return events.stream().filter(Event::milestone)
                .filter(e -> e.yearsOn(anniversary) > 0 && e.yearsOn(anniversary) % ROUND_YEARS == 0).toList();
    }

    /** "5th", "10th", "15th": every multiple of five ends in "th". */
    static String ordinal(int years) {
        return years + "th";
    }

    private static String longDate(String isoDate) {
        return LocalDate.parse(isoDate).format(LONG_DATE);
    }

    static String display(MonthDay day) {
        return day.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + day.getDayOfMonth();
    }

    private static String inDays(long days) {
        return days == 0 ? "today" : days == 1 ? "tomorrow" : "in " + days + " days";
    }

    /** "Sources: a.com, b.org" (sites, not URLs: the full list is in data/), or null for no footer. */
    private static String sourcesLine(List<String> sources) {
        return sources.isEmpty() ? null : DiscordLimits.truncate("Sources: " + Sources.names(sources), MAX_FOOTER);
    }
}

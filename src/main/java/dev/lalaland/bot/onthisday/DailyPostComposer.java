package dev.lalaland.bot.onthisday;

import dev.lalaland.bot.facts.Event;
import dev.lalaland.bot.facts.Fact;
import dev.lalaland.bot.facts.FactStore;
import dev.lalaland.bot.render.Reply;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Optional;

/**
 * What a server's daily post says on a local date: that month-day's anniversaries (the same card
 * as {@code /onthisday}), or on a quiet day the next anniversary and the server's next fact in
 * its rotation. A retry of the same post shows the fact it picked the first time.
 */
public final class DailyPostComposer {
    private final EventCalendar calendar;
    private final FactStore facts;
    private final FactRotation rotation;
    private final OnThisDayRenderer renderer;

    public DailyPostComposer(EventCalendar calendar, FactStore facts, FactRotation rotation, OnThisDayRenderer renderer) {
        this.calendar = calendar;
        this.facts = facts;
        this.rotation = rotation;
        this.renderer = renderer;
    }

    /** The post, and the id of the fact it shows (null if it shows anniversaries). */
    public record Composed(Reply reply, String factId) {
    }

    /**
     * @param chosenFactId the fact an earlier attempt of this post picked, or null
     */
    public Composed compose(String guildId, LocalDate localDate, String chosenFactId) {
        MonthDay day = MonthDay.from(localDate);
        List<Event> events = calendar.eventsOn(day);
        if (!events.isEmpty()) {
            return new Composed(renderer.events(day, events, localDate), null);
        }
        // The remembered fact may have left the data files since: then pick a new one.
        Optional<Fact> fact = Optional.ofNullable(chosenFactId).flatMap(facts::fact)
                .or(() -> rotation.next(guildId, localDate, facts.facts()));
        Reply reply = renderer.quietDay(day, localDate, calendar.nextAnniversaryAfter(day), fact);
        return new Composed(reply, fact.map(Fact::id).orElse(null));
    }
}

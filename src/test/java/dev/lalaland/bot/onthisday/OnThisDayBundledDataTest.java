package dev.lalaland.bot.onthisday;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lalaland.bot.Requests;
import dev.lalaland.bot.TestBot;
import dev.lalaland.bot.facts.Event;
import dev.lalaland.bot.render.DiscordLimits;
import dev.lalaland.bot.render.Reply;
import dev.lalaland.bot.testing.ManualClock;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /onthisday and the daily post over the real data files, as wired in Features. */
class OnThisDayBundledDataTest {
    @TempDir
    Path dir;

    @Test
    void everyDayOfTheYearFitsDiscordsLimitsInTheCommandAndTheDailyPost() {
        ManualClock clock = ManualClock.at("2026-06-01T12:00:00Z");
        try (TestBot bot = new TestBot(dir, clock)) {
            var command = bot.registry.command("onthisday").orElseThrow();
            EventCalendar calendar = new EventCalendar(bot.facts);
            DailyPostComposer composer = new DailyPostComposer(calendar, bot.facts, new FactRotation(bot.database),
                    new OnThisDayRenderer());
            for (LocalDate d = LocalDate.parse("2028-01-01"); d.getYear() == 2028; d = d.plusDays(1)) {
                Reply asked = command.handle(Requests.command("onthisday", Map.of("date", d.toString())));
                assertThat(DiscordLimits.violations(asked)).as("/onthisday " + d).isEmpty();
                Reply posted = composer.compose("g1", d, null).reply();
                assertThat(DiscordLimits.violations(posted)).as("daily post " + d).isEmpty();
            }
        }
    }

    @Test
    void theCalendarCoversAtLeastSixtyDaysAndEveryEventNamesASource() {
        try (TestBot bot = new TestBot(dir, ManualClock.at("2026-06-01T12:00:00Z"))) {
            Set<MonthDay> days = bot.facts.allEvents().stream().map(e -> MonthDay.parse("--" + e.monthDay()))
                    .collect(Collectors.toSet());
            assertThat(days).hasSizeGreaterThanOrEqualTo(60);
            assertThat(bot.facts.allEvents()).allSatisfy((Event e) -> assertThat(e.sources()).isNotEmpty());
        }
    }
}

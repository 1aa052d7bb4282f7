package dev.lalaland.bot.onthisday;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lalaland.bot.command.CommandRequest;
import dev.lalaland.bot.command.Invoker;
import dev.lalaland.bot.command.UserInputException;
import dev.lalaland.bot.db.Database;
import dev.lalaland.bot.facts.Event;
import dev.lalaland.bot.facts.FactStore;
import dev.lalaland.bot.render.DiscordLimits;
import dev.lalaland.bot.render.Embed;
import dev.lalaland.bot.render.Palette;
import dev.lalaland.bot.render.PlainText;
import dev.lalaland.bot.render.Reply;
import dev.lalaland.bot.testing.ManualClock;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnThisDayCommandTest {
    private static final Invoker ALICE = new Invoker("u1", "alice", "g1", "c1", false);

    @TempDir
    Path dir;
    private Database database;
    private EventCalendar calendar;
    private final ManualClock clock = ManualClock.at("2026-12-09T10:00:00Z");
    private OnThisDayCommand command;

    @BeforeEach
    void open() {
        database = TestFacts.open(dir);
        calendar = new EventCalendar(new FactStore(database));
        command = new OnThisDayCommand(calendar, new OnThisDayRenderer(), clock);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private Reply run(String date) {
        Map<String, String> options = date == null ? Map.of() : Map.of(OnThisDayCommand.DATE, date);
        return command.handle(new CommandRequest("onthisday", null, options, ALICE, clock.instant()));
    }

    private static Embed card(Reply reply) {
        assertThat(DiscordLimits.violations(reply)).isEmpty();
        assertThat(reply.ephemeral()).isFalse();
        return reply.embeds().get(0);
    }

    @Test
    void aKeptReplyFollowsTheDateChange() {
        assertThat(card(run("12-09")).fields()).extracting(Embed.Field::name).startsWith("2016 · 10 years ago");
        assertThat(run("December 9")).as("the same day asked again, another way").isSameAs(run("12-09"));

        clock.set("2027-12-09T10:00:00Z");
        assertThat(card(run("12-09")).fields()).extracting(Embed.Field::name).startsWith("2016 · 11 years ago");
    }

    @Test
    void theTenthAnniversaryOfTheUsReleaseIsMarkedAsASpecialCard() {
        Embed card = card(run(null));   // 9 December 2026
        assertThat(card.title()).isEqualTo("On this day: December 9 · 10 years of La La Land");
        assertThat(card.color()).isEqualTo(Palette.WIN_GOLD);
        assertThat(card.description()).startsWith("**10th anniversary today**: "
                + "Limited release in the United States (9 December 2016)");
        // The 2019 event on the same day is no milestone, and is 7 years old: listed, not celebrated.
        assertThat(card.description()).doesNotContain("A later event");

        clock.set("2027-12-09T10:00:00Z");
        assertThat(card(run(null)).title()).as("11 years is no round anniversary").isEqualTo("On this day: December 9");
        clock.set("2031-12-09T10:00:00Z");
        assertThat(card(run("12-09")).title()).isEqualTo("On this day: December 9 · 15 years of La La Land");
        // Venice premiere (2016-08-31) asked about in a year it turns 10, before the day.
        clock.set("2026-03-01T10:00:00Z");
        assertThat(card(run("31 Aug")).description())
                .isEqualTo("**10th anniversary on 31 August 2026**: Premiere at the Venice Film Festival (31 August 2016).");
    }

    @Test
    void todaysEventsInYearOrderWithHowLongAgo() {
        Embed card = card(run(null));
        assertThat(card.title()).startsWith("On this day: December 9");
        assertThat(card.fields()).extracting(Embed.Field::name).containsExactly("2016 · 10 years ago", "2019 · 7 years ago");
        assertThat(card.fields().get(0).value()).contains("Limited release in the United States");
        assertThat(card.footer()).startsWith("Sources: ").contains("example.org");
    }

    @Test
    void anotherDayCountsFullYearsUpToToday() {
        Embed card = card(run("Nov 6"));
        assertThat(card.title()).isEqualTo("On this day: November 6");
        // 1988-11-06 to 2026-12-09
        assertThat(card.fields()).extracting(Embed.Field::name).containsExactly("1988 · 38 years ago");
        Embed later = card(run("12-25"));
        // 2016-12-25 to 2026-12-09: not quite ten years yet
        assertThat(later.fields()).extracting(Embed.Field::name).containsExactly("2016 · 9 years ago");
    }

    @Test
    void aQuietDayPointsToTheNextAnniversaryAndGivesAFact() {
        Embed card = card(run("March 1"));
        assertThat(card.description()).contains("Nothing").contains("March 1");
        assertThat(card.fields()).extracting(Embed.Field::name)
                .containsExactly("Next anniversary: August 31", "Fact of the day");
        assertThat(card.fields().get(0).value()).contains("2016").contains("Venice");
        assertThat(TestFacts.FACTS).anySatisfy(f -> assertThat(card.fields().get(1).value()).isEqualTo(f.text()));
    }

    @Test
    void theNextAnniversaryWrapsIntoNextYearWithACountdownWhenTheDayIsToday() {
        clock.set("2026-12-26T12:00:00Z");
        Embed card = card(run(null));
        assertThat(card.fields().get(0).name()).isEqualTo("Next anniversary: January 8 (in 13 days)");
    }

    @Test
    void todayIsTheUtcDate() {
        // Already December 9 in Paris, still December 8 in UTC: the contract says UTC.
        clock.set("2026-12-08T23:30:00Z");
        assertThat(card(run(null)).title()).isEqualTo("On this day: December 8");
    }

    @Test
    void aBadDateSaysWhatIsAccepted() {
        assertThatThrownBy(() -> run("13-45")).isInstanceOf(UserInputException.class).hasMessageContaining("MM-DD");
        assertThatThrownBy(() -> run("x".repeat(5000))).isInstanceOf(UserInputException.class);
    }

    @Test
    void everyDayOfTheYearFitsDiscordsLimitsAndPrintsInTheConsole() {
        for (LocalDate d = LocalDate.parse("2024-01-01"); d.getYear() == 2024; d = d.plusDays(1)) {
            Reply reply = run(d.toString());
            assertThat(DiscordLimits.violations(reply)).as(d.toString()).isEmpty();
            assertThat(PlainText.render(reply)).startsWith("On this day: ");
        }
    }

    @Test
    void aCrowdedDayOfLongEventsIsCutToFit() {
        List<Event> crowded = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            crowded.add(new Event("e" + i, (1980 + i) + "-05-05", "T".repeat(250), "x".repeat(1000), "other",
                    List.of("https://site" + i + ".example/" + "p".repeat(200))));
        }
        Reply reply = new OnThisDayRenderer().events(MonthDay.of(5, 5), crowded, LocalDate.parse("2026-05-05"));
        assertThat(DiscordLimits.violations(reply)).isEmpty();
        Embed card = reply.embeds().get(0);
        assertThat(card.fields()).hasSizeLessThanOrEqualTo(OnThisDayRenderer.MAX_EVENT_FIELDS);
        assertThat(card.fields().get(0).name()).isEqualTo("1980 · 46 years ago");
    }

    @Test
    void howLongAgoReadsNaturally() {
        assertThat(OnThisDayRenderer.yearsAgo(LocalDate.parse("2016-12-09"), LocalDate.parse("2026-12-09"))).isEqualTo("10 years ago");
        assertThat(OnThisDayRenderer.yearsAgo(LocalDate.parse("2016-12-09"), LocalDate.parse("2026-12-08"))).isEqualTo("9 years ago");
        assertThat(OnThisDayRenderer.yearsAgo(LocalDate.parse("2025-12-09"), LocalDate.parse("2026-12-09"))).isEqualTo("1 year ago");
        assertThat(OnThisDayRenderer.yearsAgo(LocalDate.parse("2025-12-10"), LocalDate.parse("2026-12-09"))).isEqualTo("last year");
        assertThat(OnThisDayRenderer.yearsAgo(LocalDate.parse("2026-03-01"), LocalDate.parse("2026-12-09"))).isEqualTo("this year");
        assertThat(OnThisDayRenderer.yearsAgo(LocalDate.parse("2026-12-09"), LocalDate.parse("2026-12-09"))).isEqualTo("today");
        assertThat(OnThisDayRenderer.yearsAgo(LocalDate.parse("2027-01-01"), LocalDate.parse("2026-12-09"))).isEqualTo("still to come");
        assertThat(OnThisDayRenderer.yearsAgo(LocalDate.parse("2016-02-29"), LocalDate.parse("2017-03-01"))).isEqualTo("1 year ago");
    }

    @Test
    void theLeapDayHasAPageAndCountsDownToTheNextLeapYear() {
        clock.set("2027-03-01T00:00:00Z");
        assertThat(card(run("Feb 29")).title()).isEqualTo("On this day: February 29");
        assertThat(EventCalendar.daysUntil(LocalDate.parse("2027-03-01"), MonthDay.of(2, 29))).isEqualTo(365);
    }
}

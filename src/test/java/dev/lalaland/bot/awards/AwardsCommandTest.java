package dev.lalaland.bot.awards;

import static dev.lalaland.bot.Requests.command;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lalaland.bot.TestBot;
import dev.lalaland.bot.command.UserInputException;
import dev.lalaland.bot.facts.AwardGroup;
import dev.lalaland.bot.render.DiscordLimits;
import dev.lalaland.bot.render.Embed;
import dev.lalaland.bot.render.PlainText;
import dev.lalaland.bot.render.Reply;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AwardsCommandTest {
    @TempDir
    static Path dir;
    static TestBot bot;
    static AwardsCommand awards;

    @BeforeAll
    static void start() {
        bot = new TestBot(dir, Clock.systemUTC());
        awards = new AwardsCommand(bot.facts);
    }

    @AfterAll
    static void stop() {
        bot.close();
    }

    @Test
    void theOverviewGivesEachBodyItsScoreTheRecordAndTheEnvelope() {
        String text = PlainText.render(awards.handle(command("awards", Map.of())));
        assertThat(text).contains("89th Academy Awards · 26 February 2017 — 6 of 14 won",
                "74th Golden Globe Awards · 8 January 2017 — won all 7",
                "70th British Academy Film Awards · 12 February 2017 — 5 of 11 won", "28th Producers Guild of America Awards · 28 January 2017 — won",
                "tied the record at the time", "Moonlight");
        assertThat(text).doesNotContainIgnoringCase("holds the record");
    }

    @Test
    void oscarsCategoryByCategory() {
        Embed oscars = awards.handle(command("awards", Map.of("ceremony", "oscars"))).embeds().get(0);
        assertThat(oscars.fields()).hasSize(14 + 1);
        assertThat(oscars.fields()).filteredOn(f -> f.name().startsWith("🏆")).hasSize(6);
        String text = PlainText.render(Reply.embed(oscars));
        assertThat(text).contains("Best Picture:\n  Fred Berger, Jordan Horowitz and Marc Platt",
                "duplicate Best Actress envelope", "🏆 Best Director:\n  Damien Chazelle");
    }

    @Test
    void resultFiltersWinsAndLosses() {
        Embed won = awards.handle(command("awards", Map.of("ceremony", "oscars", "result", "won"))).embeds().get(0);
        assertThat(won.fields()).hasSize(6 + 1).allMatch(f -> f.name().startsWith("🏆") || f.name().equals("Sources"));
        Embed lost = awards.handle(command("awards", Map.of("ceremony", "oscars", "result", "lost"))).embeds().get(0);
        assertThat(lost.fields()).hasSize(8 + 1);
        Reply globesLost = awards.handle(command("awards", Map.of("ceremony", "golden-globes", "result", "lost")));
        assertThat(globesLost.content()).contains("won every one");
    }

    @Test
    void badChoicesAreRefusedWithTheAcceptedValues() {
        assertThatThrownBy(() -> awards.handle(command("awards", Map.of("ceremony", "emmys"))))
                .isInstanceOf(UserInputException.class).hasMessageContaining("oscars, golden-globes");
        assertThatThrownBy(() -> awards.handle(command("awards", Map.of("result", "maybe"))))
                .isInstanceOf(UserInputException.class).hasMessageContaining("won, lost, all");
    }

    @Test
    void everyCeremonyAndFilterFitsDiscordsLimits() {
        for (String result : AwardsCommand.RESULTS) {
            assertThat(DiscordLimits.violations(awards.handle(command("awards", Map.of("result", result))))).isEmpty();
            for (String group : AwardGroup.ids()) {
                Reply reply = awards.handle(command("awards", Map.of("ceremony", group, "result", result)));
                assertThat(DiscordLimits.violations(reply)).as(group + " " + result).isEmpty();
            }
        }
    }
}

package dev.lalaland.bot.cast;

import static dev.lalaland.bot.Requests.command;
import static dev.lalaland.bot.Requests.typing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lalaland.bot.TestBot;
import dev.lalaland.bot.command.UserInputException;
import dev.lalaland.bot.facts.Person;
import dev.lalaland.bot.render.Choice;
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

class CastCommandTest {
    @TempDir
    static Path dir;
    static TestBot bot;
    static CastCommand cast;

    @BeforeAll
    static void start() {
        bot = new TestBot(dir, Clock.systemUTC());
        cast = new CastCommand(bot.facts);
    }

    @AfterAll
    static void stop() {
        bot.close();
    }

    @Test
    void withoutANameListsTheCastInBillingOrder() {
        String text = cast.handle(command("cast", Map.of())).embeds().get(0).description();
        assertThat(text.lines()).hasSize(bot.facts.people("cast").size());
        assertThat(text.lines().findFirst().orElseThrow()).contains("**Ryan Gosling** as Sebastian \"Seb\" Wilder");
        assertThat(text).contains("**Emma Stone** as Mia Dolan");
    }

    @Test
    void findsPeopleByActorCharacterOrCrewName() {
        assertThat(cardTitle("Sebastian")).isEqualTo("Ryan Gosling");
        assertThat(cardTitle("Keith")).isEqualTo("John Legend");
        assertThat(cardTitle("Hurwitz")).isEqualTo("Justin Hurwitz");
        assertThat(cardTitle("emma stone")).isEqualTo("Emma Stone");
        assertThat(cardTitle("Mia")).isEqualTo("Emma Stone");
    }

    @Test
    void aCardShowsRoleBirthAwardsAndSources() {
        Embed card = cast.handle(command("cast", Map.of("name", "Emma Stone"))).embeds().get(0);
        String text = PlainText.render(Reply.embed(card));
        assertThat(text).contains("as Mia Dolan", "Born: 6 November 1988, Scottsdale", "Best Actress, 89th Academy Awards: 🏆 Won",
                "Sources: ");
    }

    /** Nominated twice in one category for two songs: the composer's card says which song each line is for. */
    @Test
    void aSongwritersCardNamesTheSongOfEachNominationAndTheirTracks() {
        String text = PlainText.render(cast.handle(command("cast", Map.of("name", "Justin Hurwitz"))));
        assertThat(text).contains(
                "Best Original Song (\"City of Stars\"), 89th Academy Awards: 🏆 Won",
                "Best Original Song (\"Audition (The Fools Who Dream)\"), 89th Academy Awards: Nominated; won by",
                "Best Original Score, 89th Academy Awards: 🏆 Won",
                "On the soundtrack:\n  3. Mia & Sebastian's Theme")
                .doesNotContain("Sings");
    }

    @Test
    void unknownOrAmbiguousNamesSuggestCloseMatches() {
        assertThatThrownBy(() -> cast.handle(command("cast", Map.of("name", "Justin"))))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("Justin Hurwitz").hasMessageContaining("Justin Paul");
        assertThatThrownBy(() -> cast.handle(command("cast", Map.of("name", "Keanu Reeves"))))
                .isInstanceOf(UserInputException.class).hasMessageContaining("I don't know anyone called");
        assertThatThrownBy(() -> cast.handle(command("cast", Map.of("name", "x".repeat(5000)))))
                .isInstanceOf(UserInputException.class).hasMessageContaining("too long");
    }

    @Test
    void anUnknownNameIsShownBackAsTypedWithItsMarkdownAndMentionsInert() {
        assertThatThrownBy(() -> cast.handle(command("cast", Map.of("name", "**Keanu** @everyone"))))
                .hasMessageStartingWith("I don't know anyone called `**Keanu** @everyone` in La La Land.");
        assertThatThrownBy(() -> cast.handle(command("cast", Map.of("name", "🎹🎬"))))
                .as("no letters to match: unknown, not ambiguous")
                .hasMessageStartingWith("I don't know anyone called `🎹🎬`");
    }

    @Test
    void autocompleteIsForgivingAndWithinLimits() {
        assertThat(cast.autocomplete(typing("cast", "name", "Seb"))).extracting(Choice::value).contains("Ryan Gosling");
        assertThat(cast.autocomplete(typing("cast", "name", "hurw"))).extracting(Choice::value)
                .containsExactly("Justin Hurwitz");
        var all = cast.autocomplete(typing("cast", "name", ""));
        assertThat(all).hasSize(25);
        assertThat(DiscordLimits.violations(all)).isEmpty();
    }

    @Test
    void everyPersonsCardFitsDiscordsLimits() {
        assertThat(DiscordLimits.violations(cast.handle(command("cast", Map.of())))).isEmpty();
        for (Person p : bot.facts.people()) {
            Reply reply = cast.handle(command("cast", Map.of("name", p.name())));
            assertThat(reply.embeds().get(0).title()).isEqualTo(p.name());
            assertThat(DiscordLimits.violations(reply)).as(p.name()).isEmpty();
        }
    }

    private static String cardTitle(String name) {
        return cast.handle(command("cast", Map.of("name", name))).embeds().get(0).title();
    }
}

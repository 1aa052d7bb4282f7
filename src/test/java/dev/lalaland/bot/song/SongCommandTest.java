package dev.lalaland.bot.song;

import static dev.lalaland.bot.Requests.command;
import static dev.lalaland.bot.Requests.typing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lalaland.bot.TestBot;
import dev.lalaland.bot.command.UserInputException;
import dev.lalaland.bot.facts.Song;
import dev.lalaland.bot.render.Choice;
import dev.lalaland.bot.render.DiscordLimits;
import dev.lalaland.bot.render.PlainText;
import dev.lalaland.bot.render.Reply;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SongCommandTest {
    @TempDir
    static Path dir;
    static TestBot bot;
    static SongCommand songs;

    @BeforeAll
    static void start() {
        bot = new TestBot(dir, Clock.systemUTC());
        songs = new SongCommand(bot.facts);
    }

    @AfterAll
    static void stop() {
        bot.close();
    }

    @Test
    void withoutATitleListsEveryTrackInOrder() {
        String list = songs.handle(command("song", Map.of())).embeds().get(0).description();
        assertThat(list.lines()).hasSize(15);
        assertThat(list.lines().findFirst().orElseThrow()).contains("**Another Day of Sun**");
        assertThat(list.lines().toList().get(11)).contains("12", "**Audition (The Fools Who Dream)** — Emma Stone");
    }

    @Test
    void partOfATitleFindsTheSong() {
        assertThat(title("fools")).isEqualTo("Audition (The Fools Who Dream)");
        assertThat(title("a lovely night")).isEqualTo("A Lovely Night");
        assertThat(title("city-of-stars-duet")).isEqualTo("City of Stars");
    }

    @Test
    void aCardNamesWritersSceneAwardsAndSources() {
        String text = PlainText.render(songs.handle(command("song", Map.of("title", "city-of-stars"))));
        assertThat(text).contains("Performed by: Ryan Gosling", "Music: Justin Hurwitz", "Lyrics: Benj Pasek & Justin Paul",
                "Best Original Song, 89th Academy Awards: 🏆 Won", "Sources: ");
    }

    /** The option's own example: two tracks share the title, so the first is shown and points to the other. */
    @Test
    void aTitleTwoTracksShareShowsTheFirstAndNamesTheOther() {
        Reply first = songs.handle(command("song", Map.of("title", "City of Stars")));
        assertThat(first.embeds().get(0).description()).startsWith("Track 6 ");
        assertThat(PlainText.render(first)).contains("Same title: Track 9, Ryan Gosling & Emma Stone: /song title:city of stars duet");

        Reply duet = songs.handle(command("song", Map.of("title", "city of stars duet")));
        assertThat(duet.embeds().get(0).description()).startsWith("Track 9 ");
        assertThat(PlainText.render(duet)).contains("Same title: Track 6, Ryan Gosling: /song title:city of stars\nSources");

        assertThat(PlainText.render(songs.handle(command("song", Map.of("title", "fools"))))).doesNotContain("Same title");
    }

    @Test
    void unknownTitlesSaySoAndSuggest() {
        assertThatThrownBy(() -> songs.handle(command("song", Map.of("title", "Cty of Stars"))))
                .isInstanceOf(UserInputException.class).hasMessageContaining("City of Stars");
        assertThatThrownBy(() -> songs.handle(command("song", Map.of("title", "Bohemian Rhapsody"))))
                .isInstanceOf(UserInputException.class).hasMessageContaining("/song");
    }

    @Test
    void autocompleteFindsWordsInsideTitles() {
        var choices = songs.autocomplete(typing("song", "title", "fools"));
        assertThat(choices).extracting(Choice::value).containsExactly("audition");
        assertThat(songs.autocomplete(typing("song", "title", "city"))).hasSize(3);
        assertThat(DiscordLimits.violations(songs.autocomplete(typing("song", "title", "")))).isEmpty();
    }

    @Test
    void everyCardFitsDiscordsLimits() {
        assertThat(DiscordLimits.violations(songs.handle(command("song", Map.of())))).isEmpty();
        for (Song s : bot.facts.songs()) {
            Reply reply = songs.handle(command("song", Map.of("title", s.id())));
            assertThat(DiscordLimits.violations(reply)).as(s.title()).isEmpty();
        }
    }

    private static String title(String typed) {
        return songs.handle(command("song", Map.of("title", typed))).embeds().get(0).title();
    }
}

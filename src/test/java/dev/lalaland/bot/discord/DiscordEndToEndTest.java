package dev.lalaland.bot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lalaland.bot.testing.FakeDiscord;
import dev.lalaland.bot.testing.FakeGuild;
import dev.lalaland.bot.testing.InteractionCallback;
import dev.lalaland.bot.testing.RunningBot;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real bot, through a real JDA client, against the fake Discord on loopback. */
class DiscordEndToEndTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String ALICE = FakeGuild.BOB_USER_ID;
    private static final String GENERAL = FakeGuild.GENERAL_CHANNEL_ID;

    @TempDir
    static Path dir;
    static FakeDiscord discord;
    static RunningBot bot;

    @BeforeAll
    static void start() throws Exception {
        discord = FakeDiscord.start();
        bot = RunningBot.start(discord, dir);
    }

    @AfterAll
    static void stop() {
        bot.close();
        discord.close();
    }

    @Test
    void registersEveryCommandGloballyWithTheContractsOptionNames() {
        discord.awaitRequest("PUT", "/applications/.*/commands", WAIT);
        assertThat(discord.registeredGlobalCommands()).extracting(c -> c.get("name").asText())
                .contains("cast", "song", "awards", "help");
        JsonNode awards = discord.registeredCommand("awards").orElseThrow();
        assertThat(names(awards.get("options"))).containsExactly("ceremony", "result");
        assertThat(discord.tokenSeen(RunningBot.TOKEN)).isTrue();
    }

    @Test
    void castAnswersWithACardAndNoMentions() {
        InteractionCallback reply = discord.slash(ALICE, GENERAL, "cast", Map.of("name", "Emma Stone"))
                .awaitResponse(WAIT);
        assertThat(reply.type()).isEqualTo(InteractionCallback.REPLY);
        assertThat(reply.ephemeral()).isFalse();
        assertThat(reply.data().at("/embeds/0/title").asText()).isEqualTo("Emma Stone");
        assertThat(reply.data().at("/allowed_mentions/parse")).isEmpty();
    }

    @Test
    void unknownNamesGetAPrivateAnswer() {
        InteractionCallback reply = discord.slash(ALICE, GENERAL, "cast", Map.of("name", "@everyone"))
                .awaitResponse(WAIT);
        assertThat(reply.ephemeral()).isTrue();
        assertThat(reply.content()).contains("I don't know anyone called");
    }

    @Test
    void autocompleteSuggestsWhileTyping() {
        InteractionCallback choices = discord.autocomplete(ALICE, GENERAL, "cast", null, "name", "Seb")
                .awaitResponse(WAIT);
        assertThat(choices.type()).isEqualTo(InteractionCallback.AUTOCOMPLETE_RESULT);
        assertThat(choices.choices()).extracting(c -> c.get("value").asText()).contains("Ryan Gosling");
        InteractionCallback songs = discord.autocomplete(ALICE, GENERAL, "song", null, "title", "fools")
                .awaitResponse(WAIT);
        assertThat(songs.choices()).extracting(c -> c.get("value").asText()).containsExactly("audition");
    }

    @Test
    void songAwardsAndHelpAnswer() {
        assertThat(discord.slash(ALICE, GENERAL, "song", Map.of("title", "audition")).awaitResponse(WAIT)
                .data().at("/embeds/0/title").asText()).isEqualTo("Audition (The Fools Who Dream)");
        InteractionCallback oscars = discord.slash(ALICE, GENERAL, "awards",
                Map.of("ceremony", "oscars", "result", "won")).awaitResponse(WAIT);
        assertThat(oscars.data().at("/embeds/0/fields")).hasSize(7);
        InteractionCallback help = discord.slash(ALICE, GENERAL, "help").awaitResponse(WAIT);
        assertThat(help.ephemeral()).isTrue();
        assertThat(help.data().at("/embeds/0/title").asText()).contains("La La Land");
    }

    @Test
    void everyInteractionIsAnsweredWithinDiscordsThreeSeconds() {
        List<InteractionCallback> replies = List.of(
                discord.slash(ALICE, GENERAL, "cast").awaitResponse(WAIT),
                discord.slash(ALICE, GENERAL, "song").awaitResponse(WAIT),
                discord.slash(ALICE, GENERAL, "awards").awaitResponse(WAIT));
        assertThat(replies).allMatch(InteractionCallback::accepted)
                .allMatch(r -> r.latency().compareTo(Duration.ofSeconds(3)) < 0);
    }

    private static List<String> names(JsonNode options) {
        return StreamSupport.stream(options.spliterator(), false).map(o -> o.get("name").asText()).toList();
    }
}

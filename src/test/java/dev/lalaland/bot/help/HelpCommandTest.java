package dev.lalaland.bot.help;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lalaland.bot.Requests;
import dev.lalaland.bot.TestBot;
import dev.lalaland.bot.command.SlashCommand;
import dev.lalaland.bot.render.Embed;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HelpCommandTest {
    @TempDir
    Path dir;

    @Test
    void theCardListsEveryOtherCommandsOwnHelpInOrder() {
        try (TestBot bot = new TestBot(dir, Clock.systemUTC())) {
            List<SlashCommand> others = bot.registry.commands().stream()
                    .filter(c -> !c.spec().name().equals("help")).toList();
            Embed card = bot.registry.command("help").orElseThrow()
                    .handle(Requests.command("help", Map.of())).embeds().get(0);

            assertThat(others).isNotEmpty();
            assertThat(card.fields()).extracting(Embed.Field::name)
                    .startsWith(others.stream().map(c -> c.help().usage()).toArray(String[]::new));
            others.forEach(c -> assertThat(c.help().text()).as(c.spec().name()).isNotBlank()
                    .contains("`/" + c.spec().name()));
        }
    }
}

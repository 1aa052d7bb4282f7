package dev.lalaland.bot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lalaland.bot.TestBot;
import dev.lalaland.bot.command.SlashCommand;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every command the bot registers must be accepted by Discord: names, lengths and counts. */
class CommandDefinitionsTest {
    private static final Pattern NAME = Pattern.compile("^[-_\\p{Ll}\\p{N}]{1,32}$");

    @TempDir
    Path dir;

    @Test
    void everyRegisteredCommandIsWithinDiscordsLimits() {
        try (TestBot bot = new TestBot(dir, Clock.systemUTC())) {
            var specs = bot.registry.commands().stream().map(SlashCommand::spec).toList();
            List<String> problems = new ArrayList<>();
            assertThat(specs.size()).isLessThanOrEqualTo(100);
            for (var data : CommandDefinitions.of(specs)) {
                check(data.toData(), "/", problems);
            }
            assertThat(problems).isEmpty();
        }
    }

    @Test
    void contractNamesAreRegistered() {
        try (TestBot bot = new TestBot(dir, Clock.systemUTC())) {
            var names = bot.registry.commands().stream().map(c -> c.spec().name()).toList();
            assertThat(names).contains("cast", "song", "awards", "help");
            var awards = CommandDefinitions.of(bot.registry.command("awards").orElseThrow().spec()).toData();
            assertThat(awards.getArray("options").getObject(0).getString("name")).isEqualTo("ceremony");
            assertThat(awards.getArray("options").getObject(0).getArray("choices").length()).isEqualTo(9);
        }
    }

    /** The dispatcher reads a command's spec for every interaction, so it must not be built each time: under load that showed in the profile. */
    @Test
    void everyCommandsSpecIsBuiltOnce() {
        try (TestBot bot = new TestBot(dir, Clock.systemUTC())) {
            for (SlashCommand command : bot.registry.commands()) {
                assertThat(command.spec()).as("/" + command.spec().name()).isSameAs(command.spec());
            }
        }
    }

    private static void check(DataObject command, String path, List<String> problems) {
        String name = command.getString("name");
        String here = path + name;
        if (!NAME.matcher(name).matches()) {
            problems.add(here + ": bad name");
        }
        String description = command.getString("description", "");
        if (description.isEmpty() || description.length() > 100) {
            problems.add(here + ": description length " + description.length());
        }
        DataArray options = command.optArray("options").orElse(DataArray.empty());
        if (options.length() > 25) {
            problems.add(here + ": " + options.length() + " options");
        }
        for (int i = 0; i < options.length(); i++) {
            DataObject option = options.getObject(i);
            DataArray choices = option.optArray("choices").orElse(DataArray.empty());
            if (choices.length() > 25) {
                problems.add(here + " " + option.getString("name") + ": " + choices.length() + " choices");
            }
            if (choices.length() > 0 && option.getBoolean("autocomplete", false)) {
                problems.add(here + " " + option.getString("name") + ": choices and autocomplete");
            }
            check(option, here + " ", problems);
        }
    }
}

package dev.lalaland.bot.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lalaland.bot.command.CommandRegistry;
import dev.lalaland.bot.command.CommandRequest;
import dev.lalaland.bot.command.CommandSpec;
import dev.lalaland.bot.command.HelpText;
import dev.lalaland.bot.command.OptionSpec;
import dev.lalaland.bot.command.SlashCommand;
import dev.lalaland.bot.command.UserInputException;
import dev.lalaland.bot.render.Reply;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandLineParserTest {
    private final CommandLineParser parser = new CommandLineParser(new CommandRegistry(List.of(
            command(CommandSpec.of("cast", "c", OptionSpec.autocompleted("name", "n"))),
            command(CommandSpec.of("awards", "a", OptionSpec.choice("ceremony", "c", List.of("oscars")),
                    OptionSpec.choice("result", "r", List.of("won")))),
            command(CommandSpec.withSubcommands("quiz", "q",
                    CommandSpec.Subcommand.of("question", "q", OptionSpec.text("category", "c")),
                    CommandSpec.Subcommand.of("start", "s", OptionSpec.integer("questions", "n", 1, 50)))),
            command(CommandSpec.of("config", "c", OptionSpec.channel("channel", "c")))),
            List.of()));

    @Test
    void valuesMayContainSpaces() {
        assertThat(parser.parse("/cast name:Emma Stone").options()).isEqualTo(Map.of("name", "Emma Stone"));
    }

    @Test
    void severalOptionsSplitAtTheNextKnownName() {
        var parsed = parser.parse("/awards ceremony:oscars result:won");
        assertThat(parsed.command()).isEqualTo("awards");
        assertThat(parsed.options()).isEqualTo(Map.of("ceremony", "oscars", "result", "won"));
    }

    @Test
    void aColonInsideAValueIsKeptWhenItIsNoOptionName() {
        assertThat(parser.parse("/cast name:Audition: the fools").options().get("name")).isEqualTo("Audition: the fools");
    }

    @Test
    void subcommandsAreRecognised() {
        var parsed = parser.parse("/quiz start questions:5");
        assertThat(parsed.subcommand()).isEqualTo("start");
        assertThat(parsed.options()).isEqualTo(Map.of("questions", "5"));
        assertThat(parser.parse("/quiz question").options()).isEmpty();
    }

    @Test
    void mistakesGiveOneClearMessage() {
        assertThatThrownBy(() -> parser.parse("/nope")).isInstanceOf(UserInputException.class)
                .hasMessageContaining("unknown command /nope");
        assertThatThrownBy(() -> parser.parse("/quiz")).hasMessageContaining("question, start");
        assertThatThrownBy(() -> parser.parse("/cast Emma")).hasMessageContaining("options: name");
        assertThatThrownBy(() -> parser.parse("/cast colour:red")).hasMessageContaining("options: name");
        assertThatThrownBy(() -> parser.parse("cast")).hasMessageContaining("start with /");
    }

    /** The contract: an unknown option prints one error line; it is not taken into the value before it. */
    @Test
    void anUnknownOrRepeatedOptionIsAnErrorNotPartOfAValue() {
        assertThatThrownBy(() -> parser.parse("/cast name:Emma foo:bar"))
                .hasMessage("/cast has no option `foo:` (options: name)");
        assertThatThrownBy(() -> parser.parse("/awards ceremony:oscars result:won extra:1"))
                .hasMessageContaining("has no option `extra:`");
        assertThatThrownBy(() -> parser.parse("/cast name:Emma name:Ryan")).hasMessage("/cast takes name: once");
        assertThat(parser.parse("/cast name:Mia: the barista").options().get("name")).isEqualTo("Mia: the barista");
    }

    @Test
    void aChannelIsTypedAsItsIdOrALinkToIt() {
        assertThat(parser.parse("/config channel:<#100000000000000300>").options()).containsEntry("channel", "100000000000000300");
        assertThat(parser.parse("/config channel:#42").options()).containsEntry("channel", "42");
        assertThat(parser.parse("/config channel:42").options()).containsEntry("channel", "42");
        assertThatThrownBy(() -> parser.parse("/config channel:@everyone"))
                .hasMessage("channel: takes a channel's id, such as <#100000000000000300> (this console's channel), not `@everyone`");
        assertThatThrownBy(() -> parser.parse("/config channel:#general")).hasMessageContaining("not `#general`");
    }

    @Test
    void whatIsShownBackIsCutShort() {
        assertThatThrownBy(() -> parser.parse("/" + "y".repeat(10_000))).satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(100));
        assertThatThrownBy(() -> parser.parse("/cast " + "x".repeat(10_000))).satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(150));
    }

    private static SlashCommand command(CommandSpec spec) {
        return new SlashCommand() {
            @Override
            public CommandSpec spec() {
                return spec;
            }

            @Override
            public HelpText help() {
                return new HelpText("/" + spec.name(), "A test command.");
            }

            @Override
            public Reply handle(CommandRequest request) {
                return Reply.text("ok");
            }
        };
    }
}

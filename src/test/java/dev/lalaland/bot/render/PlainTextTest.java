package dev.lalaland.bot.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Console mode's text: each part readable on its own lines. */
class PlainTextTest {

    @Test
    void aFieldOfSeveralLinesGoesUnderItsNameIndented() {
        Reply reply = Reply.embed(Embed.builder("Emma Stone")
                .field("Role", "Actress")
                .field("On the soundtrack", "2. Someone in the Crowd\n4. A Lovely Night\n\n9. City of Stars")
                .field("Born", "6 November 1988")
                .build());

        assertThat(PlainText.render(reply)).isEqualTo("""
                Emma Stone
                Role: Actress
                On the soundtrack:
                  2. Someone in the Crowd
                  4. A Lovely Night
                  9. City of Stars
                Born: 6 November 1988""");
    }

    @Test
    void aLinkShowsItsUrlWithItsParenthesesAsWritten() {
        String source = "https://en.wikipedia.org/wiki/Audition_(The_Fools_Who_Dream)";
        Reply reply = Reply.embed(Embed.builder("Audition").field("Sources", Sources.field(List.of(source))).build());

        assertThat(PlainText.render(reply)).isEqualTo("Audition\nSources: en.wikipedia.org <" + source + ">")
                .doesNotContain("%29");
    }

    @Test
    void aCountdownReadsAsATime() {
        Reply reply = Reply.text("One answer each; the question closes <t:1796000000:R>.");

        assertThat(PlainText.render(reply)).isEqualTo("One answer each; the question closes at 2026-11-30 00:53:20 UTC.");
    }
}

package dev.lalaland.bot.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiscordLimitsTest {

    @Test
    void findsEveryKindOfOversizedPart() {
        Embed.Builder embed = Embed.builder("t".repeat(300)).description("d".repeat(5000));
        for (int i = 0; i < 30; i++) {
            embed.field("f" + i, "v".repeat(1100));
        }
        List<Button> row = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            row.add(Button.of("same", "x".repeat(90)));
        }
        Reply reply = Reply.builder().content("c".repeat(2100)).embed(embed.build()).buttonRow(row).build();

        assertThat(DiscordLimits.violations(reply)).anyMatch(v -> v.startsWith("content"))
                .anyMatch(v -> v.startsWith("embed title")).anyMatch(v -> v.startsWith("embed description"))
                .anyMatch(v -> v.equals("30 fields")).anyMatch(v -> v.startsWith("field value"))
                .anyMatch(v -> v.startsWith("embeds total")).anyMatch(v -> v.startsWith("row of 6"))
                .anyMatch(v -> v.startsWith("button label")).anyMatch(v -> v.startsWith("duplicate custom id"));
    }

    @Test
    void clampMakesAnyReplyFit() {
        Embed.Builder embed = Embed.builder("t".repeat(300)).description("d".repeat(5000)).footer("f".repeat(3000));
        for (int i = 0; i < 30; i++) {
            embed.field("n".repeat(300), "v".repeat(1100));
        }
        Reply reply = Reply.builder().content("c".repeat(2100)).embed(embed.build())
                .buttonRow(List.of(Button.of("a", "x".repeat(90)))).build();

        assertThat(DiscordLimits.violations(DiscordLimits.clamp(reply))).isEmpty();
    }

    @Test
    void aReplyThatFitsIsSentAsItIs() {
        Reply fits = Reply.builder().content("c".repeat(2000))
                .embed(Embed.builder("t").description("d".repeat(4096)).footer("f".repeat(1500)).build())
                .buttonRow(List.of(Button.of("a", "x".repeat(80)))).build();
        assertThat(DiscordLimits.clamp(fits)).isSameAs(fits);
    }

    @Test
    void autocompleteChoicesAreChecked() {
        assertThat(DiscordLimits.violations(List.of(new Choice("ok", "ok")))).isEmpty();
        assertThat(DiscordLimits.violations(List.of(new Choice("x".repeat(101), "ok")))).hasSize(1);
        List<Choice> many = new ArrayList<>();
        for (int i = 0; i < 26; i++) {
            many.add(new Choice("c" + i, "c" + i));
        }
        assertThat(DiscordLimits.violations(many)).containsExactly("26 choices");
        assertThat(DiscordLimits.fits(new Choice("ok", "x".repeat(100)))).isTrue();
        assertThat(DiscordLimits.fits(new Choice("ok", "x".repeat(101)))).isFalse();
        assertThat(DiscordLimits.fits(new Choice("", "ok"))).isFalse();
    }

    @Test
    void plainTextShowsFieldsAndButtonsAsTheContractSays() {
        Reply reply = Reply.builder().embed(Embed.builder("Title").description("Desc").field("Name", "Value").build())
                .buttonRow(List.of(Button.of("q:1", "One"), Button.of("q:2", "Two"))).build();
        assertThat(PlainText.render(reply)).isEqualTo("Title\nDesc\nName: Value\n[One] [Two]");
    }

    @Test
    void plainTextDropsMarkdownButKeepsLinks() {
        Reply reply = Reply.text("**Emma Stone** as *Mia* in `La La Land` · [wikipedia.org](https://en.wikipedia.org/wiki/X)"
                + " · ends <t:1480000000:R>");
        assertThat(PlainText.render(reply)).isEqualTo("Emma Stone as Mia in La La Land · wikipedia.org "
                + "<https://en.wikipedia.org/wiki/X> · ends at 2016-11-24 15:06:40 UTC");
    }

    @Test
    void plainTextShowsATimeAndItsCountdownOnce() {
        assertThat(PlainText.render(Reply.text("First post: <t:1480000000:F> (<t:1480000000:R>)")))
                .isEqualTo("First post: 2016-11-24 15:06:40 UTC");
        assertThat(PlainText.render(Reply.text("From <t:1480000000:F> (<t:1480000060:R>)")))
                .as("a different countdown is kept").isEqualTo("From 2016-11-24 15:06:40 UTC (at 2016-11-24 15:07:40 UTC)");
    }
}

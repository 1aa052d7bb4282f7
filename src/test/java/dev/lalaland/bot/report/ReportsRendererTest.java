package dev.lalaland.bot.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lalaland.bot.render.Button;
import dev.lalaland.bot.render.DiscordLimits;
import dev.lalaland.bot.render.Embed;
import dev.lalaland.bot.render.Reply;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReportsRendererTest {

    static ReportedQuestion reported(String id, int reports, boolean muted, String... notes) {
        return new ReportedQuestion(id, reports, Map.of(ReportReason.TYPO, 1, ReportReason.WRONG_ANSWER, reports - 1),
                List.of(notes), Instant.ofEpochSecond(1_800_000_000L), muted);
    }

    @Test
    void noReportsSaySoPrivately() {
        Reply reply = ReportsRenderer.list(List.of(), 0);
        assertThat(reply.ephemeral()).isTrue();
        assertThat(reply.content()).contains("No question has been reported");
        assertThat(reply.buttons()).isEmpty();
    }

    @Test
    void eachQuestionShowsItsCountsReasonsNotesAndAMuteOrUnmuteButton() {
        Reply reply = ReportsRenderer.list(List.of(
                new ReportsRenderer.Listed(reported("q.1", 3, false, "`@everyone` **bold**"), Optional.of("Who sang?")),
                new ReportsRenderer.Listed(reported("q.2", 1, true), Optional.empty())), 2);
        assertThat(reply.ephemeral()).isTrue();
        Embed embed = reply.embeds().get(0);
        assertThat(embed.fields().get(0).name()).isEqualTo("1. 3 reports");
        assertThat(embed.fields().get(0).value()).startsWith("Who sang?\nWrong answer 2 · Typo 1\n")
                .contains("Latest notes: `'@everyone' **bold**`").contains("<t:1800000000:R>").contains("`q.1`");
        assertThat(embed.fields().get(1).name()).isEqualTo("2. 1 report · muted");
        assertThat(embed.fields().get(1).value()).startsWith("(no longer in the question bank)");
        assertThat(reply.buttons()).extracting(Button::id).containsExactly("mute:on:q.1", "mute:off:q.2");
        assertThat(reply.buttons()).extracting(Button::label).containsExactly("Mute 1", "Unmute 2");
        assertThat(embed.footer()).isEqualTo("2 reported questions.");
    }

    @Test
    void theLongestListFitsDiscordsLimits() {
        List<ReportsRenderer.Listed> listed = new ArrayList<>();
        for (int i = 0; i < ReportsRenderer.LISTED; i++) {
            String id = "awards.winner-instead." + "x".repeat(60) + i;
            listed.add(new ReportsRenderer.Listed(reported(id, 99, i % 2 == 0, "n".repeat(1000), "m".repeat(1000)),
                    Optional.of("Q".repeat(500))));
        }
        Reply reply = ReportsRenderer.list(listed, 250);
        assertThat(DiscordLimits.violations(reply)).isEmpty();
        assertThat(reply.embeds().get(0).fields()).hasSize(ReportsRenderer.LISTED);
        assertThat(reply.buttonRows()).hasSize(2).allSatisfy(row -> assertThat(row).hasSize(5));
        assertThat(reply.embeds().get(0).footer()).isEqualTo("The 10 most reported of 250 reported questions.");
    }

    @Test
    void theReportButtonNamesTheQuestion() {
        Button b = ReportsRenderer.reportButton("cast.who-played.emma-stone");
        assertThat(b.id()).isEqualTo("report:cast.who-played.emma-stone");
        assertThat(b.label()).isEqualTo("Report");
    }
}

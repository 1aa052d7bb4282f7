package dev.lalaland.bot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lalaland.bot.render.Button;
import dev.lalaland.bot.render.Embed;
import dev.lalaland.bot.render.Reply;
import java.util.List;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.junit.jupiter.api.Test;

class JdaMessagesTest {
    private final JdaMessages messages = new JdaMessages();

    private static Reply card(String title) {
        return Reply.builder().content("hello @everyone")
                .embed(Embed.builder(title).description("About " + title).field("Role", "Pianist", true)
                        .footer("Sources: example.org").build())
                .buttonRow(List.of(Button.of("quiz:1:0", "City of Stars"))).build();
    }

    private MessageEmbed embed(Reply reply) {
        return messages.replyEmbeds(reply).get(0);
    }

    @Test
    void translatesEveryPartWithNoMentions() {
        MessageCreateData data = messages.create(card("Sebastian"));
        MessageEmbed embed = data.getEmbeds().get(0);
        assertThat(embed.getTitle()).isEqualTo("Sebastian");
        assertThat(embed.getDescription()).isEqualTo("About Sebastian");
        assertThat(embed.getFields()).extracting(MessageEmbed.Field::getName, MessageEmbed.Field::getValue)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Role", "Pianist"));
        assertThat(embed.getFooter().getText()).isEqualTo("Sources: example.org");
        assertThat(data.getContent()).isEqualTo("hello @everyone");
        assertThat(data.getAllowedMentions()).isEmpty();
        assertThat(data.getComponents()).hasSize(1);
    }

    @Test
    void aKeptReplysEmbedIsBuiltOnceAndAnEqualOneIsNotMistakenForIt() {
        Reply kept = card("Mia");
        MessageEmbed first = embed(kept);
        assertThat(embed(kept)).as("the same embed again").isSameAs(first);

        Reply lookalike = card("Mia");
        assertThat(embed(lookalike)).isEqualTo(first).isNotSameAs(first);
    }

    @Test
    void atMostEmbedsKeptAreKept() {
        for (int i = 0; i < 2 * JdaMessages.EMBEDS_KEPT; i++) {
            embed(card("passer-by " + i));
        }
        assertThat(messages.embedsKept()).isPositive().isLessThanOrEqualTo(JdaMessages.EMBEDS_KEPT);
    }

    @Test
    void aPostsEmbedIsBuiltForItAloneAndNotKept() {
        Reply answer = card("Answer: City of Stars");
        MessageEmbed first = messages.create(answer).getEmbeds().get(0);
        assertThat(messages.create(answer).getEmbeds().get(0)).isEqualTo(first).isNotSameAs(first);
        assertThat(embed(answer)).as("nor is it in the replies' keep").isNotSameAs(first);
    }
}

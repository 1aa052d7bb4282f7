package dev.lalaland.bot.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReleaseQuestionsTest {
    @Test
    void theFirstSentenceRunsPastInitialsAndAbbreviations() {
        assertThat(ReleaseQuestions.firstSentence("The soundtrack jumps from No. 15 to No. 2 on the chart. It stays."))
                .isEqualTo("The soundtrack jumps from No. 15 to No. 2 on the chart.");
        assertThat(ReleaseQuestions.firstSentence("J. K. Simmons wins. He thanks Chazelle."))
                .isEqualTo("J. K. Simmons wins.");
        assertThat(ReleaseQuestions.firstSentence("On Martin Luther King Jr. Day, it opens wide. Crowds follow."))
                .isEqualTo("On Martin Luther King Jr. Day, it opens wide.");
        assertThat(ReleaseQuestions.firstSentence("One sentence only")).isEqualTo("One sentence only");
        assertThat(ReleaseQuestions.firstSentence("First line. Second.\nAnother line.")).isEqualTo("First line.");
    }
}

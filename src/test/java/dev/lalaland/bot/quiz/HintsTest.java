package dev.lalaland.bot.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HintsTest {

    @Test
    void aHintNeverRemovesTheAnswerAndIsTheSameEveryTime() {
        for (long round = 1; round <= 200; round++) {
            for (int answer = 0; answer < 4; answer++) {
                int removed = Hints.removedChoice("400000000000000002", round, answer, 4);
                assertThat(removed).isBetween(0, 3).isNotEqualTo(answer);
                assertThat(Hints.removedChoice("400000000000000002", round, answer, 4)).isEqualTo(removed);
            }
        }
    }

    @Test
    void playersAndQuestionsGetDifferentWrongChoicesRemoved() {
        Set<Integer> seen = new HashSet<>();
        for (int player = 0; player < 30; player++) {
            seen.add(Hints.removedChoice("6000000000000000" + player, 42, 0, 4));
        }
        assertThat(seen).as("every wrong choice is removed for someone").containsExactlyInAnyOrder(1, 2, 3);
    }
}

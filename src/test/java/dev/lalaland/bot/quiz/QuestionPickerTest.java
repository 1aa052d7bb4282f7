package dev.lalaland.bot.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QuestionPickerTest {
    private final QuestionBank bank = TestQuestions.bank(5);
    private final int[] five = bank.ordinalsMatching(null, null);
    private final QuestionPicker picker = new QuestionPicker(bank, new Random(7));
    private final Instant t0 = Instant.parse("2026-01-01T00:00:00Z");

    private long[] seen(Map<String, Instant> lastSeen) {
        long[] seen = new long[bank.size()];
        Arrays.fill(seen, SeenHistory.NEVER);
        lastSeen.forEach((id, at) -> seen[bank.ordinalOf(id)] = at.toEpochMilli());
        return seen;
    }

    @Test
    void neverRepeatsAQuestionWithinANight() {
        Set<String> asked = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            Question q = picker.next(five, asked, seen(Map.of())).orElseThrow();
            assertThat(asked.add(q.id())).as("asked twice: " + q.id()).isTrue();
        }
        assertThat(picker.next(five, asked, seen(Map.of()))).as("no more questions").isEmpty();
    }

    @Test
    void prefersQuestionsNeverSeenThenTheLeastRecentlySeen() {
        Map<String, Instant> lastSeen = new java.util.HashMap<>(Map.of(
                "test.1", t0.plusSeconds(50), "test.2", t0.plusSeconds(10),
                "test.3", t0.plusSeconds(30), "test.4", t0.plusSeconds(40)));
        assertThat(picker.next(five, Set.of(), seen(lastSeen)).orElseThrow().id()).isEqualTo("test.5");
        lastSeen.put("test.5", t0.plusSeconds(60));
        assertThat(picker.next(five, Set.of(), seen(lastSeen)).orElseThrow().id()).isEqualTo("test.2");
        assertThat(picker.next(five, Set.of("test.2"), seen(lastSeen)).orElseThrow().id()).isEqualTo("test.3");
    }

    @Test
    void picksOnlyAmongTheCandidates() {
        int[] evens = bank.ordinalsMatching("cast", null);
        assertThat(evens).hasSize(2);
        for (int i = 0; i < 50; i++) {
            assertThat(picker.next(evens, Set.of(), seen(Map.of())).orElseThrow().category()).isEqualTo("cast");
        }
    }

    @Test
    void breaksTiesAtRandom() {
        Set<String> firsts = new HashSet<>();
        QuestionPicker random = new QuestionPicker(bank, new Random());
        for (int i = 0; i < 200; i++) {
            firsts.add(random.next(five, Set.of(), seen(Map.of())).orElseThrow().id());
        }
        assertThat(firsts).hasSizeGreaterThan(1);
    }
}

package dev.lalaland.bot.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QuestionPickerTest {
    private final List<Question> five = TestQuestions.bank(5).all();
    private final QuestionPicker picker = new QuestionPicker(new Random(7));
    private final Instant t0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void neverRepeatsAQuestionWithinANight() {
        Set<String> asked = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            Question q = picker.next(five, asked, Map.of()).orElseThrow();
            assertThat(asked.add(q.id())).as("asked twice: " + q.id()).isTrue();
        }
        assertThat(picker.next(five, asked, Map.of())).as("no more questions").isEmpty();
    }

    @Test
    void prefersQuestionsNeverSeenThenTheLeastRecentlySeen() {
        Map<String, Instant> seen = new HashMap<>();
        seen.put("test.1", t0.plusSeconds(50));
        seen.put("test.2", t0.plusSeconds(10));
        seen.put("test.3", t0.plusSeconds(30));
        seen.put("test.4", t0.plusSeconds(40));
        assertThat(picker.next(five, Set.of(), seen).orElseThrow().id()).isEqualTo("test.5");
        seen.put("test.5", t0.plusSeconds(60));
        assertThat(picker.next(five, Set.of(), seen).orElseThrow().id()).isEqualTo("test.2");
        assertThat(picker.next(five, Set.of("test.2"), seen).orElseThrow().id()).isEqualTo("test.3");
    }

    @Test
    void breaksTiesAtRandom() {
        Set<String> firsts = new HashSet<>();
        QuestionPicker random = new QuestionPicker(new Random());
        for (int i = 0; i < 200; i++) {
            firsts.add(random.next(five, Set.of(), Map.of()).orElseThrow().id());
        }
        assertThat(firsts).hasSizeGreaterThan(1);
    }
}

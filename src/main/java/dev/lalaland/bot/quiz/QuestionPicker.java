package dev.lalaland.bot.quiz;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * Chooses the next question: never one already asked tonight, and of the rest the one this server
 * has seen least recently (never-seen first); ties are broken at random so two servers, or two
 * nights with a fresh bank, do not get the same order.
 */
final class QuestionPicker {
    private final Random random;

    QuestionPicker(Random random) {
        this.random = random;
    }

    Optional<Question> next(List<Question> candidates, Set<String> askedTonight, Map<String, Instant> lastSeen) {
        List<Question> fresh = new ArrayList<>(candidates.stream().filter(q -> !askedTonight.contains(q.id())).toList());
        synchronized (random) {
            Collections.shuffle(fresh, random);
        }
        return fresh.stream().min(Comparator.comparing(q -> lastSeen.getOrDefault(q.id(), Instant.MIN)));
    }
}

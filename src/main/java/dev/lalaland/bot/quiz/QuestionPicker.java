package dev.lalaland.bot.quiz;

import java.time.Instant;
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
        // One pass with one look-up per candidate, ties kept by reservoir sampling (each of k equal
        // ones wins with chance 1/k): this runs for every question asked, over the whole bank.
        Question best = null;
        Instant bestSeen = null;
        int ties = 0;
        synchronized (random) {
            for (Question q : candidates) {
                if (askedTonight.contains(q.id())) {
                    continue;
                }
                Instant seen = lastSeen.getOrDefault(q.id(), Instant.MIN);
                int order = best == null ? -1 : seen.compareTo(bestSeen);
                if (order < 0) {
                    best = q;
                    bestSeen = seen;
                    ties = 1;
                } else if (order == 0 && random.nextInt(++ties) == 0) {
                    best = q;
                }
            }
        }
        return Optional.ofNullable(best);
    }
}

package dev.lalaland.bot.quiz;

import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * Chooses the next question: never one already asked tonight nor one muted in this server (after
 * players reported it), and of the rest the one this server
 * has seen least recently (never-seen first); ties are broken at random so two servers, or two
 * nights with a fresh bank, do not get the same order.
 */
final class QuestionPicker {
    private final QuestionBank bank;
    private final Random random;

    QuestionPicker(QuestionBank bank, Random random) {
        this.bank = bank;
        this.random = random;
    }

    /**
     * @param candidates the ordinals of the questions to choose from
     * @param lastSeen   epoch milliseconds by ordinal, {@link SeenHistory#NEVER} for questions not seen
     */
    Optional<Question> next(int[] candidates, Set<String> askedTonight, long[] lastSeen) {
        return next(candidates, askedTonight, Set.of(), lastSeen);
    }

    /** As {@link #next(int[], Set, long[])}, skipping the questions {@code muted} in this server too. */
    Optional<Question> next(int[] candidates, Set<String> askedTonight, Set<String> muted, long[] lastSeen) {
        // One pass over two arrays, ties kept by reservoir sampling (each of k equal ones wins with
        // chance 1/k): this runs for every question asked, over the whole bank.
        int best = -1;
        long bestSeen = 0;
        int ties = 0;
        synchronized (random) {
            for (int candidate : candidates) {
                if (!askedTonight.isEmpty() && askedTonight.contains(bank.at(candidate).id())
                        || !muted.isEmpty() && muted.contains(bank.at(candidate).id())) {
                    continue;
                }
                long seen = lastSeen[candidate];
                if (best < 0 || seen < bestSeen) {
                    best = candidate;
                    bestSeen = seen;
                    ties = 1;
                } else if (seen == bestSeen && random.nextInt(++ties) == 0) {
                    best = candidate;
                }
            }
        }
        return best < 0 ? Optional.empty() : Optional.of(bank.at(best));
    }
}

package dev.lalaland.bot.quiz;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What one ended night adds to each player's profile: answers, right answers, points, points by
 * category, and the longest run of right answers. Plain Java over the night's stored answers, so
 * the rules are tested without a database.
 */
final class NightTally {

    /** One stored answer of the night: to its question {@code round}, right or not, and the points it scored. */
    record Answer(String userId, String displayName, int round, String category, boolean right, int points) {
    }

    record Category(int answers, int correct, int points) {
        Category plus(Answer a) {
            return new Category(answers + 1, correct + (a.right() ? 1 : 0), points + a.points());
        }
    }

    /** One player's night; {@code displayName} is the one of their last answer. */
    record Player(String userId, String displayName, int answers, int correct, int points, int bestStreak,
                  Map<String, Category> categories) {
        Player {
            categories = Map.copyOf(categories);
        }
    }

    private NightTally() {
    }

    /** Every player who answered at least once, in the order of their first answer. */
    static List<Player> of(List<Answer> answers) {
        Map<String, List<Answer>> byPlayer = new LinkedHashMap<>();
        answers.stream().sorted(Comparator.comparingInt(Answer::round))
                .forEach(a -> byPlayer.computeIfAbsent(a.userId(), u -> new ArrayList<>()).add(a));
        List<Player> players = new ArrayList<>();
        byPlayer.forEach((user, theirs) -> {
            Map<String, Category> categories = new TreeMap<>();
            TreeSet<Integer> rightRounds = new TreeSet<>();
            int points = 0;
            for (Answer a : theirs) {
                categories.merge(a.category(), new Category(0, 0, 0).plus(a), (was, one) -> was.plus(a));
                points += a.points();
                if (a.right()) {
                    rightRounds.add(a.round());
                }
            }
            players.add(new Player(user, theirs.get(theirs.size() - 1).displayName(), theirs.size(), rightRounds.size(),
                    points, longestStreak(rightRounds), categories));
        });
        return players;
    }

    /**
     * The most right answers in a row: questions numbered one after another, each answered right.
     * A wrong answer, or a question not answered, breaks the run, as it breaks the streak bonus.
     */
    static int longestStreak(TreeSet<Integer> rightRounds) {
        int best = 0;
        int run = 0;
        Integer previous = null;
        for (int round : rightRounds) {
            run = previous != null && round == previous + 1 ? run + 1 : 1;
            best = Math.max(best, run);
            previous = round;
        }
        return best;
    }
}

package dev.lalaland.bot.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** What a night adds to each player's profile: plain Java, no database. */
class NightTallyTest {

    private static NightTally.Answer answer(String user, int round, String category, boolean right, int points) {
        return new NightTally.Answer(user, "Name " + user + " " + round, round, category, right, points);
    }

    @Test
    void theLongestRunOfRightAnswersIsBrokenByAWrongOrAMissedQuestion() {
        assertThat(NightTally.longestStreak(new TreeSet<>())).isZero();
        assertThat(NightTally.longestStreak(new TreeSet<>(List.of(1)))).isEqualTo(1);
        assertThat(NightTally.longestStreak(new TreeSet<>(List.of(1, 2, 3, 5, 6)))).isEqualTo(3);
        // Question 4 missed (not answered, or answered wrong): two runs of two.
        assertThat(NightTally.longestStreak(new TreeSet<>(List.of(2, 3, 5, 6)))).isEqualTo(2);
        assertThat(NightTally.longestStreak(new TreeSet<>(List.of(7, 8, 9, 10, 1)))).isEqualTo(4);
    }

    @Test
    void eachPlayerGetsTheirAnswersPointsCategoriesAndLastName() {
        List<NightTally.Player> players = NightTally.of(List.of(
                answer("ann", 3, "songs", true, 150),
                answer("ann", 1, "cast", true, 120),
                answer("bob", 1, "cast", false, 0),
                answer("ann", 2, "songs", false, 0),
                answer("bob", 3, "songs", true, 100)));
        assertThat(players).extracting(NightTally.Player::userId).containsExactly("ann", "bob");
        NightTally.Player ann = players.get(0);
        assertThat(ann.displayName()).as("the name of the last answer").isEqualTo("Name ann 3");
        assertThat(ann.answers()).isEqualTo(3);
        assertThat(ann.correct()).isEqualTo(2);
        assertThat(ann.points()).isEqualTo(270);
        assertThat(ann.bestStreak()).as("1 right, 2 wrong, 3 right").isEqualTo(1);
        assertThat(ann.categories()).containsEntry("songs", new NightTally.Category(2, 1, 150))
                .containsEntry("cast", new NightTally.Category(1, 1, 120));
        NightTally.Player bob = players.get(1);
        assertThat(bob.answers()).isEqualTo(2);
        assertThat(bob.correct()).isEqualTo(1);
        assertThat(bob.bestStreak()).isEqualTo(1);
        assertThat(NightTally.of(List.of())).isEmpty();
    }
}

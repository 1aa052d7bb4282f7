package dev.lalaland.bot.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TeamsTest {

    @Test
    void theTeamsAreNamedFromTheFilmInButtonOrder() {
        assertThat(Teams.NAMES).containsExactly("The Messengers", "Seb's", "Lipton's", "The Lighthouse");
        assertThat(Teams.name(1)).isEqualTo("The Messengers");
        assertThat(Teams.name(4)).isEqualTo("The Lighthouse");
    }

    @Test
    void joiningIsOpenForTheFirstSixtySecondsOnly() {
        Instant start = Instant.parse("2026-12-02T20:00:00Z");
        Duration window = Duration.ofSeconds(Teams.JOIN_WINDOW_SECONDS);
        assertThat(Teams.joinOpen(start, window, start)).isTrue();
        assertThat(Teams.joinOpen(start, window, start.plusMillis(59_999))).isTrue();
        assertThat(Teams.joinOpen(start, window, start.plusSeconds(60))).isFalse();
    }

    @Test
    void aMemberJoinsOnceAndCannotSwitch() {
        assertThat(Teams.judgeJoin(null, 2, true)).isEqualTo(Teams.JoinVerdict.JOIN);
        assertThat(Teams.judgeJoin(null, 2, false)).isEqualTo(Teams.JoinVerdict.WINDOW_CLOSED);
        assertThat(Teams.judgeJoin(2, 2, true)).isEqualTo(Teams.JoinVerdict.ALREADY_IN);
        assertThat(Teams.judgeJoin(2, 1, true)).isEqualTo(Teams.JoinVerdict.SWITCH_REFUSED);
        assertThat(Teams.judgeJoin(2, 1, false)).as("switching is refused before lateness is mentioned")
                .isEqualTo(Teams.JoinVerdict.SWITCH_REFUSED);
    }

    @Test
    void aLatePlayerGoesToTheSmallestTeamTheFirstInFilmOrderOnATie() {
        assertThat(Teams.smallest(List.of(0, 0))).isEqualTo(1);
        assertThat(Teams.smallest(List.of(3, 2))).isEqualTo(2);
        assertThat(Teams.smallest(List.of(2, 1, 1, 3))).isEqualTo(2);
        assertThat(Teams.smallest(List.of(2, 2, 2, 1))).isEqualTo(4);
    }

    @Test
    void teamPointsAreTheSumOfTheirMembersWithTheirBestPlayer() {
        List<TeamStanding> teams = Teams.standings(3, Map.of(
                1, List.of(new Standing("a", "Ann", 300, 2), new Standing("b", "Ben", 150, 1)),
                2, List.of(new Standing("c", "Cy", 400, 2), new Standing("d", "Di", 100, 1))));
        assertThat(teams).extracting(TeamStanding::name).containsExactly("Seb's", "The Messengers", "Lipton's");
        assertThat(teams.get(0).points()).isEqualTo(500);
        assertThat(teams.get(0).correct()).isEqualTo(3);
        assertThat(teams.get(0).best().displayName()).isEqualTo("Cy");
        assertThat(teams.get(1).points()).isEqualTo(450);
        assertThat(teams.get(1).best().displayName()).isEqualTo("Ann");
        assertThat(teams.get(2).members()).isZero();
        assertThat(teams.get(2).best()).isNull();
    }

    @Test
    void teamsTieOnPointsThenRightAnswersThenFilmOrder() {
        List<TeamStanding> teams = Teams.standings(3, Map.of(
                1, List.of(new Standing("a", "Ann", 200, 1)),
                2, List.of(new Standing("b", "Ben", 200, 2)),
                3, List.of(new Standing("c", "Cy", 200, 1))));
        assertThat(teams).extracting(TeamStanding::team).containsExactly(2, 1, 3);
    }
}

package dev.lalaland.bot.quiz;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The rules of a team night, without any storage: the teams' names, who may join which team and
 * when, where a late player goes, and how the teams rank.
 */
public final class Teams {
    public static final int MIN_TEAMS = 2;
    public static final int MAX_TEAMS = 4;
    public static final int DEFAULT_TEAMS = 2;
    /** In film order: Keith's band, Seb's jazz club, the restaurant's boss, the Hermosa Beach club. */
    public static final List<String> NAMES = List.of("The Messengers", "Seb's", "Lipton's", "The Lighthouse");
    /** Joining by button is open this many seconds (of the night's clock) from its start. */
    public static final int JOIN_WINDOW_SECONDS = 60;

    private Teams() {
    }

    /** Team {@code team} (from 1), by name. */
    public static String name(int team) {
        return NAMES.get(team - 1);
    }

    /** Whether a click on a Join button at {@code at} is within the night's join window. */
    public static boolean joinOpen(Instant startedAt, Duration window, Instant at) {
        return at.isBefore(startedAt.plus(window));
    }

    /**
     * What a click on a Join button does.
     *
     * @param current the team the member is in tonight, or null
     */
    public static JoinVerdict judgeJoin(Integer current, int wanted, boolean windowOpen) {
        if (current != null) {
            return current == wanted ? JoinVerdict.ALREADY_IN : JoinVerdict.SWITCH_REFUSED;
        }
        return windowOpen ? JoinVerdict.JOIN : JoinVerdict.WINDOW_CLOSED;
    }

    /**
     * The team a player who did not join is put on at their first answer: the one with fewest
     * members; on a tie, the first in film order (the order of the Join buttons).
     *
     * @param sizes members per team, team 1 first
     */
    public static int smallest(List<Integer> sizes) {
        int best = 0;
        for (int i = 1; i < sizes.size(); i++) {
            if (sizes.get(i) < sizes.get(best)) {
                best = i;
            }
        }
        return best + 1;
    }

    /**
     * The teams ranked: by points (the sum of their members'), then right answers, then film
     * order. Every team is listed, even one nobody joined.
     *
     * @param members each member's night standing, by their team
     */
    public static List<TeamStanding> standings(int teamCount, Map<Integer, List<Standing>> members) {
        List<TeamStanding> teams = new ArrayList<>();
        for (int team = 1; team <= teamCount; team++) {
            List<Standing> in = members.getOrDefault(team, List.of());
            int points = in.stream().mapToInt(Standing::points).sum();
            int correct = in.stream().mapToInt(Standing::correct).sum();
            Standing best = in.stream().min(BEST_FIRST).orElse(null);
            teams.add(new TeamStanding(team, name(team), points, correct, in.size(), best));
        }
        teams.sort(Comparator.comparingInt(TeamStanding::points).reversed()
                .thenComparing(Comparator.comparingInt(TeamStanding::correct).reversed())
                .thenComparingInt(TeamStanding::team));
        return teams;
    }

    /** A team's best player: most points, then most right answers, then name, then id (for a stable order). */
    private static final Comparator<Standing> BEST_FIRST = Comparator.comparingInt(Standing::points).reversed()
            .thenComparing(Comparator.comparingInt(Standing::correct).reversed())
            .thenComparing(Standing::displayName, String.CASE_INSENSITIVE_ORDER)
            .thenComparing(Standing::userId);

    public enum JoinVerdict { JOIN, ALREADY_IN, SWITCH_REFUSED, WINDOW_CLOSED }
}

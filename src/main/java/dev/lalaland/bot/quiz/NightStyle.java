package dev.lalaland.bot.quiz;

/**
 * How a night is played, as the host chose with {@code /quiz start}: solo ({@code teams} 0) or in
 * 2 to 4 teams, and whether each question has a Hint button.
 */
public record NightStyle(int teams, boolean hints) {
    public static final NightStyle SOLO = new NightStyle(0, false);

    public NightStyle {
        if (teams != 0 && (teams < Teams.MIN_TEAMS || teams > Teams.MAX_TEAMS)) {
            throw new IllegalArgumentException("teams: 0 (solo) or " + Teams.MIN_TEAMS + " to " + Teams.MAX_TEAMS);
        }
    }

    public boolean teamsMode() {
        return teams > 0;
    }

    /** As the {@code mode} option and the database name it. */
    public String mode() {
        return teamsMode() ? "teams" : "solo";
    }
}

package dev.lalaland.bot.quiz;

import dev.lalaland.bot.db.Database;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * What team nights and hints keep (tables in {@code V8__quiz_teams_and_hints.sql}): who is in which
 * team, whether joining has closed, the opening message's id, and each player's hint per question.
 * Kept apart from {@link QuizStore}, which only asks it (by the {@link Handle} of its own
 * transaction) to place a late player and to read the teams' standings.
 */
final class TeamHintStore {
    private final Database database;

    TeamHintStore(Database database) {
        this.database = database;
    }

    // ---- teams ----

    /**
     * Puts a member on {@code team} unless they are in a team tonight already; returns the team they
     * are in afterwards (the primary key keeps two racing clicks to one team).
     */
    int join(long nightId, String userId, String displayName, int team, Instant at) {
        return database.transaction(h -> {
            h.execute("INSERT INTO quiz_team_member (night_id, user_id, display_name, team, joined_at) "
                    + "VALUES (?,?,?,?,?) ON CONFLICT (night_id, user_id) DO NOTHING",
                    nightId, userId, displayName, team, at.toEpochMilli());
            return teamOf(h, nightId, userId).orElseThrow();
        });
    }

    Optional<Integer> teamOf(long nightId, String userId) {
        return database.read(h -> teamOf(h, nightId, userId));
    }

    /** Members per team, team 1 first. */
    List<Integer> sizes(long nightId, int teamCount) {
        return database.read(h -> sizes(h, nightId, teamCount));
    }

    /** Closes joining by button, once; false if it had closed already. */
    boolean closeJoins(long nightId) {
        return database.transaction(h -> h.execute("UPDATE quiz_night SET joins_closed = 1 WHERE id = ? "
                + "AND joins_closed = 0", nightId) == 1);
    }

    boolean joinsClosed(long nightId) {
        return database.read(h -> h.select("SELECT joins_closed FROM quiz_night WHERE id = ?", nightId)
                .mapTo(Integer.class).findFirst().orElse(1) == 1);
    }

    /** Remembers which message is the night's opening, the first time a click on it says so; true then. */
    boolean openingMessageIs(long nightId, String messageId) {
        return messageId != null && database.transaction(h -> h.execute("UPDATE quiz_night SET opening_message_id = ? "
                + "WHERE id = ? AND opening_message_id IS NULL", messageId, nightId)) == 1;
    }

    Optional<String> openingMessage(long nightId) {
        return database.read(h -> h.select("SELECT opening_message_id FROM quiz_night WHERE id = ? "
                + "AND opening_message_id IS NOT NULL", nightId)
                .mapTo(String.class).findFirst());
    }

    /**
     * On a player's first answer in a team night: puts them on the smallest team if they have not
     * joined one. Runs in the transaction that records the answer, so no answer goes uncounted for a team.
     */
    static void placeIfNew(Handle h, long nightId, int teamCount, String userId, String displayName, Instant at) {
        if (teamOf(h, nightId, userId).isPresent()) {
            return;
        }
        int team = Teams.smallest(sizes(h, nightId, teamCount));
        h.execute("INSERT INTO quiz_team_member (night_id, user_id, display_name, team, joined_at, placed) "
                + "VALUES (?,?,?,?,?,1) ON CONFLICT (night_id, user_id) DO NOTHING",
                nightId, userId, displayName, team, at.toEpochMilli());
    }

    /** The teams ranked, each with its best player; members who have not scored count with 0. */
    static List<TeamStanding> standings(Handle h, long nightId, int teamCount) {
        Map<Integer, List<Standing>> members = new HashMap<>();
        h.select("SELECT m.team, m.user_id, COALESCE(p.display_name, m.display_name) AS display_name, "
                        + "COALESCE(p.score, 0) AS points, COALESCE(p.correct, 0) AS correct "
                        + "FROM quiz_team_member m LEFT JOIN quiz_player p ON p.night_id = m.night_id "
                        + "AND p.user_id = m.user_id WHERE m.night_id = ?", nightId)
                .map((r, ctx) -> Map.entry(r.getInt("team"), new Standing(r.getString("user_id"),
                        r.getString("display_name"), r.getInt("points"), r.getInt("correct"))))
                .forEach(e -> members.computeIfAbsent(e.getKey(), t -> new ArrayList<>()).add(e.getValue()));
        return Teams.standings(teamCount, members);
    }

    private static Optional<Integer> teamOf(Handle h, long nightId, String userId) {
        return h.select("SELECT team FROM quiz_team_member WHERE night_id = ? AND user_id = ?", nightId, userId)
                .mapTo(Integer.class).findFirst();
    }

    private static List<Integer> sizes(Handle h, long nightId, int teamCount) {
        List<Integer> sizes = new ArrayList<>();
        for (int i = 0; i < teamCount; i++) {
            sizes.add(0);
        }
        h.select("SELECT team, COUNT(*) AS members FROM quiz_team_member WHERE night_id = ? GROUP BY team", nightId)
                .map((r, ctx) -> Map.entry(r.getInt("team"), r.getInt("members")))
                .forEach(e -> {
                    if (e.getKey() <= teamCount) {
                        sizes.set(e.getKey() - 1, e.getValue());
                    }
                });
        return sizes;
    }

    // ---- hints ----

    /**
     * Gives a player their hint on a question they have not answered: the wrong choice
     * {@code removed} is recorded once; a second ask returns the first. Checked in one transaction.
     */
    HintOutcome useHint(long roundId, String userId, String displayName, int removed, Instant at) {
        return database.transaction(h -> {
            if (h.select("SELECT COUNT(*) FROM quiz_answer WHERE round_id = ? AND user_id = ?", roundId, userId)
                    .mapTo(Integer.class).one() > 0) {
                return new HintOutcome(HintOutcome.Kind.ALREADY_ANSWERED, -1);
            }
            Optional<Integer> earlier = hint(h, roundId, userId);
            if (earlier.isPresent()) {
                return new HintOutcome(HintOutcome.Kind.ALREADY_USED, earlier.get());
            }
            h.execute("INSERT INTO quiz_hint (round_id, user_id, display_name, removed, used_at) VALUES (?,?,?,?,?) "
                    + "ON CONFLICT (round_id, user_id) DO NOTHING", roundId, userId, displayName, removed,
                    at.toEpochMilli());
            return new HintOutcome(HintOutcome.Kind.GIVEN, hint(h, roundId, userId).orElseThrow());
        });
    }

    /** The wrong choice a player's hint removed from a question, if they used one. */
    Optional<Integer> hint(long roundId, String userId) {
        return database.read(h -> hint(h, roundId, userId));
    }

    private static Optional<Integer> hint(Handle h, long roundId, String userId) {
        return h.select("SELECT removed FROM quiz_hint WHERE round_id = ? AND user_id = ?", roundId, userId)
                .mapTo(Integer.class).findFirst();
    }

    /** Who used a hint on a question, in the order they did (display names). */
    static List<String> hinted(Handle h, long roundId) {
        return h.select("SELECT display_name FROM quiz_hint WHERE round_id = ? ORDER BY used_at, user_id", roundId)
                .mapTo(String.class).list();
    }

    /** What a click on the Hint button became; {@code removed} is the choice taken away (-1 if none). */
    record HintOutcome(Kind kind, int removed) {
        enum Kind { GIVEN, ALREADY_USED, ALREADY_ANSWERED }
    }
}

package dev.lalaland.bot.quiz;

import dev.lalaland.bot.command.Invoker;
import dev.lalaland.bot.command.Outbox;
import dev.lalaland.bot.command.UserInputException;
import dev.lalaland.bot.render.Reply;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Joining a team: the Join buttons of a team night's opening message are open for its first 60
 * seconds ({@link QuizTimings#teamJoinWindow}); then they are disabled, and a player who has not
 * joined is put on the smallest team at their first answer. One team per member per night.
 */
final class TeamJoins {
    private static final Logger log = LoggerFactory.getLogger(TeamJoins.class);

    private final QuizStore store;
    private final TeamHintStore teams;
    private final Outbox outbox;
    private final Timers timers;
    private final Clock clock;
    private final QuizTimings timings;

    TeamJoins(QuizStore store, TeamHintStore teams, Outbox outbox, Timers timers, Clock clock, QuizTimings timings) {
        this.store = store;
        this.teams = teams;
        this.outbox = outbox;
        this.timers = timers;
        this.clock = clock;
        this.timings = timings;
    }

    /** At the start of a team night, and again after a restart: disables the Join buttons when the window ends. */
    void scheduleClose(Night night) {
        if (night.style().teamsMode() && !teams.joinsClosed(night.id())) {
            timers.at("teams:" + night.id(), closesAt(night), "closing the teams of night " + night.id(),
                    () -> close(night.id(), false));
        }
    }

    private Instant closesAt(Night night) {
        return night.startedAt().plus(timings.teamJoinWindow());
    }

    /** A click on Join {@code team} on the night's opening message ({@code messageId}, if known). */
    Reply join(Invoker who, long nightId, int team, String messageId) {
        Night night = store.night(nightId).filter(Night::running).orElseThrow(() -> new UserInputException(
                "This quiz night has ended; /quiz start hosts a new one."));
        if (!night.style().teamsMode() || team < 1 || team > night.style().teams()) {
            throw new UserInputException("That team is not part of this quiz night.");
        }
        boolean learned = teams.openingMessageIs(nightId, messageId);
        boolean open = Teams.joinOpen(night.startedAt(), timings.teamJoinWindow(), clock.instant());
        Integer current = teams.teamOf(nightId, who.userId()).orElse(null);
        return switch (Teams.judgeJoin(current, team, open)) {
            case ALREADY_IN -> Reply.privateText("You are already in **" + Teams.name(team) + "** tonight.");
            case SWITCH_REFUSED -> Reply.privateText("You are in **" + Teams.name(current) + "** tonight: "
                    + "one team per night, no switching.");
            case WINDOW_CLOSED -> {
                // The timer may have found no message to disable: this click says which it is.
                timers.now("closing the teams of night " + nightId, () -> close(nightId, learned));
                yield Reply.privateText("Joining closed " + Teams.JOIN_WINDOW_SECONDS + " s into the night. Just "
                        + "answer: your first answer puts you on the smallest team.");
            }
            case JOIN -> {
                int in = teams.join(nightId, who.userId(), who.displayName(), team, clock.instant());
                if (in != team) {   // another click of theirs got there first
                    yield Reply.privateText("You are in **" + Teams.name(in) + "** tonight: one team per night, "
                            + "no switching.");
                }
                int members = teams.sizes(nightId, night.style().teams()).get(team - 1);
                yield Reply.privateText("You joined **" + Teams.name(team) + "** (" + members + " member"
                        + (members == 1 ? "" : "s") + " so far). Your points add to your team's.");
            }
        };
    }

    /**
     * Closes joining and disables the Join buttons of the opening message once its id is known:
     * when the window ends, or later when a click on it ({@code justLearned}) first tells which it is.
     */
    private void close(long nightId, boolean justLearned) {
        boolean first = teams.closeJoins(nightId);
        String opening = teams.openingMessage(nightId).orElse(null);
        if ((first || justLearned) && opening != null) {
            store.night(nightId).filter(Night::running).ifPresent(night ->
                    outbox.edit(night.channelId(), opening, QuizRenderer.nightStarted(night,
                                    timings.firstQuestionDelay(), null, false))
                            .whenComplete((ok, error) -> {
                                if (error != null) {
                                    log.debug("could not disable the Join buttons of night {}: {}", nightId,
                                            error.toString());
                                }
                            }));
        }
    }
}

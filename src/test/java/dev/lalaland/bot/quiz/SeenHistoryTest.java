package dev.lalaland.bot.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lalaland.bot.db.Database;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seen-question history in memory, against what the SQLite file holds. */
class SeenHistoryTest {
    @TempDir
    Path dir;
    private Database database;
    private QuizStore store;
    private final QuestionBank bank = TestQuestions.bank(6);
    private final Instant t0 = Instant.parse("2026-11-28T20:00:00Z");

    @BeforeEach
    void open() {
        database = Database.open(dir.resolve("quiz.db"));
        store = new QuizStore(database);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private Round ask(SeenHistory history, String guild, Question q, Instant at) {
        String scope = QuizStore.seenScope(guild, "c1");
        history.lastSeen(scope);
        Round round = store.askPractice(guild, "c1", q, at, at.plusSeconds(20), saved -> { });
        history.record(scope, q, round.opensAt());
        return round;
    }

    private long at(long[] seen, Question q) {
        return seen[bank.ordinalOf(q.id())];
    }

    @Test
    void followsTheQuestionsAskedAndMatchesTheFile() {
        SeenHistory history = new SeenHistory(bank, store, 16);
        Question q1 = bank.at(0);
        Question q2 = bank.at(1);
        ask(history, "g1", q1, t0);
        ask(history, "g1", q2, t0.plusSeconds(60));
        Round again = ask(history, "g1", q1, t0.plusSeconds(120));

        long[] seen = history.lastSeen("g1");
        assertThat(at(seen, q1)).isEqualTo(again.opensAt().toEpochMilli());
        assertThat(at(seen, q2)).isEqualTo(t0.plusSeconds(60).toEpochMilli());
        assertThat(at(seen, bank.at(2))).isEqualTo(SeenHistory.NEVER);
        assertThat(history.lastSeen("g2")).containsOnly(SeenHistory.NEVER);

        store.awaitAllSaved();
        assertThat(new SeenHistory(bank, store, 16).lastSeen("g1")).as("read again from the file").isEqualTo(seen);
    }

    @Test
    void aServerDroppedFromMemoryIsReadBackFromTheFile() {
        SeenHistory history = new SeenHistory(bank, store, 2);
        Round first = ask(history, "g1", bank.at(0), t0);
        for (String other : List.of("g2", "g3", "g4")) {
            ask(history, other, bank.at(1), t0.plusSeconds(5));
        }
        store.awaitAllSaved();

        assertThat(at(history.lastSeen("g1"), bank.at(0))).isEqualTo(first.opensAt().toEpochMilli());
    }

    @Test
    void atMostTheGivenNumberOfServersIsInMemory() {
        SeenHistory history = new SeenHistory(bank, store, 3);
        for (int server = 0; server < 10; server++) {
            history.lastSeen("g" + server);
        }
        assertThat(history.serversInMemory()).isPositive().isLessThanOrEqualTo(3);
    }

    @Test
    void aCopyIsHandedOutSoPickingNeverSeesAHalfDoneUpdate() {
        SeenHistory history = new SeenHistory(bank, store, 16);
        long[] before = history.lastSeen("g1");
        ask(history, "g1", bank.at(3), t0);
        assertThat(before).containsOnly(SeenHistory.NEVER);
        assertThat(at(history.lastSeen("g1"), bank.at(3))).isEqualTo(t0.toEpochMilli());
    }

    @Test
    void questionsNoLongerInTheBankAreIgnored() {
        SeenHistory history = new SeenHistory(bank, store, 16);
        Question retired = TestQuestions.question(99, "cast", Difficulty.EASY);
        store.askPractice("g1", "c1", retired, t0, t0.plusSeconds(20), saved -> { });
        store.awaitAllSaved();
        assertThat(history.lastSeen("g1")).containsOnly(SeenHistory.NEVER);
        history.record("g1", retired, t0);
        assertThat(history.lastSeen("g1")).containsOnly(SeenHistory.NEVER);
    }
}

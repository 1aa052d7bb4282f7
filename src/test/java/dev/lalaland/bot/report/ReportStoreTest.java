package dev.lalaland.bot.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lalaland.bot.db.Database;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report tables on a real SQLite file. */
class ReportStoreTest {
    @TempDir
    Path dir;

    static Report report(String guild, String member, String question, ReportReason reason, String note, long at) {
        return new Report(guild, member, question, "v1", reason, note, Instant.ofEpochMilli(at));
    }

    @Test
    void oneReportPerMemberPerQuestionPerServer() {
        try (Database db = Database.open(dir.resolve("r.db"))) {
            ReportStore store = new ReportStore(db);
            assertThat(store.add(report("g1", "m1", "q1", ReportReason.TYPO, null, 1))).isTrue();
            assertThat(store.add(report("g1", "m1", "q1", ReportReason.UNCLEAR, "again", 2))).isFalse();
            assertThat(store.add(report("g1", "m1", "q2", ReportReason.TYPO, null, 3))).isTrue();
            assertThat(store.add(report("g2", "m1", "q1", ReportReason.TYPO, null, 4))).isTrue();
            assertThat(store.hasReported("g1", "m1", "q1")).isTrue();
            assertThat(store.hasReported("g1", "m2", "q1")).isFalse();
            assertThat(store.mostReported("g1", 10, 2).get(0).byReason()).isEqualTo(Map.of(ReportReason.TYPO, 1));
        }
    }

    @Test
    void mostReportedFirstWithCountsByReasonAndTheLatestNotes() {
        try (Database db = Database.open(dir.resolve("r.db"))) {
            ReportStore store = new ReportStore(db);
            store.add(report("g1", "m1", "once", ReportReason.TYPO, "only", 100));
            store.add(report("g1", "m1", "thrice", ReportReason.WRONG_ANSWER, "first", 10));
            store.add(report("g1", "m2", "thrice", ReportReason.WRONG_ANSWER, null, 20));
            store.add(report("g1", "m3", "thrice", ReportReason.TWO_RIGHT_ANSWERS, "third", 30));
            store.add(report("g1", "m4", "thrice", ReportReason.UNCLEAR, "fourth", 40));
            store.add(report("g2", "m9", "elsewhere", ReportReason.TYPO, null, 50));

            List<ReportedQuestion> listed = store.mostReported("g1", 10, 2);
            assertThat(listed).extracting(ReportedQuestion::questionId).containsExactly("thrice", "once");
            ReportedQuestion top = listed.get(0);
            assertThat(top.reports()).isEqualTo(4);
            assertThat(top.byReason()).isEqualTo(Map.of(ReportReason.WRONG_ANSWER, 2,
                    ReportReason.TWO_RIGHT_ANSWERS, 1, ReportReason.UNCLEAR, 1));
            assertThat(top.latestNotes()).containsExactly("fourth", "third");
            assertThat(top.lastReported()).isEqualTo(Instant.ofEpochMilli(40));
            assertThat(store.mostReported("g1", 1, 2)).hasSize(1);
            assertThat(store.reportedQuestions("g1")).isEqualTo(2);
            assertThat(store.mostReported("g3", 10, 2)).isEmpty();
        }
    }

    @Test
    void mutesArePerServerAndSurviveReopening() {
        Path file = dir.resolve("r.db");
        try (Database db = Database.open(file)) {
            ReportStore store = new ReportStore(db);
            store.add(report("g1", "m1", "q1", ReportReason.TYPO, null, 1));
            assertThat(store.mute("g1", "q1", "admin", Instant.EPOCH)).isTrue();
            assertThat(store.mute("g1", "q1", "admin", Instant.EPOCH)).isFalse();
            assertThat(store.muted("g2")).isEmpty();
        }
        try (Database db = Database.open(file)) {
            ReportStore store = new ReportStore(db);
            assertThat(store.muted("g1")).containsExactly("q1");
            assertThat(store.mostReported("g1", 10, 2).get(0).muted()).isTrue();
            assertThat(store.hasReported("g1", "m1", "q1")).isTrue();
            assertThat(store.unmute("g1", "q1")).isTrue();
            assertThat(store.unmute("g1", "q1")).isFalse();
            assertThat(store.muted("g1")).isEmpty();
        }
    }

    @Test
    void theMutedSetInMemoryFollowsMutesAndUnmutes() {
        try (Database db = Database.open(dir.resolve("r.db"))) {
            MutedQuestions muted = new MutedQuestions(new ReportStore(db));
            assertThat(muted.in("g1")).isEmpty();
            muted.mute("g1", "q1", "admin", Instant.EPOCH);
            assertThat(muted.in("g1")).containsExactly("q1");
            assertThat(muted.in("g2")).isEmpty();
            assertThat(muted.in(null)).isEmpty();
            muted.unmute("g1", "q1");
            assertThat(muted.in("g1")).isEmpty();
            for (int i = 0; i < MutedQuestions.SERVERS_IN_MEMORY + 50; i++) {
                muted.in("g" + i);
            }
            assertThat(muted.serversHeld()).isLessThanOrEqualTo(MutedQuestions.SERVERS_IN_MEMORY);
        }
    }
}

package dev.lalaland.bot.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's readings of other tools' output (the benchmark itself is bench/run.sh, not a test). */
class BenchParsingTest {
    @TempDir
    Path dir;

    @Test
    void heapInfoOfTheSerialCollector() {
        HeapInfo heap = HeapInfo.parse("""
                12345:
                 def new generation   total 9792K, used 1226K [0x00000000f8000000, 0x00000000f8aa0000, 0x00000000faaa0000)
                  eden space 8704K,  14% used [0x00000000f8000000, 0x00000000f8132bb0, 0x00000000f8880000)
                  from space 1088K,   0% used [0x00000000f8880000, 0x00000000f8880000, 0x00000000f8990000)
                 tenured generation   total 21888K, used 1000K [0x00000000faaa0000, 0x00000000fc000000, 0x0000000100000000)
                   the space 21888K,   4% used [0x00000000faaa0000, 0x00000000faaa0000, 0x00000000faaa0200, 0x00000000fc000000)
                 Metaspace       used 25000K, committed 25300K, reserved 1114112K
                  class space    used 3000K, committed 3128K, reserved 1048576K
                """);
        assertThat(heap.usedBytes()).isEqualTo((1226 + 1000) * 1024L);
        assertThat(heap.committedBytes()).isEqualTo((9792 + 21888) * 1024L);
        assertThat(heap.metaspaceUsedBytes()).isEqualTo(25000 * 1024L);
    }

    @Test
    void heapInfoOfG1() {
        HeapInfo heap = HeapInfo.parse("""
                 garbage-first heap   total 262144K, used 20480K [0x0000000700000000, 0x0000000800000000)
                  region size 1024K, 5 young (5120K), 0 survivors (0K)
                 Metaspace       used 900K, committed 1024K, reserved 1114112K
                """);
        assertThat(heap.usedBytes()).isEqualTo(20480 * 1024L);
    }

    @Test
    void jvmFlagsComeFromTheDockerfile() throws Exception {
        Path dockerfile = dir.resolve("Dockerfile");
        Files.writeString(dockerfile, """
                FROM x
                ENV JAVA_OPTS="-XX:+UseSerialGC  -Xmx128m -XX:TieredStopAtLevel=1"
                ENTRYPOINT ["/bin/sh", "-c", "exec java $JAVA_OPTS -jar app.jar"]
                """);
        assertThat(JvmFlags.fromDockerfile(dockerfile).flags())
                .containsExactly("-XX:+UseSerialGC", "-Xmx128m", "-XX:TieredStopAtLevel=1");
        assertThat(JvmFlags.fromDockerfile(dir.resolve("missing")).flags()).contains("-XX:+UseSerialGC", "-Xmx128m");
    }

    @Test
    void importTimingLine() {
        BenchMain.ImportTimes t = BenchMain.ImportTimes.parse("load_ms=388.1 migrate_ms=426.0 import_ms=33.5 db_bytes=315392");
        assertThat(t.importMs()).isEqualTo(33.5);
        assertThat(t.dbBytes()).isEqualTo(315392);
    }

    @Test
    void aPracticeQuestionClosesAnEvenNumberOfTurnsAfterItIsAsked() {
        dev.lalaland.bot.quiz.QuizTimings quiz = dev.lalaland.bot.quiz.QuizTimings.standard();
        java.time.Duration open = quiz.practiceOpen().plus(quiz.closeGrace());
        for (java.time.Duration wanted : java.util.List.of(java.time.Duration.ofMillis(1020),
                java.time.Duration.ofMillis(187), java.time.Duration.ofSeconds(5))) {
            java.time.Duration turn = BenchMain.turn(wanted);
            long turns = Math.round((double) open.toNanos() / turn.toNanos());
            assertThat(Math.abs(turn.multipliedBy(turns).minus(open).toNanos())).as("a whole number of turns")
                    .isLessThan(1_000);
            assertThat(turns % 2).as("so it closes in one of the asking side's own turns").isZero();
            assertThat((double) turn.toNanos() / wanted.toNanos()).isBetween(0.6, 1.6);
        }
    }

    @Test
    void theQuizIsJudgedAgainstTheQuestionShapedFloorUnlessAskedOtherwise() {
        assertThat(BenchOptions.parse(new String[0]).quizAgainstQuestionFloor()).isTrue();
        assertThat(BenchOptions.parse(new String[] {"--quiz-floor", "ok"}).quizAgainstQuestionFloor()).isFalse();
        // Every floor is already question-shaped: no second run.
        assertThat(BenchOptions.parse(new String[] {"--floor-flags", "-Dfloorbot.reply=question"})
                .quizAgainstQuestionFloor()).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> BenchOptions.parse(new String[] {"--quiz-floor", "shaped"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--quiz-floor");
    }
}

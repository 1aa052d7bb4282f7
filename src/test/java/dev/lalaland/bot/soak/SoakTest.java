package dev.lalaland.bot.soak;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lalaland.bot.db.TestPostgres;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The short soak, part of {@code mvn -B verify}: the full soak's steps ({@code bench/soak.sh}) on
 * 100 servers and 4 quiz nights. Three real bot processes on one PostgreSQL database split 16
 * shards; one is killed with SIGKILL while its nights run and its daily posts go out, another is
 * restarted with SIGTERM meanwhile. Needs PostgreSQL, as the store tests do
 * ({@code -Dtest.postgres.url}); skipped with a message where there is none, a failure in CI.
 */
class SoakTest {
    @Test
    void threeProcessesThroughAKillAndARollingRestartPostOnceFinishEveryNightAndCountEveryAnswerOnce()
            throws Exception {
        String database = TestPostgres.freshSchemaUrl();
        // The bots' logs stay after the run, for when it fails.
        Path dir = Path.of("target", "soak", "short-" + Instant.now().toString().replace(':', '-'));
        SoakOptions options = SoakOptions.small(SoakOptions.javaCommand(System.getProperty("java.class.path")), dir);

        SoakResult result = Soak.run(options, database, System.out);

        System.out.print(result.report());
        assertThat(result.problems()).as("the soak's report:%n%s%nlogs in %s", result.report(), dir).isEmpty();
        assertThat(result.number("daily posts missed")).isEqualTo("0");
        assertThat(result.number("answers lost")).isEqualTo("0");
    }
}

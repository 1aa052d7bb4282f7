package dev.lalaland.bot.soak;

import dev.lalaland.bot.db.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.opentest4j.TestAbortedException;

/**
 * The full soak from the command line ({@code bench/soak.sh}): 1,000 servers and 20 quiz nights
 * by default. Options: {@code --servers N}, {@code --nights N}, {@code --questions N},
 * {@code --downtime SECONDS}, {@code --jar PATH} (the bot to run; default
 * {@code target/lalaland-bot.jar}), {@code --out DIR} (logs and the report; default
 * {@code target/soak}). PostgreSQL as for the tests: {@code -Dtest.postgres.url=...}, the
 * environment's {@code TEST_POSTGRES_URL}, or this machine's cluster through
 * {@code .ci/postgres-test-db.sh}. Exit 0 when every check held, 1 when one did not, 2 when it
 * could not run.
 */
public final class SoakMain {
    private SoakMain() {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of("target", "lalaland-bot.jar");
        Path out = Path.of("target", "soak");
        Integer servers = null;
        Integer nights = null;
        Integer questions = null;
        Duration downtime = null;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            try {
                switch (args[i]) {
                    case "--servers" -> servers = Integer.parseInt(value);
                    case "--nights" -> nights = Integer.parseInt(value);
                    case "--questions" -> questions = Integer.parseInt(value);
                    case "--downtime" -> downtime = Duration.ofSeconds(Long.parseLong(value));
                    case "--jar" -> jar = Path.of(value);
                    case "--out" -> out = Path.of(value);
                    default -> usage("unknown option " + args[i]);
                }
            } catch (NumberFormatException | NullPointerException e) {
                usage(args[i] + " needs a whole number after it");
            }
            i++;
        }
        if (!Files.isRegularFile(jar)) {
            System.err.println("error: no bot jar at " + jar + ": build it first (mvn -B -q package -DskipTests)");
            System.exit(2);
        }
        Path runDir = out.resolve("run-" + Instant.now().toString().replace(':', '-'));
        Files.createDirectories(runDir);
        SoakOptions options = SoakOptions.full(SoakOptions.jarCommand(jar), runDir);
        try {
            options = sized(options, servers, nights, questions, downtime);
        } catch (IllegalArgumentException e) {
            usage(e.getMessage());
        }
        String database;
        try {
            database = TestPostgres.freshSchemaUrl();
        } catch (TestAbortedException | IllegalStateException e) {
            System.err.println("error: the soak needs PostgreSQL: " + e.getMessage());
            System.exit(2);
            return;
        }
        SoakResult result = Soak.run(options, database, System.out);
        String report = result.report();
        System.out.print(report);
        Files.writeString(runDir.resolve("report.txt"), report);
        System.out.println("[soak] report and the bots' logs in " + runDir);
        System.exit(result.problems().isEmpty() ? 0 : 1);
    }

    private static SoakOptions sized(SoakOptions options, Integer servers, Integer nights, Integer questions,
                                     Duration downtime) {
        SoakOptions sized = options;
        if (servers != null) {
            sized = sized.withServers(servers);
        }
        if (nights != null) {
            sized = sized.withNights(nights);
        }
        if (questions != null) {
            sized = sized.withQuestions(questions);
        }
        if (downtime != null) {
            sized = sized.withDowntime(downtime);
        }
        return sized;
    }

    private static void usage(String problem) {
        System.err.println("error: " + problem + " (options: --servers N, --nights N, --questions N, "
                + "--downtime SECONDS, --jar PATH, --out DIR)");
        System.exit(2);
    }
}

package dev.lalaland.bot.soak;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The size and the timeline of a soak run.
 *
 * @param servers         servers on the fake Discord, spread evenly over the shards; each has a daily post due
 * @param nights          quiz nights started at once, spread over the processes (the killed one runs the most)
 * @param questions       questions per night
 * @param seconds         seconds per question ({@code /quiz start seconds:}, 10 at least)
 * @param shardTotal      BOT_SHARD_TOTAL
 * @param ranges          BOT_SHARDS of each process; the first is the one killed, the second the one restarted
 * @param postsDueAfter   from the start of the run to the moment every daily post is due
 * @param downtime        how long the killed process stays down before it is started again (a
 *                        supervisor's restart): long enough for another process to take its
 *                        nights over
 * @param botCommand      the command line of a bot process, before the mode ({@code java ... -jar lalaland-bot.jar})
 * @param workDir         where each process's log goes
 */
record SoakOptions(int servers, int nights, int questions, int seconds, int shardTotal, List<String> ranges,
                   Duration postsDueAfter, Duration downtime, List<String> botCommand, Path workDir) {

    /** The image's JVM flags (Dockerfile's JAVA_OPTS), so three bots fit beside each other on a small machine. */
    static final List<String> BOT_JVM_FLAGS = List.of("-XX:+UseSerialGC", "-Xms32m", "-Xmx128m",
            "-XX:MetaspaceSize=48m", "-XX:MaxMetaspaceSize=128m", "-XX:ReservedCodeCacheSize=32m",
            "-XX:TieredStopAtLevel=1", "-Xss512k", "-XX:+ExitOnOutOfMemoryError");

    static final List<String> SIXTEEN_ON_THREE = List.of("0-5", "6-10", "11-15");

    SoakOptions {
        if (ranges.size() < 3) {
            throw new IllegalArgumentException("the soak needs three processes at least: one killed, one restarted, "
                    + "one left alone");
        }
        if (servers < 1 || nights < 1 || questions < 1 || questions > 50 || seconds < 10 || seconds > 120) {
            throw new IllegalArgumentException("need at least 1 server and 1 night, 1 to 50 questions and 10 to 120 "
                    + "seconds a question");
        }
        if (nights > servers) {
            throw new IllegalArgumentException("more nights than servers");
        }
        ranges = List.copyOf(ranges);
        botCommand = List.copyOf(botCommand);
    }

    /** The full soak: 1,000 servers, 20 nights. */
    static SoakOptions full(List<String> botCommand, Path workDir) {
        return new SoakOptions(1000, 20, 6, 12, 16, SIXTEEN_ON_THREE, Duration.ofSeconds(50),
                Duration.ofSeconds(45), botCommand, workDir);
    }

    /** The short soak of {@code mvn -B verify}: the same steps on 100 servers and 4 nights. */
    static SoakOptions small(List<String> botCommand, Path workDir) {
        return new SoakOptions(100, 4, 3, 10, 16, SIXTEEN_ON_THREE, Duration.ofSeconds(35),
                Duration.ofSeconds(40), botCommand, workDir);
    }

    SoakOptions withServers(int n) {
        return new SoakOptions(n, nights, questions, seconds, shardTotal, ranges, postsDueAfter, downtime, botCommand,
                workDir);
    }

    SoakOptions withNights(int n) {
        return new SoakOptions(servers, n, questions, seconds, shardTotal, ranges, postsDueAfter, downtime,
                botCommand, workDir);
    }

    SoakOptions withQuestions(int n) {
        return new SoakOptions(servers, nights, n, seconds, shardTotal, ranges, postsDueAfter, downtime, botCommand,
                workDir);
    }

    SoakOptions withDowntime(Duration d) {
        return new SoakOptions(servers, nights, questions, seconds, shardTotal, ranges, postsDueAfter, d, botCommand,
                workDir);
    }

    /** {@code java <the image's flags> -cp <classpath> dev.lalaland.bot.Main}. */
    static List<String> javaCommand(String classpath) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(BOT_JVM_FLAGS);
        command.add("-cp");
        command.add(classpath);
        command.add("dev.lalaland.bot.Main");
        return command;
    }

    /** {@code java <the image's flags> -jar <jar>}. */
    static List<String> jarCommand(Path jar) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(BOT_JVM_FLAGS);
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        return command;
    }
}

package dev.lalaland.bot.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The benchmark's command line; every option has the default the published numbers use.
 *
 * <pre>
 * --jar PATH            the bot's jar (target/lalaland-bot.jar)
 * --test-classes PATH   the floor bot and the fake (target/test-classes)
 * --out DIR             logs, databases and results.md (target/bench)
 * --dockerfile PATH     where the image's JVM flags are read (Dockerfile)
 * --jvm-flags "..."     use these flags for both bots instead of the Dockerfile's
 * --bot-flags "..."     added for the real bot only (e.g. a JFR recording)
 * --floor-flags "..."   added for the floor bot only
 * --rate N              interactions per second in the sustained load (200)
 * --seconds N           length of each mix (30)
 * --startup-runs N      timed start-ups per bot, after a first one on an empty database (7)
 * --import-runs N       fact store imports into a fresh file (3)
 * --burst N             answer clicks in the one-second quiz burst (500)
 * --mixes a,b           only these mixes, by name or command (all)
 * --skip a,b            leave out phases: import, hotpaths, startup, load (the mixes, burst and memory), burst
 * --quiz-floor question|ok  what the quiz mix's targets are judged against: a floor that answers with a
 *                       message shaped like a practice question (an extra run of the mix, the "ok" floor's
 *                       ratio kept beside it), or the "ok" floor alone (question)
 * --isolate true|false  stop (SIGSTOP) the side not being measured during each slice of a mix, so one
 *                       side's background work (the bot closing practice questions) never runs in the
 *                       other's slices (true)
 * </pre>
 */
record BenchOptions(Path jar, Path testClasses, Path out, Path dockerfile, String jvmFlagsOverride,
                    List<String> botExtraFlags, List<String> floorExtraFlags, int rate, int seconds, int startupRuns,
                    int importRuns, int burst, List<Mix> mixes, Set<String> skipped, boolean isolate,
                    String quizFloor, String commandLine) {

    static BenchOptions parse(String[] args) {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("options are --name value; see BenchOptions: " + Arrays.toString(args));
            }
            o.put(args[i].substring(2), args[++i]);
        }
        List<Mix> mixes = Mix.all();
        if (o.containsKey("mixes")) {
            Set<String> wanted = Arrays.stream(o.get("mixes").split(",")).map(String::trim).collect(Collectors.toSet());
            mixes = mixes.stream().filter(m -> wanted.contains(m.name()) || wanted.contains(m.command())).toList();
        }
        Set<String> skipped = o.containsKey("skip")
                ? Arrays.stream(o.get("skip").split(",")).map(s -> s.trim().toLowerCase(Locale.ROOT)).collect(Collectors.toSet())
                : Set.of();
        return new BenchOptions(
                Path.of(o.getOrDefault("jar", "target/lalaland-bot.jar")),
                Path.of(o.getOrDefault("test-classes", "target/test-classes")),
                Path.of(o.getOrDefault("out", "target/bench")),
                Path.of(o.getOrDefault("dockerfile", "Dockerfile")),
                o.get("jvm-flags"),
                JvmFlags.split(o.getOrDefault("bot-flags", "")),
                JvmFlags.split(o.getOrDefault("floor-flags", "")),
                Integer.parseInt(o.getOrDefault("rate", "200")),
                Integer.parseInt(o.getOrDefault("seconds", "30")),
                Integer.parseInt(o.getOrDefault("startup-runs", "7")),
                Integer.parseInt(o.getOrDefault("import-runs", "3")),
                Integer.parseInt(o.getOrDefault("burst", "500")),
                mixes,
                skipped,
                Boolean.parseBoolean(o.getOrDefault("isolate", "true")),
                quizFloor(o.getOrDefault("quiz-floor", "question")),
                String.join(" ", args));
    }

    JvmFlags jvmFlags() {
        return jvmFlagsOverride != null
                ? JvmFlags.of(jvmFlagsOverride, "--jvm-flags")
                : JvmFlags.fromDockerfile(dockerfile);
    }

    private static String quizFloor(String value) {
        if (!value.equals("question") && !value.equals("ok")) {
            throw new IllegalArgumentException("--quiz-floor is question or ok, not " + value);
        }
        return value;
    }

    /**
     * Whether the quiz mix runs a second time against the question-shaped floor: asked for, and the
     * floor's own flags do not already make every floor question-shaped.
     */
    boolean quizAgainstQuestionFloor() {
        return quizFloor.equals("question")
                && floorExtraFlags.stream().noneMatch(f -> f.startsWith("-Dfloorbot.reply="));
    }

    boolean skip(String phase) {
        return skipped.contains(phase);
    }
}

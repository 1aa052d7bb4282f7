package dev.lalaland.bot.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Every growth measurement, one line each in {@code OUT/growth.tsv}, appended as it is taken, so
 * that runs made at different times (the long posts run apart from the rest) make one report.
 */
final class GrowthResults {
    /**
     * One start of the bot with {@code servers} servers on {@code shards} shards, its heap capped at
     * {@code maxHeapMib}.
     *
     * @param startupMillis   process start to the bot's "ready: ... N servers" line
     * @param cpuMillis       the bot's CPU time (user and system) by then: less sensitive to the
     *                        machine's load than the wall-clock time
     * @param rssReadyBytes   VmRSS once ready and the commands are registered
     * @param rssAfterGcBytes VmRSS after a full collection
     * @param heapUsedBytes   heap in use before the collection
     * @param liveHeapBytes   heap in use after it
     * @param load            the machine's 1-minute load average when ready
     */
    record Startup(int servers, int shards, int maxHeapMib, int run, long startupMillis, long cpuMillis,
                   long rssReadyBytes, long rssAfterGcBytes, long heapUsedBytes, long liveHeapBytes,
                   long metaspaceBytes, String load, String when) {
        String line() {
            return String.join("\t", "startup", str(servers), str(shards), str(maxHeapMib), str(run),
                    str(startupMillis), str(cpuMillis), str(rssReadyBytes), str(rssAfterGcBytes), str(heapUsedBytes),
                    str(liveHeapBytes), str(metaspaceBytes), load, when);
        }
    }

    /**
     * {@code servers} daily posts due in the same minute, against a global limit of {@code limitPerSecond}.
     *
     * @param lastMillis  from the due minute to the last post reaching Discord
     * @param firstMillis from the due minute to the first
     * @param refused     requests Discord answered 429 (global limit) meanwhile
     * @param rssBytes    the bot's VmRSS once all were sent
     * @param load        the machine's 1-minute load average at the end
     */
    record Posts(int servers, int shards, int maxHeapMib, int limitPerSecond, long lastMillis, long firstMillis,
                 long refused, long rssBytes, String load, String when) {
        String line() {
            return String.join("\t", "posts", str(servers), str(shards), str(maxHeapMib), str(limitPerSecond),
                    str(lastMillis), str(firstMillis), str(refused), str(rssBytes), load, when);
        }

        double ratio() {
            return GrowthMath.ratioToLimit(java.time.Duration.ofMillis(lastMillis), servers, limitPerSecond);
        }
    }

    /** The bot ran out of heap ({@code -Xmx}) with {@code servers} servers, in {@code phase}. */
    record OutOfMemory(int servers, int maxHeapMib, String phase, String when) {
        String line() {
            return String.join("\t", "oom", str(servers), str(maxHeapMib), phase, when);
        }
    }

    final List<Startup> startups = new ArrayList<>();
    final List<Posts> posts = new ArrayList<>();
    final List<OutOfMemory> outOfMemory = new ArrayList<>();

    static GrowthResults read(Path file) {
        GrowthResults results = new GrowthResults();
        if (!Files.exists(file)) {
            return results;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                results.parse(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return results;
    }

    void parse(String line) {
        if (line.isBlank() || line.startsWith("#")) {
            return;
        }
        String[] f = line.split("\t");
        switch (f[0]) {
            case "startup" -> startups.add(new Startup(i(f[1]), i(f[2]), i(f[3]), i(f[4]), l(f[5]), l(f[6]), l(f[7]),
                    l(f[8]), l(f[9]), l(f[10]), l(f[11]), f[12], f[13]));
            case "posts" -> posts.add(new Posts(i(f[1]), i(f[2]), i(f[3]), i(f[4]), l(f[5]), l(f[6]), l(f[7]), l(f[8]),
                    f[9], f[10]));
            case "oom" -> outOfMemory.add(new OutOfMemory(i(f[1]), i(f[2]), f[3], f[4]));
            default -> throw new IllegalArgumentException("not a growth line: " + line);
        }
    }

    static void append(Path file, String line) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String str(long v) {
        return String.format(Locale.ROOT, "%d", v);
    }

    private static int i(String s) {
        return Integer.parseInt(s.trim());
    }

    private static long l(String s) {
        return Long.parseLong(s.trim());
    }
}

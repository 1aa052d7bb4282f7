package dev.lalaland.bot.bench;

import dev.lalaland.bot.onthisday.PostPacer;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

/** The growth report: tables in Markdown and three PNG charts, from the lines of {@code growth.tsv}. */
final class GrowthReport {
    static final String MEMORY_CHART = "growth-memory.png";
    static final String STARTUP_CHART = "growth-startup.png";
    static final String POSTS_CHART = "growth-posts.png";
    static final int WIDTH = 800;
    static final int HEIGHT = 480;

    private static final Color MEASURED = new Color(31, 119, 180);
    private static final Color SECOND = new Color(44, 160, 44);
    private static final Color LIMIT = new Color(214, 39, 40);
    private static final double MIB = 1024.0 * 1024.0;
    /** The daily post's own pace, a third under Discord's limit to leave room for quiz nights. */
    private static final double BOT_PACE = PostPacer.DEFAULT_PER_SECOND;

    private GrowthReport() {
    }

    static void write(GrowthResults results, Path markdown, Path chartDir, String commandLine, JvmFlags flags) {
        StringBuilder md = new StringBuilder("# Growth curves\n\n");
        md.append("- command: `bench/growth.sh ").append(commandLine).append("`\n");
        md.append("- machine: ").append(Report.machine()).append("\n");
        md.append("- JVM flags of the bot: `").append(flags).append("`\n\n");
        Map<Integer, List<GrowthResults.Startup>> bySize = results.startups.stream()
                .collect(Collectors.groupingBy(GrowthResults.Startup::servers, TreeMap::new, Collectors.toList()));
        if (!bySize.isEmpty()) {
            md.append(startupTable(bySize)).append('\n');
            if (bySize.size() >= 2) {
                md.append(String.format(Locale.ROOT,
                        "Per 1,000 servers (least-squares slope of the medians): RSS after a full GC %+.1f MiB, "
                                + "live heap %+.1f MiB, start-up %+.2f s, the bot's CPU time to ready %+.2f s.%n%n",
                        slope(bySize, GrowthResults.Startup::rssAfterGcBytes) / MIB,
                        slope(bySize, GrowthResults.Startup::liveHeapBytes) / MIB,
                        slope(bySize, GrowthResults.Startup::startupMillis) / 1000,
                        slope(bySize, GrowthResults.Startup::cpuMillis) / 1000));
            }
            memoryChart(bySize).write(chartDir.resolve(MEMORY_CHART), WIDTH, HEIGHT);
            startupChart(bySize).write(chartDir.resolve(STARTUP_CHART), WIDTH, HEIGHT);
        }
        if (!results.outOfMemory.isEmpty()) {
            md.append(outOfMemoryTable(results.outOfMemory)).append('\n');
        }
        if (!results.posts.isEmpty()) {
            md.append(postsTable(results.posts)).append('\n');
            postsChart(results.posts).write(chartDir.resolve(POSTS_CHART), WIDTH, HEIGHT);
        }
        try {
            Files.createDirectories(markdown.toAbsolutePath().getParent());
            Files.writeString(markdown, md.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String startupTable(Map<Integer, List<GrowthResults.Startup>> bySize) {
        StringBuilder t = new StringBuilder(
                "| servers | shards | heap cap | runs | start-up, median (lowest-highest) | CPU to ready | RSS once ready "
                        + "| RSS after a full GC | heap in use | live heap after GC | metaspace | load (1 min) | when |\n"
                        + "|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        bySize.forEach((servers, runs) -> {
            Spread startup = spread(runs, GrowthResults.Startup::startupMillis).scaled(1 / 1000.0);
            Spread cpu = spread(runs, GrowthResults.Startup::cpuMillis).scaled(1 / 1000.0);
            t.append(String.format(Locale.ROOT,
                    "| %,d | %d | %s | %d | %.1f s (%.1f-%.1f) | %.1f s (%.1f-%.1f) | %s | %s | %s | %s | %s | %s | %s |%n",
                    servers, runs.get(0).shards(), heapCaps(runs), runs.size(), startup.median(), startup.low(),
                    startup.high(), cpu.median(), cpu.low(), cpu.high(),
                    mibSpread(spread(runs, GrowthResults.Startup::rssReadyBytes)),
                    mibSpread(spread(runs, GrowthResults.Startup::rssAfterGcBytes)),
                    mibSpread(spread(runs, GrowthResults.Startup::heapUsedBytes)),
                    mibSpread(spread(runs, GrowthResults.Startup::liveHeapBytes)),
                    mibSpread(spread(runs, GrowthResults.Startup::metaspaceBytes)),
                    runs.stream().map(GrowthResults.Startup::load).collect(Collectors.joining(", ")),
                    runs.get(runs.size() - 1).when()));
        });
        return t.toString();
    }

    private static String heapCaps(List<GrowthResults.Startup> runs) {
        return runs.stream().map(r -> "-Xmx" + r.maxHeapMib() + "m").distinct().collect(Collectors.joining(", "));
    }

    static String outOfMemoryTable(List<GrowthResults.OutOfMemory> ooms) {
        StringBuilder t = new StringBuilder("Runs the bot ended for want of heap (`-XX:+ExitOnOutOfMemoryError`), "
                + "each followed by a run with twice the cap:\n\n| servers | heap cap | phase | when |\n|---|---|---|---|\n");
        for (GrowthResults.OutOfMemory o : ooms) {
            t.append(String.format(Locale.ROOT, "| %,d | -Xmx%dm | %s | %s |%n", o.servers(), o.maxHeapMib(), o.phase(),
                    o.when()));
        }
        return t.toString();
    }

    static String postsTable(List<GrowthResults.Posts> posts) {
        StringBuilder t = new StringBuilder(
                "| posts due in the same minute | shards | heap cap | global limit | first post | last post (the measure) "
                        + "| least time the limit allows (posts / limit) | ratio | the bot's own pace (posts / 30 s) | 429s | bot's RSS after | load (1 min) at the end | when |\n"
                        + "|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (GrowthResults.Posts p : posts) {
            t.append(String.format(Locale.ROOT,
                    "| %,d | %d | -Xmx%dm | %d/s | %.1f s | %.0f s (%.1f min) | %.0f s | %.2f | %.0f s | %d | %.0f MiB | %s | %s |%n",
                    p.servers(), p.shards(), p.maxHeapMib(), p.limitPerSecond(), p.firstMillis() / 1e3,
                    p.lastMillis() / 1e3, p.lastMillis() / 60e3,
                    GrowthMath.physicalLimit(p.servers(), p.limitPerSecond()).toMillis() / 1e3, p.ratio(),
                    p.servers() / BOT_PACE, p.refused(),
                    p.rssBytes() / MIB, p.load(), p.when()));
        }
        return t.toString();
    }

    static LineChart memoryChart(Map<Integer, List<GrowthResults.Startup>> bySize) {
        List<LineChart.Point> caps = new ArrayList<>();
        bySize.forEach((servers, runs) -> caps.add(LineChart.Point.of(servers / 1000.0,
                runs.stream().mapToInt(GrowthResults.Startup::maxHeapMib).max().orElse(0))));
        return new LineChart("Memory after start-up, by servers (median, bars: lowest-highest run)",
                "servers (thousands)", "MiB")
                .add(new LineChart.Series("resident memory (RSS) after a full GC", MEASURED, false,
                        points(bySize, GrowthResults.Startup::rssAfterGcBytes, 1 / MIB, "%.0f MiB")))
                .add(new LineChart.Series("live heap after a full GC", SECOND, false,
                        points(bySize, GrowthResults.Startup::liveHeapBytes, 1 / MIB, "%.0f MiB")))
                .add(new LineChart.Series("heap cap of the run (-Xmx; the image's is 128 MiB)", LIMIT, true, caps));
    }

    static LineChart startupChart(Map<Integer, List<GrowthResults.Startup>> bySize) {
        return new LineChart("Start-up to all servers loaded, by servers (median, bars: lowest-highest run)",
                "servers (thousands)", "seconds")
                .add(new LineChart.Series("process start to every shard connected with all its servers (wall clock)", MEASURED, false,
                        points(bySize, GrowthResults.Startup::startupMillis, 1 / 1000.0, "%.1f s")))
                .add(new LineChart.Series("the bot's CPU time by then (user + system, 2 cores)", SECOND, false,
                        points(bySize, GrowthResults.Startup::cpuMillis, 1 / 1000.0, "%.1f s")));
    }

    static LineChart postsChart(List<GrowthResults.Posts> posts) {
        List<LineChart.Point> measured = new ArrayList<>();
        List<LineChart.Point> limit = new ArrayList<>(List.of(LineChart.Point.of(0, 0)));
        List<LineChart.Point> pace = new ArrayList<>(List.of(LineChart.Point.of(0, 0)));
        int perSecond = posts.get(0).limitPerSecond();
        for (GrowthResults.Posts p : posts.stream().sorted((a, b) -> Integer.compare(a.servers(), b.servers())).toList()) {
            double minutes = p.lastMillis() / 60e3;
            measured.add(new LineChart.Point(p.servers() / 1000.0, minutes, minutes, minutes,
                    String.format(Locale.ROOT, "%.1f min, %.2fx the limit", minutes, p.ratio())));
            limit.add(LineChart.Point.of(p.servers() / 1000.0,
                    GrowthMath.physicalLimit(p.servers(), p.limitPerSecond()).toMillis() / 60e3));
            pace.add(LineChart.Point.of(p.servers() / 1000.0, p.servers() / BOT_PACE / 60));
        }
        return new LineChart("Daily posts due in the same minute: due minute to last post", "posts (thousands)",
                "minutes")
                .add(new LineChart.Series("measured: the bot against a fake Discord that enforces the limit", MEASURED,
                        false, measured))
                .add(new LineChart.Series(String.format(Locale.ROOT, "the bot's own pace: posts / %.0f s (PostPacer)",
                        BOT_PACE), Color.GRAY, true, pace))
                .add(new LineChart.Series("least time Discord's global limit allows (posts / " + perSecond + " s)", LIMIT,
                        true, limit));
    }

    private static List<LineChart.Point> points(Map<Integer, List<GrowthResults.Startup>> bySize,
                                                ToLongFunction<GrowthResults.Startup> value, double factor,
                                                String label) {
        List<LineChart.Point> points = new ArrayList<>();
        bySize.forEach((servers, runs) -> {
            Spread s = spread(runs, value).scaled(factor);
            points.add(new LineChart.Point(servers / 1000.0, s.median(), s.low(), s.high(),
                    String.format(Locale.ROOT, label, s.median())));
        });
        return points;
    }

    private static Spread spread(List<GrowthResults.Startup> runs, ToLongFunction<GrowthResults.Startup> value) {
        return Spread.of(runs.stream().map(r -> (double) value.applyAsLong(r)).toList());
    }

    private static double slope(Map<Integer, List<GrowthResults.Startup>> bySize,
                                ToLongFunction<GrowthResults.Startup> value) {
        List<double[]> xy = new ArrayList<>();
        bySize.forEach((servers, runs) -> xy.add(new double[] {servers, spread(runs, value).median()}));
        return GrowthMath.slopePerThousand(xy);
    }

    private static String mibSpread(Spread bytes) {
        Spread m = bytes.scaled(1 / MIB);
        return String.format(Locale.ROOT, "%.0f MiB (%.0f-%.0f)", m.median(), m.low(), m.high());
    }

}

package dev.lalaland.bot.bench;

import static dev.lalaland.bot.bench.BenchMain.mib;

import dev.lalaland.bot.bench.BenchMain.Burst;
import dev.lalaland.bot.bench.BenchMain.ImportTimes;
import dev.lalaland.bot.bench.BenchMain.Memory;
import dev.lalaland.bot.bench.BenchMain.Run;
import dev.lalaland.bot.bench.BenchMain.StartupTimes;
import dev.lalaland.bot.testing.InteractionBurst;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Collects the results and writes them as Markdown: the floor bot's numbers, the bot's, their
 * ratio and the target, with the machine and its load so the numbers can be judged.
 */
final class Report {
    static final double P50_TARGET = 1.2;
    static final double P99_TARGET = 2.0;
    static final double STARTUP_TARGET = 1.5;
    static final double RSS_TARGET = 1.5;
    static final double RSS_CAP_MIB = 200;
    static final double BURST_P99_TARGET_MS = 250;

    /** @param questionFloor measured against the question-shaped floor, not the "ok" one */
    private record MixResult(Mix mix, Run floor, Run bot, boolean questionFloor) {
    }

    private final BenchOptions options;
    private final JvmFlags flags;
    private final StringBuilder md = new StringBuilder();
    private final List<MixResult> mixes = new ArrayList<>();
    private final List<String> skippedMixes = new ArrayList<>();
    private final List<String> misses = new ArrayList<>();
    private long startNanos;
    private String startedAt;
    private String loadAtStart;
    private List<ImportTimes> imports;
    private List<String> hotPaths;
    private StartupTimes startup;
    private long floorIdleRss;
    private long botIdleRss;
    private Burst floorBurst;
    private Burst botBurst;
    private String burstSkipped;
    private Memory floorMemory;
    private Memory botMemory;
    private Integer floorExit;
    private Integer botExit;
    private String loadAtEnd;

    Report(BenchOptions options, JvmFlags flags) {
        this.options = options;
        this.flags = flags;
    }

    void begin() {
        startNanos = System.nanoTime();
        startedAt = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
        loadAtStart = CpuMeter.load();
    }

    void imports(List<ImportTimes> runs) {
        this.imports = runs;
    }

    void hotPaths(List<String> lines) {
        this.hotPaths = lines;
    }

    void startup(StartupTimes times) {
        this.startup = times;
    }

    void idleMemory(long floorRss, long botRss) {
        this.floorIdleRss = floorRss;
        this.botIdleRss = botRss;
    }

    void mix(Mix mix, Run floor, Run bot, boolean questionFloor) {
        mixes.add(new MixResult(mix, floor, bot, questionFloor));
    }

    Run lastBotMix() {
        return mixes.get(mixes.size() - 1).bot();
    }

    void skippedMix(Mix mix, String why) {
        skippedMixes.add(mix.name() + " (" + why + ")");
    }

    void burst(Burst floor, Burst bot) {
        this.floorBurst = floor;
        this.botBurst = bot;
    }

    void skippedBurst(String why) {
        this.burstSkipped = why;
    }

    void memory(Memory floor, Memory bot) {
        this.floorMemory = floor;
        this.botMemory = bot;
    }

    void exits(int floor, int bot) {
        this.floorExit = floor;
        this.botExit = bot;
    }

    void end() {
        loadAtEnd = CpuMeter.load();
    }

    /** Writes the report and prints it; returns the file. */
    Path write(Path file) throws IOException {
        md.setLength(0);
        misses.clear();
        header();
        latency();
        burst();
        startup();
        memory();
        facts();
        handlers();
        verdict();
        Files.writeString(file, md.toString());
        System.out.println();
        System.out.println(md);
        return file;
    }

    // ---- sections ----

    private void header() {
        double minutes = (System.nanoTime() - startNanos) / 60e9;
        line("### Run of " + startedAt);
        line();
        line("- machine: " + machine() + ", " + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.runtime.version"));
        line("- load at start: " + loadAtStart + "; at end: " + loadAtEnd + "; the run took "
                + String.format("%.1f", minutes) + " min");
        line("- JVM flags, both bots: `" + flags + "` (" + flags.source() + ")"
                + (options.botExtraFlags().isEmpty() ? "" : "; bot only: `" + String.join(" ", options.botExtraFlags()) + "`")
                + (options.floorExtraFlags().isEmpty() ? "" : "; floor only: `" + String.join(" ", options.floorExtraFlags()) + "`"));
        line("- command: `bench/run.sh" + (options.commandLine().isEmpty() ? "" : " " + options.commandLine()) + "`");
        line("- slices: " + (options.isolate() ? "isolated (the side not measured is stopped with SIGSTOP)"
                : "not isolated (both sides run all the time)"));
        if (botExit != null) {
            line("- exit code on SIGTERM after the load: bot " + botExit + ", floor " + floorExit
                    + " (the floor bot leaves that to the JVM: 143)");
        }
        line();
    }

    private void latency() {
        line("#### Latency at " + options.rate() + " interactions/s, " + options.seconds()
                + " s per mix (gateway send to first callback)");
        line();
        line("| mix | floor p50 | bot p50 | p50 ratio (target <= " + P50_TARGET + ") | floor p99 | bot p99 "
                + "| p99 ratio (target <= " + P99_TARGET + ") | bot answered / late / none | CPU: bot, floor, harness, other (cores) |");
        line("|---|---|---|---|---|---|---|---|---|");
        for (MixResult m : mixes) {
            InteractionBurst.Result f = m.floor().result();
            InteractionBurst.Result b = m.bot().result();
            double p50 = ratio(ms(b.percentile(50)), ms(f.percentile(50)));
            double p99 = ratio(ms(b.percentile(99)), ms(f.percentile(99)));
            boolean allAnswered = b.answered() == b.sent();
            // A mix also run against the question-shaped floor is judged there; its "ok" row stays for reference.
            boolean reference = !m.questionFloor() && mixes.stream()
                    .anyMatch(o -> o.questionFloor() && o.mix().equals(m.mix()));
            String name = m.mix().name() + (m.questionFloor() ? ", against the question-shaped floor"
                    : reference ? ", against the \"ok\" floor (for reference, not the target)" : "");
            line("| " + name + " | " + fmtMs(f.percentile(50)) + " | " + fmtMs(b.percentile(50)) + " | "
                    + (reference ? String.format("%.2f", p50) : verdict(p50, p50 <= P50_TARGET, name + " p50"))
                    + " | " + fmtMs(f.percentile(99)) + " | " + fmtMs(b.percentile(99)) + " | "
                    + (reference ? String.format("%.2f", p99) : verdict(p99, p99 <= P99_TARGET, name + " p99")) + " | "
                    + b.answered() + "/" + b.sent() + " / " + b.refused() + " / " + b.unanswered()
                    + (allAnswered ? "" : miss(m.mix().name() + ": not every interaction answered in time")) + " | "
                    + String.format("%.2f, %.2f, %.2f, %.2f", m.bot().cpu().bot(), m.floor().cpu().bot(),
                    (m.bot().cpu().harness() + m.floor().cpu().harness()) / 2,
                    (m.bot().cpu().other() + m.floor().cpu().other()) / 2) + " |");
        }
        for (String s : skippedMixes) {
            line("| " + s + " | | | not measured | | | | | |");
        }
        line();
        line("Harness and other: mean of the floor's and the bot's run. \"late\": answered after Discord's 3 s "
                + "(refused, the user saw an error); \"none\": no answer at all. The floor answers \"ok\"; for "
                + "/quiz question the target is judged against a floor that answers with a message of the same "
                + "shape (an embed and four buttons, built for each interaction).");
        line();
    }

    private void burst() {
        line("#### Quiz burst: " + options.burst() + " answer clicks on one /quiz question within 1 s");
        line();
        if (burstSkipped != null || floorBurst == null) {
            line("Not measured: " + (burstSkipped != null ? burstSkipped : "skipped") + ".");
            line();
            return;
        }
        InteractionBurst.Result f = floorBurst.result();
        InteractionBurst.Result b = botBurst.result();
        boolean allAcked = b.answered() == options.burst() && b.refused() == 0 && b.unanswered() == 0;
        boolean allRecorded = botBurst.recorded() == options.burst() && botBurst.lockedIn() == options.burst();
        boolean p99ok = ms(b.percentile(99)) < BURST_P99_TARGET_MS;
        line("| | floor | bot | target |");
        line("|---|---|---|---|");
        line("| acknowledged in time | " + f.answered() + "/" + f.sent() + " | " + b.answered() + "/" + b.sent() + " | "
                + options.burst() + "/" + options.burst() + (allAcked ? " ok" : miss("burst: not every click acknowledged")) + " |");
        line("| \"Locked in\" replies | (acknowledges only) | " + botBurst.lockedIn() + " | " + options.burst() + " |");
        line("| answers in the bot's database | | " + botBurst.recorded() + " " + botBurst.perChoice() + " | "
                + options.burst() + (allRecorded ? " ok" : miss("burst: answers lost")) + " |");
        line("| ack p50 | " + fmtMs(f.percentile(50)) + " | " + fmtMs(b.percentile(50)) + " | |");
        line("| ack p99 | " + fmtMs(f.percentile(99)) + " | " + fmtMs(b.percentile(99)) + " | < "
                + (int) BURST_P99_TARGET_MS + " ms" + (p99ok ? " ok" : miss("burst p99")) + " |");
        line("| ack max | " + fmtMs(f.max()) + " | " + fmtMs(b.max()) + " | |");
        line("| clicks sent over | " + f.sendSpan().toMillis() + " ms | " + b.sendSpan().toMillis() + " ms | |");
        line();
    }

    private void startup() {
        line("#### Start-up: process start to ready");
        line();
        if (startup == null) {
            line("Not measured.");
            line();
            return;
        }
        Duration f = StartupTimes.median(startup.floor);
        Duration b = StartupTimes.median(startup.bot);
        double r = ratio(b.toMillis(), f.toMillis());
        line("| | floor | bot | ratio (target <= " + STARTUP_TARGET + ") |");
        line("|---|---|---|---|");
        line("| median of " + startup.floor.size() + " | " + f.toMillis() + " ms | " + b.toMillis() + " ms | "
                + verdict(r, r <= STARTUP_TARGET, "start-up") + " |");
        line("| runs | " + millis(startup.floor) + " | " + millis(startup.bot) + " | |");
        line("| first start (bot: empty database, creates the schema and imports the facts) | "
                + startup.floorFirst.toMillis() + " ms | " + startup.botFirst.toMillis() + " ms | "
                + String.format("%.2f", ratio(startup.botFirst.toMillis(), startup.floorFirst.toMillis())) + " |");
        line();
        line("Ready: the floor bot prints READY once its shard is connected; the bot logs \"ready: N commands\" "
                + "once connected with its database open and its background routines started.");
        line();
    }

    private void memory() {
        line("#### Memory");
        line();
        if (floorMemory == null) {
            line("Not measured.");
            line();
            return;
        }
        double rss = ratio(botMemory.rssAfterLoad(), floorMemory.rssAfterLoad());
        boolean rssOk = rss <= RSS_TARGET && mib(botMemory.rssAfterLoad()) < RSS_CAP_MIB;
        line("| | floor | bot | ratio | target |");
        line("|---|---|---|---|---|");
        line("| RSS after the load | " + fmtMib(floorMemory.rssAfterLoad()) + " | " + fmtMib(botMemory.rssAfterLoad())
                + " | " + String.format("%.2f", rss) + " | <= " + RSS_TARGET + "x and < " + (int) RSS_CAP_MIB + " MiB"
                + (rssOk ? " ok" : miss("RSS")) + " |");
        line("| RSS idle, just after start-up | " + fmtMib(floorIdleRss) + " | " + fmtMib(botIdleRss) + " | "
                + String.format("%.2f", ratio(botIdleRss, floorIdleRss)) + " | |");
        row("heap used after the load", floorMemory, botMemory, m -> m.heapAfterLoad().usedBytes());
        row("heap committed after the load", floorMemory, botMemory, m -> m.heapAfterLoad().committedBytes());
        row("live heap (after a full GC)", floorMemory, botMemory, m -> m.heapLive().usedBytes());
        row("metaspace", floorMemory, botMemory, m -> m.heapLive().metaspaceUsedBytes());
        row("RSS after that full GC", floorMemory, botMemory, Memory::rssAfterGc);
        line();
        line("RSS: VmRSS of /proc/PID/status; heap: jcmd PID GC.heap_info.");
        line();
    }

    private void row(String label, Memory floor, Memory bot, ToDoubleFunction<Memory> value) {
        line("| " + label + " | " + fmtMib((long) value.applyAsDouble(floor)) + " | "
                + fmtMib((long) value.applyAsDouble(bot)) + " | "
                + String.format("%.2f", ratio(value.applyAsDouble(bot), value.applyAsDouble(floor))) + " | |");
    }

    private void facts() {
        line("#### Fact store: import into a fresh SQLite file (fresh JVM, same flags)");
        line();
        if (imports == null || imports.isEmpty()) {
            line("Not measured.");
            line();
            return;
        }
        ImportTimes median = imports.stream()
                .sorted(Comparator.comparingDouble(t -> t.loadMs() + t.migrateMs() + t.importMs()))
                .toList().get(imports.size() / 2);
        line("| | read + validate the JSON files | create the schema (Flyway) | import (one transaction) | database size |");
        line("|---|---|---|---|---|");
        line(String.format("| median of %d | %.0f ms | %.0f ms | %.0f ms | %d KiB |", imports.size(), median.loadMs(),
                median.migrateMs(), median.importMs(), median.dbBytes() / 1024));
        for (ImportTimes t : imports) {
            line(String.format("| run | %.0f ms | %.0f ms | %.0f ms | %d KiB |", t.loadMs(), t.migrateMs(), t.importMs(),
                    t.dbBytes() / 1024));
        }
        line();
    }

    private void handlers() {
        line("#### The bot's own share: its handlers in process, without Discord (one thread, same flags, 2 s or 2^20 calls)");
        line();
        if (hotPaths == null || hotPaths.isEmpty()) {
            line("Not measured.");
            line();
            return;
        }
        line("| mix | calls timed | mean | p50 | p99 |");
        line("|---|---|---|---|---|");
        for (String l : hotPaths) {
            Map<String, String> kv = new HashMap<>();
            String mix = l.substring("mix=".length(), l.indexOf(" calls="));
            for (String part : l.substring(l.indexOf(" calls=") + 1).split(" ")) {
                String[] p = part.split("=", 2);
                kv.put(p[0], p[1]);
            }
            line("| " + mix + " | " + kv.get("calls") + " | " + kv.get("mean_us") + " µs | " + kv.get("p50_us")
                    + " µs | " + kv.get("p99_us") + " µs |");
        }
        line();
    }

    private void verdict() {
        if (misses.isEmpty()) {
            line("**Every target met.**");
        } else {
            line("**Targets missed:** " + String.join("; ", misses) + ".");
        }
        line();
    }

    // ---- formatting ----

    private String verdict(double ratio, boolean ok, String what) {
        return String.format("%.2f", ratio) + (ok ? " ok" : miss(what));
    }

    private String miss(String what) {
        misses.add(what);
        return " **MISSED**";
    }

    private static double ratio(double bot, double floor) {
        return floor <= 0 ? Double.NaN : bot / floor;
    }

    private static double ms(Duration d) {
        return d.toNanos() / 1e6;
    }

    private static String fmtMs(Duration d) {
        double ms = ms(d);
        return ms < 10 ? String.format("%.2f ms", ms) : String.format("%.1f ms", ms);
    }

    private static String fmtMib(long bytes) {
        return String.format("%.1f MiB", mib(bytes));
    }

    private static String millis(List<Duration> runs) {
        return String.join(", ", runs.stream().map(d -> Long.toString(d.toMillis())).toList()) + " ms";
    }

    static String machine() {
        String cpu = "";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst().orElse("");
        } catch (IOException ignored) {
            // not Linux: no model name
        }
        long memMib = -1;
        try {
            memMib = Files.readAllLines(Path.of("/proc/meminfo")).stream()
                    .filter(l -> l.startsWith("MemTotal:"))
                    .mapToLong(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024)
                    .findFirst().orElse(-1);
        } catch (IOException ignored) {
            // not Linux
        }
        return Runtime.getRuntime().availableProcessors() + " cores" + (cpu.isEmpty() ? "" : " (" + cpu + ")")
                + (memMib > 0 ? ", " + (memMib / 1024) + " GiB" : "");
    }

    private void line(String s) {
        md.append(s).append('\n');
    }

    private void line() {
        md.append('\n');
    }
}

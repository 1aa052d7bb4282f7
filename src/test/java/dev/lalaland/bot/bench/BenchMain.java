package dev.lalaland.bot.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lalaland.bot.quiz.QuizTimings;
import dev.lalaland.bot.testing.FakeDiscord;
import dev.lalaland.bot.testing.FakeGuild;
import dev.lalaland.bot.testing.FakeMessage;
import dev.lalaland.bot.testing.FloorBot;
import dev.lalaland.bot.testing.InteractionBurst;
import dev.lalaland.bot.testing.InteractionHandle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.sqlite.SQLiteConfig;

/**
 * The benchmark: the real bot against the floor bot ({@link dev.lalaland.bot.testing.FloorBot}),
 * each in a JVM of its own with the Docker image's flags, each talking to its own
 * {@link FakeDiscord} in this process. Measures start-up, latency at a sustained rate per command
 * mix, a quiz answer burst, memory after the load, and the fact store import; prints a report and
 * writes it to {@code OUT/results.md}. {@code bench/run.sh} builds what it needs and runs this.
 *
 * <p>Phases run floor, bot, floor, bot... so that a change in the machine's load hits both alike.
 */
public final class BenchMain {
    static final String QUIZ_CHANNEL = FakeGuild.QUIZ_CHANNEL_ID;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);
    /** How long after the last injection a callback may still come (Discord's own deadline is 3 s). */
    private static final Duration CALLBACK_WAIT = Duration.ofSeconds(5);
    private static final int LOAD_THREADS = 2;
    private static final int BURST_THREADS = 4;
    private static final Duration WARM_UP = Duration.ofSeconds(5);
    /** Turns the floor and the bot take in each mix. */
    private static final int SLICES = 30;
    /** Between one side's slice and the other's: to stop one, wake the other and collect the last answers. */
    private static final Duration TURN_GAP = Duration.ofMillis(20);

    private final BenchOptions options;
    private final JvmFlags flags;
    private final Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    private final Report report;

    private BenchMain(BenchOptions options) {
        this.options = options;
        this.flags = options.jvmFlags();
        this.report = new Report(options, flags);
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options = BenchOptions.parse(args);
        new BenchMain(options).run();
        System.exit(0);
    }

    private void run() throws Exception {
        Files.createDirectories(options.out());
        report.begin();
        say("machine: " + Report.machine() + "; " + CpuMeter.load());
        say("JVM flags (both bots): " + flags + "  [" + flags.source() + "]");
        if (!options.skip("import")) {
            report.imports(measureImport());
        }
        if (!options.skip("hotpaths")) {
            report.hotPaths(measureHotPaths());
        }
        if (!options.skip("startup")) {
            report.startup(measureStartup());
        }
        if (!options.skip("load")) {
            measureLoad();
        }
        report.end();
        Path written = report.write(options.out().resolve("results.md"));
        say("report written to " + written);
    }

    /** Both bots up at once, each on its own fake: the mixes, the burst, then memory. */
    private void measureLoad() throws Exception {
        try (FakeDiscord floorFake = fake(); FakeDiscord botFake = fake()) {
            BotProcess floor = startFloor(floorFake);
            BotProcess bot = startBot(botFake);
            try {
                floor.awaitReady(READY_TIMEOUT);
                bot.awaitReady(READY_TIMEOUT);
                botFake.awaitRequest("PUT", "/applications/\\d+/commands", Duration.ofSeconds(30));
                Set<String> commands = registeredCommands(botFake);
                say("bot registered: " + commands);
                report.idleMemory(floor.rssBytes(), bot.rssBytes());

                List<Mix> mixes = options.mixes().stream().filter(m -> commands.contains(m.command())).toList();
                options.mixes().stream().filter(m -> !commands.contains(m.command()))
                        .forEach(m -> report.skippedMix(m, "the bot has no /" + m.command()));
                for (Mix mix : mixes) {
                    int warmedUp = runMix(mix, floorFake, floor, botFake, bot, false);
                    if (mix.command().equals("quiz")) {
                        awaitQuizReveals(botFake, warmedUp + report.lastBotMix().answered());
                        if (options.quizAgainstQuestionFloor()) {
                            againstQuestionFloor(mix, floor, botFake, bot);
                        }
                    }
                }
                if (!options.skip("burst")) {
                    if (commands.contains("quiz")) {
                        report.burst(floorBurst(floorFake, floor), botBurst(botFake, bot));
                    } else {
                        report.skippedBurst("the bot has no /quiz");
                    }
                }
                report.memory(memory(floor), memory(bot));
            } finally {
                report.exits(stop(floor), stop(bot));
            }
        }
    }

    /**
     * {@code /quiz question} answers with an embed and four buttons, which JDA takes longer to build
     * and send than "ok": its target is met or missed against a floor that sends a message of the
     * same shape ({@link FloorBot#REPLY_PROPERTY}), in a JVM and on a fake of its own; the "ok"
     * floor's ratio stays in the report beside it. The "ok" floor is stopped meanwhile.
     */
    private void againstQuestionFloor(Mix quiz, BotProcess okFloor, FakeDiscord botFake, BotProcess bot)
            throws Exception {
        try (FakeDiscord shapedFake = fake()) {
            BotProcess shaped = startFloor(shapedFake,
                    List.of("-D" + FloorBot.REPLY_PROPERTY + "=" + FloorBot.QUESTION_REPLY), "floor-question");
            try {
                shaped.awaitReady(READY_TIMEOUT);
                okFloor.pause();
                int warmedUp = runMix(quiz, shapedFake, shaped, botFake, bot, true);
                awaitQuizReveals(botFake, warmedUp + report.lastBotMix().answered());
            } finally {
                okFloor.resume();
                stop(shaped);
            }
        }
    }

    // ---- the fact store ----

    private List<ImportTimes> measureImport() throws Exception {
        List<ImportTimes> runs = new ArrayList<>();
        for (int run = 0; run < options.importRuns(); run++) {
            Path db = options.out().resolve("import-" + run + ".db");
            deleteDatabase(db);
            List<String> command = javaCommand(List.of(), "-cp", options.jar() + ":" + options.testClasses(),
                    ImportTiming.class.getName(), db.toString());
            try (BotProcess p = BotProcess.start("import", command, Map.of(), line -> line.startsWith("load_ms="),
                    options.out().resolve("import.log"))) {
                p.awaitReady(READY_TIMEOUT);
                runs.add(ImportTimes.parse(p.lastReadyLine()));
                p.awaitExit(READY_TIMEOUT);
            }
            deleteDatabase(db);
        }
        say("fact store import: " + runs);
        return runs;
    }

    // ---- the bot's own share, in process ----

    /** {@link HotPaths} in a JVM of its own with the image's flags: one line per mix. */
    private List<String> measureHotPaths() throws Exception {
        List<String> lines = new ArrayList<>();
        Path log = options.out().resolve("hot-paths.log");
        Files.deleteIfExists(log);
        List<String> command = javaCommand(List.of(), "-cp", options.jar() + ":" + options.testClasses(),
                HotPaths.class.getName(), "2");
        try (BotProcess p = BotProcess.start("hot-paths", command, Map.of(), line -> false, log)) {
            p.awaitExit(Duration.ofMinutes(2));
        }
        for (String line : Files.readAllLines(log)) {
            if (line.startsWith("out: mix=")) {
                lines.add(line.substring("out: ".length()));
            }
        }
        say("handlers in process: " + lines);
        return lines;
    }

    // ---- start-up ----

    private StartupTimes measureStartup() throws Exception {
        Path db = botDatabase();
        deleteDatabase(db);
        StartupTimes times = new StartupTimes();
        try (FakeDiscord floorFake = fake(); FakeDiscord botFake = fake()) {
            // Run 0 is the first start ever: the bot creates its database and imports the facts.
            for (int run = 0; run <= options.startupRuns(); run++) {
                Duration f = startAndStop(() -> startFloor(floorFake), floorFake);
                Duration b = startAndStop(() -> startBot(botFake), botFake);
                if (run == 0) {
                    times.firstStart(f, b);
                } else {
                    times.add(f, b);
                }
                say(String.format("start-up run %d: floor %d ms, bot %d ms%s", run, f.toMillis(), b.toMillis(),
                        run == 0 ? " (first start: empty database)" : ""));
            }
        }
        return times;
    }

    private Duration startAndStop(Supplier<BotProcess> starter, FakeDiscord fake) throws Exception {
        try (BotProcess p = starter.get()) {
            Duration ready = p.awaitReady(READY_TIMEOUT);
            p.stop(STOP_TIMEOUT);
            fake.awaitDisconnected(Duration.ofSeconds(10));
            return ready;
        }
    }

    // ---- sustained load ----

    /**
     * One mix at the sustained rate: the floor and the bot take turns, on a fixed grid of
     * {@link #turn}s, so that a change in the machine's load in the middle of a mix hits both
     * alike. The first turns warm up and are not counted: {@link #WARM_UP} of them, because C1
     * compiles a method after some hundreds of calls, more than a short round robin over all mixes
     * gave each one; for the quiz also a practice question's whole life, so that its questions are
     * already closing (in the bot's own turns, as later) when the measurement starts. Then
     * {@link #SLICES} measured turns each. Returns the warm-up interactions the bot answered (each
     * quiz one closes and posts later).
     */
    private int runMix(Mix mix, FakeDiscord floorFake, BotProcess floor, FakeDiscord botFake, BotProcess bot,
                       boolean questionFloor) throws InterruptedException {
        reset(floorFake);
        reset(botFake);
        Duration turn = turn(Duration.ofMillis(options.seconds() * 1000L / SLICES).plus(TURN_GAP));
        Duration span = turn.minus(TURN_GAP);
        int perSlice = (int) Math.round(options.rate() * span.toNanos() / 1e9);
        Duration warmUp = mix.command().equals("quiz") ? WARM_UP.plus(practiceQuestionLife()) : WARM_UP;
        int warmUpTurns = (int) Math.ceil((double) warmUp.toNanos() / turn.toNanos());
        Run floorWarmUp = Run.NONE;
        Run botWarmUp = Run.NONE;
        Run floorRun = Run.NONE;
        Run botRun = Run.NONE;
        List<String> sliceRatios = new ArrayList<>();
        long firstTurn = System.nanoTime() + TURN_GAP.toNanos();
        for (int slice = 0; slice < warmUpTurns + SLICES; slice++) {
            int first = slice * perSlice;
            measuring(floor, bot);
            awaitTurn(firstTurn + 2L * slice * turn.toNanos());
            Run floorSlice = slice(floorFake, floor, mix, first, perSlice, span);
            measuring(bot, floor);
            awaitTurn(firstTurn + (2L * slice + 1) * turn.toNanos());
            Run botSlice = slice(botFake, bot, mix, first, perSlice, span);
            if (slice < warmUpTurns) {
                floorWarmUp = floorWarmUp.plus(floorSlice);
                botWarmUp = botWarmUp.plus(botSlice);
                continue;
            }
            sliceRatios.add(String.format("%.2f", ms(botSlice.result().percentile(50))
                    / ms(floorSlice.result().percentile(50))));
            floorRun = floorRun.plus(floorSlice);
            botRun = botRun.plus(botSlice);
        }
        floor.resume();
        say(String.format("%-20s warm-up, %d turns each: floor %s; bot %s", mix.name(), warmUpTurns,
                floorWarmUp.result(), botWarmUp.result()));
        say(String.format("%-20s p50 ratio slice by slice: %s", mix.name(), String.join(" ", sliceRatios)));
        say(String.format("%-20s floor %s; cpu %s", mix.name(), floorRun.result(), floorRun.cpu()));
        say(String.format("%-20s bot   %s; cpu %s", mix.name(), botRun.result(), botRun.cpu()));
        report.mix(mix, floorRun, botRun, questionFloor);
        return botWarmUp.result().answered();
    }

    /**
     * With {@code --isolate} (the default), the side not being measured is stopped: the bot's
     * background work (closing the practice questions it asked 20 s before, and posting their
     * answers) then runs in the bot's own slices only. Without it, that work also slowed the
     * floor's slices and flattered the quiz's ratio.
     */
    private void measuring(BotProcess measured, BotProcess other) {
        measured.resume();
        if (options.isolate()) {
            other.pause();
        }
    }

    /**
     * How long each side's turn lasts: near {@code wanted}, and such that the time a practice
     * question stays open (with its grace) is an even number of turns. A question the bot asks in
     * one of its turns then closes in a later turn of its own, at the same point in it: with
     * {@code --isolate}, its closing is spread over that turn as it would be in a real server,
     * not piled up at the start of the bot's next turn. Turns start on a fixed grid, so this
     * holds for the whole mix.
     */
    static Duration turn(Duration wanted) {
        Duration cycle = practiceQuestionLife();
        long pairs = Math.max(1, Math.round(cycle.toNanos() / (2.0 * wanted.toNanos())));
        return cycle.dividedBy(2 * pairs);
    }

    /** From asking a practice question to closing it, in the bot as shipped. */
    private static Duration practiceQuestionLife() {
        QuizTimings quiz = QuizTimings.standard();
        return quiz.practiceOpen().plus(quiz.closeGrace());
    }

    private static void awaitTurn(long startNanos) {
        long now;
        while ((now = System.nanoTime()) < startNanos) {
            LockSupport.parkNanos(startNanos - now);
        }
    }

    /** Interactions {@code first..first+count-1} of the mix, paced evenly over {@code span}. */
    private static Run slice(FakeDiscord fake, BotProcess bot, Mix mix, int first, int count, Duration span)
            throws InterruptedException {
        IntFunction<InteractionHandle> inject = mix.on(fake);
        CpuMeter cpu = CpuMeter.start(bot);
        InteractionBurst.Result r = InteractionBurst.run(count, span, LOAD_THREADS, i -> inject.apply(first + i),
                CALLBACK_WAIT);
        return new Run(r, cpu.stop());
    }

    /**
     * Every practice question of the quiz mix closes 20 s after it was asked and posts its answer
     * to its channel: the next phase starts once all of them are out, so that they load no other.
     */
    private void awaitQuizReveals(FakeDiscord botFake, int questions) {
        int[] reveals = {0};
        long start = System.nanoTime();
        // awaitRequest offers each request to the predicate once, so it can count.
        botFake.awaitRequest(r -> r.is("POST", "/channels/\\d+/messages") && ++reveals[0] >= questions,
                Duration.ofSeconds(90));
        say(String.format("all %d practice answers posted, %.1f s after the last question", questions,
                (System.nanoTime() - start) / 1e9));
    }

    // ---- the quiz burst ----

    private Burst floorBurst(FakeDiscord fake, BotProcess floor) throws InterruptedException {
        reset(fake);
        String message = "700000000000000001"; // the fake makes a stand-in message for any id
        InteractionBurst.Result r = InteractionBurst.run(options.burst(), Duration.ofSeconds(1), BURST_THREADS,
                i -> fake.button(FakeGuild.playerId(i + 1), QUIZ_CHANNEL, message, "quiz:1:" + i % 4),
                Duration.ofSeconds(10));
        say("burst floor: " + r);
        return new Burst(r, -1, -1, List.of());
    }

    private Burst botBurst(FakeDiscord fake, BotProcess bot) throws Exception {
        reset(fake);
        InteractionHandle question = fake.slash(FakeGuild.ADMIN_USER_ID, QUIZ_CHANNEL, "quiz", "question", Map.of());
        question.awaitResponse(Duration.ofSeconds(5));
        FakeMessage message = question.originalMessage().orElseThrow(
                () -> new IllegalStateException("/quiz question left no message: " + question.requests()));
        List<String> buttons = message.customIds();
        if (buttons.size() != 4) {
            throw new IllegalStateException("expected 4 answer buttons, got " + buttons);
        }
        long round = roundOf(buttons.get(0));
        InteractionBurst.Result r = InteractionBurst.run(options.burst(), Duration.ofSeconds(1), BURST_THREADS,
                i -> fake.button(FakeGuild.playerId(i + 1), QUIZ_CHANNEL, message.id(), buttons.get(i % 4)),
                Duration.ofSeconds(10));
        long lockedIn = r.handles().stream()
                .map(InteractionHandle::response)
                .filter(cb -> cb.isPresent() && cb.get().accepted())
                .map(cb -> cb.get().content())
                .filter(c -> c != null && c.startsWith("Locked in"))
                .count();
        List<Integer> perChoice = answersPerChoice(round);
        int recorded = perChoice.stream().mapToInt(Integer::intValue).sum();
        say("burst bot: " + r + "; \"Locked in\" replies " + lockedIn + "; answers in the database " + recorded
                + " " + perChoice);
        return new Burst(r, (int) lockedIn, recorded, perChoice);
    }

    private static long roundOf(String customId) {
        Matcher m = Pattern.compile("quiz:(\\d+):\\d").matcher(customId);
        if (!m.matches()) {
            throw new IllegalStateException("not a quiz answer button: " + customId);
        }
        return Long.parseLong(m.group(1));
    }

    /** Read straight from the bot's SQLite file (read-only; WAL lets it read while the bot writes). */
    private List<Integer> answersPerChoice(long round) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        List<Integer> counts = new ArrayList<>(List.of(0, 0, 0, 0));
        try (Connection c = config.createConnection("jdbc:sqlite:" + botDatabase().toAbsolutePath());
             PreparedStatement ps = c.prepareStatement(
                     "SELECT choice, COUNT(*) FROM quiz_answer WHERE round_id = ? GROUP BY choice")) {
            ps.setLong(1, round);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.set(rs.getInt(1), rs.getInt(2));
                }
            }
        }
        return counts;
    }

    // ---- memory ----

    private Memory memory(BotProcess p) {
        long rss = p.rssBytes();
        HeapInfo heap = p.heap();
        p.fullGc();
        HeapInfo live = p.heap();
        Memory m = new Memory(rss, heap, live, p.rssBytes());
        say("memory " + p.name() + ": " + m);
        return m;
    }

    private int stop(BotProcess p) throws InterruptedException {
        int code = p.stop(STOP_TIMEOUT);
        p.close();
        return code;
    }

    // ---- processes ----

    private FakeDiscord fake() {
        return FakeDiscord.builder().guild(Mix.guild()).start();
    }

    private BotProcess startFloor(FakeDiscord fake) {
        return startFloor(fake, List.of(), "floor");
    }

    private BotProcess startFloor(FakeDiscord fake, List<String> moreFlags, String name) {
        List<String> extra = new ArrayList<>(options.floorExtraFlags());
        extra.addAll(moreFlags);
        List<String> command = javaCommand(extra, "-cp", options.jar() + ":" + options.testClasses(),
                "dev.lalaland.bot.testing.FloorBot", fake.restUrl(), fake.gatewayUrl(), "bench-floor-token");
        return BotProcess.start(name, command, Map.of(), "READY"::equals, options.out().resolve(name + ".log"));
    }

    private BotProcess startBot(FakeDiscord fake) {
        List<String> command = javaCommand(options.botExtraFlags(), "-jar", options.jar().toString(), "run");
        Map<String, String> env = new HashMap<>();
        env.put("DISCORD_TOKEN", "bench-bot-token");
        env.put("DISCORD_REST_URL", fake.restUrl());
        env.put("DISCORD_GATEWAY_URL", fake.gatewayUrl());
        env.put("BOT_DATABASE", botDatabase().toString());
        env.put("BOT_HEALTH_FILE", options.out().resolve("bot-alive").toString());
        Predicate<String> ready = line -> line.contains("ready: ") && line.contains(" commands");
        return BotProcess.start("bot", command, env, ready, options.out().resolve("bot.log"));
    }

    private List<String> javaCommand(List<String> extraFlags, String... rest) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(flags.flags());
        command.addAll(extraFlags);
        command.addAll(List.of(rest));
        return command;
    }

    private Path botDatabase() {
        return options.out().resolve("bot.db");
    }

    private static void deleteDatabase(Path db) throws IOException {
        for (String suffix : List.of("", "-wal", "-shm")) {
            Files.deleteIfExists(Path.of(db + suffix));
        }
    }

    private static Set<String> registeredCommands(FakeDiscord fake) {
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode c : fake.registeredGlobalCommands()) {
            names.add(c.path("name").asText());
        }
        return names;
    }

    /** Forgets what the fake recorded, so that its bookkeeping stays small between phases. */
    private static void reset(FakeDiscord fake) {
        fake.clearRequests();
        fake.clearMessages();
        fake.forgetInteractions();
    }

    private static void say(String line) {
        System.out.println("[bench] " + line);
        System.out.flush();
    }

    // ---- results ----

    /** One side of a mix: latencies and where the CPU went. */
    record Run(InteractionBurst.Result result, CpuMeter.Use cpu) {
        static final Run NONE = new Run(
                new InteractionBurst.Result(0, new long[0], 0, 0, Duration.ZERO, List.of()), CpuMeter.Use.NONE);

        int answered() {
            return result.answered();
        }

        /** Both runs as one: all latencies, counts and CPU time added up. */
        Run plus(Run other) {
            InteractionBurst.Result a = result;
            InteractionBurst.Result b = other.result;
            long[] latencies = LongStream.concat(LongStream.of(a.latencies()), LongStream.of(b.latencies()))
                    .sorted().toArray();
            return new Run(new InteractionBurst.Result(a.sent() + b.sent(), latencies, a.refused() + b.refused(),
                    a.unanswered() + b.unanswered(), a.sendSpan().plus(b.sendSpan()), List.of()),
                    cpu.plus(other.cpu));
        }
    }

    /**
     * @param lockedIn  clicks answered "Locked in" (-1: the floor bot, which only acknowledges)
     * @param recorded  answers the bot's database holds for the question (-1: floor)
     * @param perChoice the database's answers per button
     */
    record Burst(InteractionBurst.Result result, int lockedIn, int recorded, List<Integer> perChoice) {
    }

    record Memory(long rssAfterLoad, HeapInfo heapAfterLoad, HeapInfo heapLive, long rssAfterGc) {
        @Override
        public String toString() {
            return String.format("RSS %.1f MiB, heap used %.1f MiB (live after full GC %.1f MiB, committed %.1f MiB), "
                            + "metaspace %.1f MiB", mib(rssAfterLoad), mib(heapAfterLoad.usedBytes()),
                    mib(heapLive.usedBytes()), mib(heapAfterLoad.committedBytes()), mib(heapLive.metaspaceUsedBytes()));
        }
    }

    static double mib(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }

    /** One fresh-file import, in milliseconds, and the database's size. */
    record ImportTimes(double loadMs, double migrateMs, double importMs, long dbBytes) {
        static ImportTimes parse(String line) {
            Map<String, String> kv = new HashMap<>();
            for (String part : line.trim().split("\\s+")) {
                String[] p = part.split("=", 2);
                kv.put(p[0], p[1]);
            }
            return new ImportTimes(Double.parseDouble(kv.get("load_ms")), Double.parseDouble(kv.get("migrate_ms")),
                    Double.parseDouble(kv.get("import_ms")), Long.parseLong(kv.get("db_bytes")));
        }

        @Override
        public String toString() {
            return String.format("load %.0f ms, schema %.0f ms, import %.0f ms, %d KiB", loadMs, migrateMs, importMs,
                    dbBytes / 1024);
        }
    }

    /** Process start to ready, per run. */
    static final class StartupTimes {
        final List<Duration> floor = new ArrayList<>();
        final List<Duration> bot = new ArrayList<>();
        Duration floorFirst;
        Duration botFirst;

        void firstStart(Duration f, Duration b) {
            floorFirst = f;
            botFirst = b;
        }

        void add(Duration f, Duration b) {
            floor.add(f);
            bot.add(b);
        }

        static Duration median(List<Duration> runs) {
            List<Duration> sorted = runs.stream().sorted().toList();
            int n = sorted.size();
            return n % 2 == 1 ? sorted.get(n / 2) : sorted.get(n / 2 - 1).plus(sorted.get(n / 2)).dividedBy(2);
        }
    }

    private static double ms(Duration d) {
        return d.toNanos() / 1e6;
    }
}

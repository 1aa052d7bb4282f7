package dev.lalaland.bot.bench;

import dev.lalaland.bot.testing.FakeDiscord;
import dev.lalaland.bot.testing.FakeGuild;
import dev.lalaland.bot.testing.RecordedRequest;
import dev.lalaland.bot.testing.ShardedServers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The growth curves: how the bot's cost grows with the number of servers, each point measured on
 * this machine, never estimated. {@code bench/growth.sh} builds what it needs and runs this.
 *
 * <ul>
 *   <li><b>startup</b>: for each size, the fake Discord serves that many servers on Discord's
 *       recommended number of shards (one per 1,000 servers), sending every server's GUILD_CREATE
 *       when its shard identifies; the real bot's jar starts in a JVM of its own with the Docker
 *       image's flags on a database holding the facts only. Start-up runs from the process start to
 *       the moment every shard has logged that it is connected with its servers (JDA's ReadyEvent,
 *       once every server of the shard's READY has arrived), the servers adding up to the size. Memory is read once the
 *       commands are registered: VmRSS, the heap, then a full collection and both again.</li>
 *   <li><b>posts</b>: for each size, that many servers all have their daily post due in the same
 *       minute; the fake enforces Discord's global limit (50 requests a second, 429 beyond). The
 *       time runs from that minute to the last post reaching the fake, and is compared with the
 *       least time the limit allows, posts / 50 seconds.</li>
 * </ul>
 *
 * <p>Each measurement is appended to {@code OUT/growth.tsv} as it is taken; every run ends by
 * writing {@code OUT/growth.md} and the charts from all the lines there.
 */
public final class GrowthMain {
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);
    private static final Pattern SHARD_CONNECTED =
            Pattern.compile("shard \\[(\\d+) / (\\d+)\\] connected to Discord, (\\d+) servers");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

    /**
     * <pre>
     * --phases a,b            startup, posts (both); "report" alone only redraws from OUT/growth.tsv
     * --sizes 1000,10000,...  servers for the start-up and memory curve (1000,10000,50000)
     * --runs N                starts per size (3)
     * --posts 10000,50000     servers with a post due in the same minute (10000,50000)
     * --limit N               Discord's global limit, requests a second (50)
     * --servers-per-shard N   Discord's recommendation (1000)
     * --lead-seconds N        the posts are due this long after the bot is started, at least, rounded up to
     *                         the minute: it must be up by then (60 + 3 per 1,000 servers)
     * --heap-mib N            the bot's first heap cap (-Xmx) at every size (the image's); a run that ends
     *                         for want of heap is recorded and made again with twice the cap
     * --out DIR               logs, databases, growth.tsv and growth.md (target/growth)
     * --charts DIR            where the PNG charts go (docs/images)
     * --jar, --dockerfile, --jvm-flags   as for BenchMain
     * </pre>
     */
    record Options(Set<String> phases, List<Integer> sizes, int runs, List<Integer> postSizes, int limit,
                   int serversPerShard, int heapMib, int leadSeconds, Path out, Path charts, Path jar, Path dockerfile, String jvmFlagsOverride,
                   String commandLine) {
        static Options parse(String[] args) {
            Map<String, String> o = new HashMap<>();
            for (int i = 0; i < args.length; i++) {
                if (!args[i].startsWith("--") || i + 1 >= args.length) {
                    throw new IllegalArgumentException("options are --name value; see GrowthMain.Options: "
                            + Arrays.toString(args));
                }
                o.put(args[i].substring(2), args[++i]);
            }
            return new Options(
                    Set.copyOf(Arrays.asList(o.getOrDefault("phases", "startup,posts").split(","))),
                    ints(o.getOrDefault("sizes", "1000,10000,50000")),
                    Integer.parseInt(o.getOrDefault("runs", "3")),
                    ints(o.getOrDefault("posts", "10000,50000")),
                    Integer.parseInt(o.getOrDefault("limit", "50")),
                    Integer.parseInt(o.getOrDefault("servers-per-shard", "1000")),
                    Integer.parseInt(o.getOrDefault("heap-mib", "0")),
                    Integer.parseInt(o.getOrDefault("lead-seconds", "0")),
                    Path.of(o.getOrDefault("out", "target/growth")),
                    Path.of(o.getOrDefault("charts", "docs/images")),
                    Path.of(o.getOrDefault("jar", "target/lalaland-bot.jar")),
                    Path.of(o.getOrDefault("dockerfile", "Dockerfile")),
                    o.get("jvm-flags"),
                    String.join(" ", args));
        }

        private static List<Integer> ints(String csv) {
            return Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(Integer::parseInt)
                    .toList();
        }

        JvmFlags jvmFlags() {
            return jvmFlagsOverride != null ? JvmFlags.of(jvmFlagsOverride, "--jvm-flags")
                    : JvmFlags.fromDockerfile(dockerfile);
        }
    }

    private final Options options;
    private final JvmFlags flags;
    private final Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    private final Path tsv;

    private GrowthMain(Options options) {
        this.options = options;
        this.flags = options.jvmFlags();
        this.tsv = options.out().resolve("growth.tsv");
    }

    public static void main(String[] args) throws Exception {
        new GrowthMain(Options.parse(args)).run();
        System.exit(0);
    }

    private void run() throws Exception {
        Files.createDirectories(options.out());
        say("machine: " + Report.machine() + "; " + CpuMeter.load());
        say("JVM flags: " + flags + "  [" + flags.source() + "]");
        if (options.phases().contains("startup") || options.phases().contains("posts")) {
            makeBaseDatabase();
        }
        if (options.phases().contains("startup")) {
            for (int size : options.sizes()) {
                measureStartups(size);
            }
        }
        if (options.phases().contains("posts")) {
            for (int size : options.postSizes()) {
                measurePosts(size);
            }
        }
        GrowthReport.write(GrowthResults.read(tsv), options.out().resolve("growth.md"), options.charts(),
                options.commandLine(), flags);
        System.out.print(Files.readString(options.out().resolve("growth.md")));
        say("report written to " + options.out().resolve("growth.md") + ", charts to " + options.charts());
    }

    // ---- the database every start begins from ----

    /** The first start ever (schema, facts), against one server; every measured start copies its file. */
    private void makeBaseDatabase() throws Exception {
        Path base = baseDatabase();
        if (Files.exists(base)) {
            return;
        }
        Path db = options.out().resolve("first.db");
        // Not measured; on a machine loaded far past its cores a REST call can time out and end it.
        for (int attempt = 1; ; attempt++) {
            deleteDatabase(db);
            try (FakeDiscord fake = FakeDiscord.builder().guild(FakeGuild.standard().build()).start();
                 BotProcess bot = startBot(fake, db, "first", flags.maxHeapMib())) {
                Duration ready = bot.awaitReady(Duration.ofMinutes(3));
                say("first start (schema and facts): " + ready.toMillis() + " ms");
                bot.stop(STOP_TIMEOUT);
                break;
            } catch (IllegalStateException e) {
                if (attempt == 3) {
                    throw e;
                }
                say("first start failed, again: " + e.getMessage().lines().findFirst().orElse(""));
            }
        }
        Files.copy(db, base);
    }

    private Path baseDatabase() {
        return options.out().resolve("base.db");
    }

    private Path copyOfBase(String name) throws IOException {
        Path db = options.out().resolve(name + ".db");
        deleteDatabase(db);
        Files.copy(baseDatabase(), db, StandardCopyOption.REPLACE_EXISTING);
        return db;
    }

    // ---- start-up and memory ----

    /** The heap cap each size ran with: the image's, or larger where that ran out. */
    private final Map<Integer, Integer> heapBySize = new HashMap<>();

    /** Thrown when the bot exits for want of heap ({@code -XX:+ExitOnOutOfMemoryError}). */
    private static final class OutOfHeap extends Exception {
        OutOfHeap(String message) {
            super(message);
        }
    }

    private void measureStartups(int servers) throws Exception {
        int shards = GrowthMath.recommendedShards(servers, options.serversPerShard());
        int heap = firstHeapMib();
        try (FakeDiscord fake = fakeWith(servers, shards, false)) {
            for (int run = 1; run <= options.runs(); run++) {
                try {
                    measureStartup(fake, servers, shards, heap, run);
                } catch (OutOfHeap e) {
                    GrowthResults.append(tsv, new GrowthResults.OutOfMemory(servers, heap, "startup", now()).line());
                    say(String.format("%,d servers: the bot ran out of heap with -Xmx%dm (%s); again with -Xmx%dm",
                            servers, heap, e.getMessage(), heap * 2));
                    heap *= 2;
                    if (heap > 8192) {
                        throw new IllegalStateException("out of heap even with 8 GiB", e);
                    }
                    run--;
                }
                fake.awaitDisconnected(Duration.ofSeconds(60));
                fake.clearRequests();
            }
        }
        heapBySize.put(servers, heap);
    }

    private void measureStartup(FakeDiscord fake, int servers, int shards, int heap, int run) throws Exception {
        Path db = copyOfBase("startup-" + servers);
        try (BotProcess bot = startBot(fake, db, "startup-" + servers, heap)) {
            Duration ready = awaitReady(bot, servers);
            long cpu = bot.cpuNanos();
            String load = load1();
            fake.awaitRequest("PUT", "/applications/\\d+/commands", Duration.ofSeconds(60));
            long rssReady = bot.rssBytes();
            HeapInfo used = bot.heap();
            bot.fullGc();
            HeapInfo live = bot.heap();
            long rssAfterGc = bot.rssBytes();
            GrowthResults.Startup s = new GrowthResults.Startup(servers, shards, heap, run, ready.toMillis(),
                    cpu / 1_000_000, rssReady, rssAfterGc, used.usedBytes(), live.usedBytes(),
                    live.metaspaceUsedBytes(), load, now());
            GrowthResults.append(tsv, s.line());
            say(String.format("%,d servers on %d shards, -Xmx%dm, run %d: ready in %,d ms (CPU %,d ms); RSS %.1f MiB, "
                            + "after a full GC %.1f MiB; heap %.1f MiB, live %.1f MiB; load %s", servers, shards, heap,
                    run, ready.toMillis(), cpu / 1_000_000, BenchMain.mib(rssReady), BenchMain.mib(rssAfterGc),
                    BenchMain.mib(used.usedBytes()), BenchMain.mib(live.usedBytes()), load));
            bot.stop(STOP_TIMEOUT);
        }
    }

    /** Ready with every server loaded; an exit for want of heap is an {@link OutOfHeap}. */
    private static Duration awaitReady(BotProcess bot, int servers) throws InterruptedException, OutOfHeap {
        Duration ready;
        try {
            ready = bot.awaitReady(readyTimeout(servers));
        } catch (IllegalStateException e) {
            if (String.valueOf(e.getMessage()).contains("OutOfMemoryError")) {
                throw new OutOfHeap("exited before it was ready");
            }
            throw e;
        }
        checkAllServers(bot, servers);
        return ready;
    }

    // ---- the daily posts ----

    private void measurePosts(int servers) throws Exception {
        int heap = heapBySize.getOrDefault(servers, heapMeasuredBefore(servers));
        while (true) {
            try {
                measurePosts(servers, heap);
                return;
            } catch (OutOfHeap e) {
                GrowthResults.append(tsv, new GrowthResults.OutOfMemory(servers, heap, "posts", now()).line());
                say(String.format("%,d posts: the bot ran out of heap with -Xmx%dm (%s); again with -Xmx%dm", servers,
                        heap, e.getMessage(), heap * 2));
                heap *= 2;
                if (heap > 8192) {
                    throw new IllegalStateException("out of heap even with 8 GiB", e);
                }
            }
        }
    }

    /** The largest heap cap an earlier start-up run at this size needed, else the image's. */
    private int heapMeasuredBefore(int servers) {
        return GrowthResults.read(tsv).startups.stream().filter(s -> s.servers() == servers)
                .mapToInt(GrowthResults.Startup::maxHeapMib).max().orElse(firstHeapMib());
    }

    private int firstHeapMib() {
        return options.heapMib() > 0 ? options.heapMib() : flags.maxHeapMib();
    }

    private void measurePosts(int servers, int heap) throws Exception {
        int shards = GrowthMath.recommendedShards(servers, options.serversPerShard());
        try (FakeDiscord fake = fakeWith(servers, shards, true)) {
            Path db = copyOfBase("posts-" + servers);
            // Due at a whole minute far enough ahead for the bot to be up and idle by then.
            long lead = options.leadSeconds() > 0 ? options.leadSeconds() : 60 + 3L * servers / 1000;
            Instant due = Instant.now().plus(Duration.ofSeconds(lead))
                    .truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
            configureDailyPosts(db, fake, due);
            long dueNanos = System.nanoTime() + Duration.between(Instant.now(), due).toNanos();
            say(String.format("%,d servers with a daily post due at %s (%d shards, -Xmx%dm, global limit %d/s)",
                    servers, due, shards, heap, options.limit()));
            try (BotProcess bot = startBot(fake, db, "posts-" + servers, heap)) {
                Duration ready = awaitReady(bot, servers);
                say(String.format("  ready in %,d ms, %.0f s before the posts are due", ready.toMillis(),
                        (dueNanos - System.nanoTime()) / 1e9));
                if (System.nanoTime() > dueNanos) {
                    throw new IllegalStateException("the bot was ready only after the posts were due; the measure "
                            + "would include its start-up");
                }
                Set<String> channels = new HashSet<>();
                long first = Long.MAX_VALUE;
                long last = Long.MIN_VALUE;
                long lastReport = System.nanoTime();
                // Discord's limit makes this take posts / limit seconds at least; allow 10 times that.
                Duration timeout = Duration.between(Instant.now(), due)
                        .plus(GrowthMath.physicalLimit(servers, options.limit()).multipliedBy(10));
                long deadline = System.nanoTime() + timeout.toNanos();
                int scanned = 0;
                while (channels.size() < servers) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException(channels.size() + " of " + servers + " posts after " + timeout);
                    }
                    if (!bot.alive()) {
                        if (bot.lastOutput().contains("OutOfMemoryError")) {
                            throw new OutOfHeap("exited after " + channels.size() + " posts");
                        }
                        throw new IllegalStateException("the bot exited after " + channels.size() + " posts:\n"
                                + bot.lastOutput());
                    }
                    List<RecordedRequest> all = fake.requests();
                    for (int i = scanned; i < all.size(); i++) {
                        RecordedRequest r = all.get(i);
                        if (r.is("POST", "/channels/\\d+/messages") && r.status() == 200) {
                            channels.add(r.path());
                            first = Math.min(first, r.nanoTime());
                            last = Math.max(last, r.nanoTime());
                        }
                    }
                    scanned = all.size();
                    if (System.nanoTime() - lastReport > 30_000_000_000L) {
                        lastReport = System.nanoTime();
                        say(String.format("  %,d of %,d posts, %.0f s after the due minute; 429s %d; RSS %.0f MiB; load %s",
                                channels.size(), servers, (lastReport - dueNanos) / 1e9,
                                fake.globalRateLimit().refused(), BenchMain.mib(bot.rssBytes()), load1()));
                    }
                    Thread.sleep(200);
                }
                GrowthResults.Posts p = new GrowthResults.Posts(servers, shards, heap, options.limit(),
                        Duration.ofNanos(last - dueNanos).toMillis(), Duration.ofNanos(first - dueNanos).toMillis(),
                        fake.globalRateLimit().refused(), bot.rssBytes(), load1(), now());
                GrowthResults.append(tsv, p.line());
                say(String.format("%,d posts: first %.1f s, last %.1f s after the due minute; the limit allows "
                                + "%.0f s; ratio %.2f; 429s %d; RSS %.1f MiB; load %s", servers, p.firstMillis() / 1e3,
                        p.lastMillis() / 1e3, GrowthMath.physicalLimit(servers, options.limit()).toMillis() / 1e3,
                        p.ratio(), p.refused(), BenchMain.mib(p.rssBytes()), p.load()));
                bot.stop(STOP_TIMEOUT);
            }
        }
    }

    /** Every server's daily post on, in its channel, at {@code due} (UTC), as /config onthisday leaves it. */
    private static void configureDailyPosts(Path db, FakeDiscord fake, Instant due) throws SQLException {
        ZonedDateTime at = due.atZone(ZoneOffset.UTC);
        String time = String.format("%02d:%02d", at.getHour(), at.getMinute());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath())) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO daily_post_config (guild_id, channel_id, post_time, zone, next_due_epoch,
                        next_local_date, off_reason, updated_epoch) VALUES (?, ?, ?, 'UTC', ?, ?, NULL, ?)""")) {
                for (FakeGuild g : fake.guilds()) {
                    ps.setString(1, g.id());
                    ps.setString(2, ShardedServers.channel(g.id()));
                    ps.setString(3, time);
                    ps.setLong(4, due.getEpochSecond());
                    ps.setString(5, at.toLocalDate().toString());
                    ps.setLong(6, Instant.now().getEpochSecond());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            c.commit();
        }
    }

    // ---- processes ----

    private FakeDiscord fakeWith(int servers, int shards, boolean globalLimit) throws InterruptedException {
        long start = System.nanoTime();
        FakeDiscord.Builder b = FakeDiscord.builder().shards(shards);
        ShardedServers.onEveryShard(shards, servers / shards).forEach(b::guild);
        int rest = servers - shards * (servers / shards);
        for (int i = 0; i < rest; i++) {
            b.guild(ShardedServers.server(ShardedServers.idOnShard(servers / shards, i, shards)));
        }
        if (globalLimit) {
            b.globalRateLimit(options.limit());
        }
        FakeDiscord fake = b.start();
        say(String.format("fake Discord with %,d servers on %d shards built in %d ms", fake.guilds().size(), shards,
                (System.nanoTime() - start) / 1_000_000));
        warmUp(fake);
        return fake;
    }

    /**
     * Asks the fake what the bot asks first until it answers within a second: right after building
     * 50,000 servers, on a loaded machine, its first answers took longer than JDA waits (10 s), and
     * the bot exited before the measure began.
     */
    private static void warmUp(FakeDiscord fake) throws InterruptedException {
        System.gc();
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest gateway = HttpRequest.newBuilder(
                URI.create(fake.restUrl() + "gateway/bot")).header("Authorization", "Bot warm-up").build();
        for (int i = 0; i < 50; i++) {
            long start = System.nanoTime();
            try {
                http.send(gateway, HttpResponse.BodyHandlers.discarding());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (System.nanoTime() - start < 1_000_000_000L && i >= 5) {
                return;
            }
        }
    }

    private BotProcess startBot(FakeDiscord fake, Path db, String name, int heapMib) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(heapMib == flags.maxHeapMib() ? flags.flags() : flags.withMaxHeapMib(heapMib).flags());
        command.addAll(List.of("-jar", options.jar().toString(), "run"));
        Map<String, String> env = new HashMap<>();
        env.put("DISCORD_TOKEN", "growth-bot-token");
        env.put("DISCORD_REST_URL", fake.restUrl());
        env.put("DISCORD_GATEWAY_URL", fake.gatewayUrl());
        env.put("BOT_DATABASE", db.toString());
        env.put("BOT_HEALTH_FILE", options.out().resolve(name + "-alive").toString());
        return BotProcess.start("bot", command, env, new AllShardsConnected(fake.shardCount(), fake.guilds().size()),
                options.out().resolve(name + ".log"));
    }

    /**
     * Ready: every shard has logged {@code shard [i / N] connected to Discord, M servers} (JDA's
     * ReadyEvent, fired once every server of the shard's READY has arrived) and the servers add up
     * to all of them. When that takes less than 60 s the bot's "ready: ..." line follows at once;
     * past 60 s it logs "started: ..." instead and goes on connecting, so the shards' lines are the
     * measure at every size. Fed from two threads (standard output and error).
     */
    static final class AllShardsConnected implements java.util.function.Predicate<String> {
        private final int shards;
        private final int servers;
        private final Set<Integer> connected = new HashSet<>();
        private int serversSeen;

        AllShardsConnected(int shards, int servers) {
            this.shards = shards;
            this.servers = servers;
        }

        @Override
        public synchronized boolean test(String line) {
            Matcher m = SHARD_CONNECTED.matcher(line);
            if (m.find() && Integer.parseInt(m.group(2)) == shards && connected.add(Integer.parseInt(m.group(1)))) {
                serversSeen += Integer.parseInt(m.group(3));
            }
            return connected.size() == shards && serversSeen == servers;
        }
    }

    /** The ready line (the last shard's) is only taken once all servers are counted; kept as a check. */
    private static void checkAllServers(BotProcess bot, int servers) {
        if (!SHARD_CONNECTED.matcher(bot.lastReadyLine()).find()) {
            throw new IllegalStateException("not a shard's line: " + bot.lastReadyLine());
        }
    }

    private static Duration readyTimeout(int servers) {
        return Duration.ofSeconds(120 + servers / 200);
    }

    private static void deleteDatabase(Path db) throws IOException {
        for (String suffix : List.of("", "-wal", "-shm")) {
            Files.deleteIfExists(Path.of(db + suffix));
        }
    }

    /** The machine's 1-minute load average. */
    private static String load1() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    private static String now() {
        return STAMP.format(Instant.now().atZone(ZoneOffset.UTC));
    }

    private static void say(String line) {
        System.out.println("[growth] " + line);
        System.out.flush();
    }
}

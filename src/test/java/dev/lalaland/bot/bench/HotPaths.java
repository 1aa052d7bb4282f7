package dev.lalaland.bot.bench;

import dev.lalaland.bot.Features;
import dev.lalaland.bot.command.ChannelAccess;
import dev.lalaland.bot.command.Dispatcher;
import dev.lalaland.bot.command.Invoker;
import dev.lalaland.bot.command.Outbox;
import dev.lalaland.bot.db.Database;
import dev.lalaland.bot.facts.FactFiles;
import dev.lalaland.bot.facts.FactImporter;
import dev.lalaland.bot.facts.FactStore;
import dev.lalaland.bot.testing.FakeGuild;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Collectors;

/**
 * The bot's own share of an interaction, without Discord: how long the {@link Dispatcher} takes
 * to answer each mix's requests, one thread, in a JVM started with the image's flags. What is
 * left of the latency gap to the floor bot beyond this is the hand-over to the worker pool and
 * the larger reply JDA sends. Prints one line per mix:
 * {@code mix=/cast calls=N mean_us=.. p50_us=.. p99_us=..}.
 *
 * <pre>java [flags] -cp target/lalaland-bot.jar:target/test-classes dev.lalaland.bot.bench.HotPaths [SECONDS [COMMAND]]</pre>
 */
public final class HotPaths {
    private static final int MAX_SAMPLES = 1 << 20;

    private HotPaths() {
    }

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 2;
        String only = args.length > 1 ? args[1] : null;
        Path dir = Files.createTempDirectory("hot-paths");
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1, r -> {
            Thread t = new Thread(r, "hot-paths-timer");
            t.setDaemon(true);
            return t;
        });
        try (Database database = Database.open(dir.resolve("bot.db"))) {
            Clock clock = Clock.systemUTC();
            new FactImporter(database, clock).importIfChanged(FactFiles.load(null));
            Features features = new Features(database, new FactStore(database), clock, scheduler,
                    stub(Outbox.class), stub(ChannelAccess.class));
            Dispatcher dispatcher = new Dispatcher(features.registry());
            Set<String> commands = features.registry().commands().stream()
                    .map(c -> c.spec().name()).collect(Collectors.toSet());
            for (Mix mix : Mix.all()) {
                if (commands.contains(mix.command()) && (only == null || only.equals(mix.command()))) {
                    measure(dispatcher, mix, seconds / 2); // warm-up: the JIT compiles this path
                    System.out.println("mix=" + mix.name() + " " + measure(dispatcher, mix, seconds));
                }
            }
        } finally {
            scheduler.shutdownNow();
            try (var files = Files.walk(dir)) {
                files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static String measure(Dispatcher dispatcher, Mix mix, double seconds) {
        long[] took = new long[MAX_SAMPLES];
        long end = System.nanoTime() + (long) (seconds * 1e9);
        int n = 0;
        while (System.nanoTime() < end && n < MAX_SAMPLES) {
            Mix.Ask ask = mix.ask().apply(n);
            Invoker who = new Invoker(Mix.user(n), "player", FakeGuild.DEFAULT_GUILD_ID, ask.channel(), false);
            long t0 = System.nanoTime();
            if (ask.isAutocomplete()) {
                dispatcher.autocomplete(ask.autocompleteRequest(who));
            } else {
                dispatcher.command(ask.commandRequest(who));
            }
            took[n++] = System.nanoTime() - t0;
        }
        long[] sorted = Arrays.copyOf(took, n);
        Arrays.sort(sorted);
        double mean = Arrays.stream(sorted).average().orElse(0) / 1000;
        return String.format("calls=%d mean_us=%.1f p50_us=%.1f p99_us=%.1f", n, mean,
                sorted[n / 2] / 1000.0, sorted[Math.min(n - 1, (int) Math.ceil(n * 0.99) - 1)] / 1000.0);
    }

    /** The bot's ports to Discord, answering nothing: the handlers measured here only reply. */
    @SuppressWarnings("unchecked")
    private static <T> T stub(Class<T> port) {
        return (T) Proxy.newProxyInstance(HotPaths.class.getClassLoader(), new Class<?>[] {port}, (proxy, method, args) -> {
            Class<?> type = method.getReturnType();
            if (type == CompletableFuture.class) {
                return CompletableFuture.completedFuture(null);
            }
            if (type == Optional.class) {
                return Optional.empty();
            }
            if (method.getName().equals("toString")) {
                return "stub " + port.getSimpleName();
            }
            return null;
        });
    }
}

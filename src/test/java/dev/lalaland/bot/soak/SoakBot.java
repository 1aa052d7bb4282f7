package dev.lalaland.bot.soak;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One bot process of the soak: the real main class in a JVM of its own, started, killed and
 * started again as an operator (or a supervisor such as Docker's restart policy) would. Its output
 * is appended to one log file across its lives; it is ready once it logs {@code ready:} (every
 * shard of its range connected and the commands registered).
 */
final class SoakBot implements AutoCloseable {
    private static final int TAIL_LINES = 40;
    /** Each life logs the id it leases quiz nights under. */
    private static final String INSTANCE_LINE = "quiz nights run here as instance ";

    private final String name;
    private final String shards;
    private final List<String> command;
    private final Map<String, String> env;
    private final Path dir;
    private final Writer log;
    private final Deque<String> tail = new ArrayDeque<>();
    private final List<String> instances = new java.util.concurrent.CopyOnWriteArrayList<>();
    private Process process;
    private CompletableFuture<Void> ready;
    private int lives;
    private long startedNanos;

    SoakBot(String name, String shards, List<String> command, Map<String, String> env, Path dir) {
        this.name = name;
        this.shards = shards;
        this.command = List.copyOf(command);
        this.env = Map.copyOf(env);
        this.dir = dir;
        try {
            Files.createDirectories(dir);
            this.log = Files.newBufferedWriter(dir.resolve("bot.log"), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make " + dir, e);
        }
    }

    String name() {
        return name;
    }

    /** Its BOT_SHARDS. */
    String shards() {
        return shards;
    }

    Path logFile() {
        return dir.resolve("bot.log");
    }

    /** The quiz-night owner id of each life so far, in order. */
    List<String> instances() {
        return List.copyOf(instances);
    }

    synchronized boolean alive() {
        return process != null && process.isAlive();
    }

    synchronized long pid() {
        return process.pid();
    }

    /** Starts a new life of the process; returns at once ({@link #awaitReady} waits). */
    synchronized void start() {
        if (alive()) {
            throw new IllegalStateException(name + " is already running");
        }
        lives++;
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        // Only the settings given: none of the machine's DISCORD_ or BOT_ variables.
        pb.environment().keySet().removeIf(k -> k.startsWith("DISCORD_") || k.startsWith("BOT_"));
        pb.environment().putAll(env);
        remember("---- " + name + " life " + lives + " (BOT_SHARDS=" + shards + ")");
        startedNanos = System.nanoTime();
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
        CompletableFuture<Void> readyNow = new CompletableFuture<>();
        ready = readyNow;
        Process started = process;
        pump(started.getInputStream(), "out", readyNow);
        pump(started.getErrorStream(), "err", readyNow);
        started.onExit().thenRun(() -> readyNow.completeExceptionally(new IllegalStateException(
                name + " exited with " + started.exitValue() + " before it was ready")));
    }

    /** Waits for this life's {@code ready:} line; returns the time from its start. */
    Duration awaitReady(Duration timeout) throws InterruptedException {
        CompletableFuture<Void> current;
        long started;
        synchronized (this) {
            current = ready;
            started = startedNanos;
        }
        try {
            current.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return Duration.ofNanos(System.nanoTime() - started);
        } catch (TimeoutException e) {
            throw new IllegalStateException(name + " not ready within " + timeout + "; last output:\n" + tail());
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage() + "; last output:\n" + tail(), e.getCause());
        }
    }

    /**
     * {@code kill -9}: {@link Process#destroyForcibly()} is SIGKILL on Linux, which the JVM can
     * neither catch nor clean up after. Returns the exit code, 137 (128 + 9) for a SIGKILL.
     */
    int kill() throws InterruptedException {
        Process p;
        synchronized (this) {
            p = process;
        }
        remember("---- " + name + " killed (SIGKILL)");
        p.destroyForcibly();
        p.waitFor();
        return p.exitValue();
    }

    /** SIGTERM, as {@code docker stop} sends it; waits for the exit and returns its code (SIGKILL after {@code timeout}). */
    int stop(Duration timeout) throws InterruptedException {
        Process p;
        synchronized (this) {
            p = process;
        }
        if (p == null) {
            return 0;
        }
        remember("---- " + name + " stopped (SIGTERM)");
        p.destroy();
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            remember("---- " + name + " still running " + timeout + " after SIGTERM: SIGKILL");
            p.destroyForcibly();
            p.waitFor();
        }
        return p.exitValue();
    }

    @Override
    public void close() {
        try {
            if (alive()) {
                stop(Duration.ofSeconds(15));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            synchronized (this) {
                process.destroyForcibly();
            }
        }
        synchronized (log) {
            try {
                log.close();
            } catch (IOException ignored) {
                // the log is best effort
            }
        }
    }

    private void pump(InputStream in, String stream, CompletableFuture<Void> readyNow) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (!readyNow.isDone() && line.contains(" - ready: ")) {
                        readyNow.complete(null);
                    }
                    int instance = line.indexOf(INSTANCE_LINE);
                    if (instance >= 0) {
                        instances.add(line.substring(instance + INSTANCE_LINE.length()).strip());
                    }
                    remember(stream + ": " + line);
                }
            } catch (IOException e) {
                // The pipe closes when the process ends; what it wrote before is already read.
            }
        }, name + "-" + stream);
        t.setDaemon(true);
        t.start();
    }

    private void remember(String line) {
        synchronized (log) {
            tail.addLast(line);
            if (tail.size() > TAIL_LINES) {
                tail.removeFirst();
            }
            try {
                log.write(line);
                log.write('\n');
                log.flush();
            } catch (IOException ignored) {
                // the log is best effort; the tail still says what happened
            }
        }
    }

    String tail() {
        synchronized (log) {
            return String.join("\n", tail);
        }
    }
}

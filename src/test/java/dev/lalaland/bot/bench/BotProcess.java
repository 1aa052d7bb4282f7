package dev.lalaland.bot.bench;

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
import java.util.function.Predicate;

/**
 * A bot under test in a JVM of its own. Its output goes to a log file; the first output line
 * that matches {@code readyLine} marks it ready. Memory and CPU are read from outside, the way an
 * operator would: {@code /proc/PID/status}, {@code /proc/PID/stat} and {@code jcmd}.
 */
final class BotProcess implements AutoCloseable {
    private static final int TAIL_LINES = 30;

    private final String name;
    private final Process process;
    private final long startNanos;
    private final Predicate<String> readyLine;
    private final CompletableFuture<Long> ready = new CompletableFuture<>();
    private volatile String readyLineSeen;
    private final Deque<String> tail = new ArrayDeque<>();
    private final Writer log;

    private BotProcess(String name, Process process, long startNanos, Predicate<String> readyLine, Writer log) {
        this.name = name;
        this.process = process;
        this.startNanos = startNanos;
        this.readyLine = readyLine;
        this.log = log;
    }

    /** Starts {@code command} with {@code env} added to this process's environment; output is appended to {@code logFile}. */
    static BotProcess start(String name, List<String> command, Map<String, String> env, Predicate<String> readyLine,
                            Path logFile) {
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            Writer log = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            log.write("---- " + String.join(" ", command) + "\n");
            ProcessBuilder pb = new ProcessBuilder(command);
            pb.environment().putAll(env);
            long start = System.nanoTime();
            Process process = pb.start();
            BotProcess bot = new BotProcess(name, process, start, readyLine, log);
            bot.pump(process.getInputStream(), "out");
            bot.pump(process.getErrorStream(), "err");
            process.onExit().thenRun(() -> bot.ready.completeExceptionally(
                    new IllegalStateException(name + " exited with " + process.exitValue() + " before it was ready")));
            return bot;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    /** Waits until the ready line; returns the time from process start to it. */
    Duration awaitReady(Duration timeout) throws InterruptedException {
        try {
            return Duration.ofNanos(ready.get(timeout.toNanos(), TimeUnit.NANOSECONDS) - startNanos);
        } catch (TimeoutException e) {
            throw new IllegalStateException(name + " not ready within " + timeout + "; last output:\n" + tail());
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage() + "; last output:\n" + tail(), e.getCause());
        }
    }

    /** The line that marked it ready (after {@link #awaitReady}). */
    String lastReadyLine() {
        return readyLineSeen;
    }

    /** Waits for the process to end by itself; returns its exit code. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException(name + " still running after " + timeout + "; last output:\n" + tail());
        }
        return process.exitValue();
    }

    /** Stops the whole process (SIGSTOP), so none of its threads takes the machine's time. */
    void pause() {
        signal("STOP");
    }

    /** Lets a {@link #pause}d process run again (SIGCONT). */
    void resume() {
        signal("CONT");
    }

    private void signal(String name) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(pid())).redirectErrorStream(true).start();
            if (!kill.waitFor(5, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + name + " " + pid() + " failed: "
                        + new String(kill.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted sending SIG" + name + " to " + name(), e);
        }
    }

    /** Resident set size, from {@code VmRSS} in {@code /proc/PID/status}. */
    long rssBytes() {
        try {
            return vmRssBytes(Files.readString(Path.of("/proc", Long.toString(pid()), "status")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("no VmRSS for " + name, e);
        }
    }

    /** {@code VmRSS} of a {@code /proc/PID/status} text ("VmRSS:	  131072 kB"), in bytes. */
    static long vmRssBytes(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith("VmRSS:")) {
                String[] parts = line.substring("VmRSS:".length()).trim().split("\\s+");
                if (parts.length != 2 || !parts[1].equals("kB")) {
                    throw new IllegalArgumentException("VmRSS not in kB: " + line);
                }
                return Long.parseLong(parts[0]) * 1024;
            }
        }
        throw new IllegalArgumentException("no VmRSS line");
    }

    boolean alive() {
        return process.isAlive();
    }

    /** The last lines the process wrote, for a message saying why it stopped. */
    String lastOutput() {
        return tail();
    }

    /** User plus system CPU time so far, from {@code /proc/PID/stat}. */
    long cpuNanos() {
        return CpuMeter.processCpuNanos(pid());
    }

    /** The heap as the JVM reports it ({@code jcmd PID GC.heap_info}). */
    HeapInfo heap() {
        return HeapInfo.parse(jcmd("GC.heap_info"));
    }

    /** Forces a full collection ({@code jcmd PID GC.run}), so that the heap then holds live data only. */
    void fullGc() {
        jcmd("GC.run");
    }

    String jcmd(String command) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid()), command)
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("jcmd " + command + " failed for " + name + ": " + out);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** SIGTERM, then waits for the exit (SIGKILL after {@code timeout}); returns the exit code. */
    int stop(Duration timeout) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            process.waitFor();
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        try {
            if (process.isAlive()) {
                resume(); // a stopped process would not see SIGTERM
                stop(Duration.ofSeconds(15));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        try {
            synchronized (log) {
                log.close();
            }
        } catch (IOException ignored) {
            // the log is best effort
        }
    }

    private void pump(InputStream in, String stream) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (!ready.isDone() && readyLine.test(line)) {
                        long now = System.nanoTime();
                        readyLineSeen = line;
                        ready.complete(now);
                    }
                    remember(stream + ": " + line);
                }
            } catch (IOException e) {
                // The JDK closes the pipe once the process has exited, after saving what was left
                // in it; a read under way then fails. Nothing the process wrote is lost.
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
                // the log is best effort; the tail still tells what happened
            }
        }
    }

    private String tail() {
        synchronized (log) {
            return String.join("\n", tail);
        }
    }
}

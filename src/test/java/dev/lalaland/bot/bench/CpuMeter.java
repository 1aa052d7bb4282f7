package dev.lalaland.bot.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the machine's CPU went during a phase, in cores (1.0 = one core busy all the time): the
 * bot, this harness (the fake Discord and the load generator), and everything else on the machine
 * ("other": other people's builds), from {@code /proc/stat} and {@code /proc/PID/stat}.
 */
final class CpuMeter {
    private static final long NANOS_PER_TICK = 1_000_000_000L / 100; // USER_HZ

    /** CPU time over a phase: the bot's, this harness's, everything else's, and the wall time. */
    record Use(long botNanos, long harnessNanos, long otherNanos, long wallNanos) {
        static final Use NONE = new Use(0, 0, 0, 0);

        Use plus(Use other) {
            return new Use(botNanos + other.botNanos, harnessNanos + other.harnessNanos,
                    otherNanos + other.otherNanos, wallNanos + other.wallNanos);
        }

        /** In cores: 1.0 is one core busy all the time. */
        double bot() {
            return cores(botNanos);
        }

        double harness() {
            return cores(harnessNanos);
        }

        double other() {
            return cores(otherNanos);
        }

        private double cores(long nanos) {
            return wallNanos == 0 ? 0 : (double) nanos / wallNanos;
        }

        @Override
        public String toString() {
            return String.format("bot %.2f, harness %.2f, other %.2f cores", bot(), harness(), other());
        }
    }

    private final BotProcess bot;
    private final long wallStart;
    private final long botStart;
    private final long harnessStart;
    private final long machineStart;

    private CpuMeter(BotProcess bot) {
        this.bot = bot;
        this.wallStart = System.nanoTime();
        this.botStart = bot.cpuNanos();
        this.harnessStart = processCpuNanos(ProcessHandle.current().pid());
        this.machineStart = machineBusyNanos();
    }

    static CpuMeter start(BotProcess bot) {
        return new CpuMeter(bot);
    }

    Use stop() {
        long wall = System.nanoTime() - wallStart;
        long botUsed = bot.cpuNanos() - botStart;
        long harnessUsed = processCpuNanos(ProcessHandle.current().pid()) - harnessStart;
        long machineUsed = machineBusyNanos() - machineStart;
        return new Use(botUsed, harnessUsed, Math.max(0, machineUsed - botUsed - harnessUsed), wall);
    }

    /** utime + stime of a process. */
    static long processCpuNanos(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // Fields after the command name (which may hold spaces) start after the last ')'.
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * NANOS_PER_TICK; // fields 14 and 15
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Busy time of all CPUs together: everything but idle and iowait. */
    static long machineBusyNanos() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < f.length && i <= 8; i++) { // user nice system idle iowait irq softirq steal
                if (i != 4 && i != 5) {
                    busy += Long.parseLong(f[i]);
                }
            }
            return busy * NANOS_PER_TICK;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The 1-minute load average and the number of cores, e.g. "load 1.23 (2 cores)". */
    static String load() {
        try {
            String[] avg = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return "load " + avg[0] + " " + avg[1] + " " + avg[2] + " (1/5/15 min, "
                    + Runtime.getRuntime().availableProcessors() + " cores)";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

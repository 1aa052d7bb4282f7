package dev.lalaland.bot.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * Injects many interactions from several threads, paced evenly over a time span (e.g. 500
 * button clicks in one second), and reports send-to-first-callback latencies.
 *
 * <pre>{@code
 * InteractionBurst.Result r = InteractionBurst.run(500, Duration.ofSeconds(1), 4,
 *         i -> discord.button(FakeGuild.playerId(i + 1), QUIZ, questionId, "answer:2"),
 *         Duration.ofSeconds(5));
 * assertThat(r.unanswered()).isZero();
 * assertThat(r.percentile(99)).isLessThan(Duration.ofMillis(500));
 * }</pre>
 */
public final class InteractionBurst {
    private InteractionBurst() {}

    /**
     * @param latencies  send-to-first-callback of every answered interaction, sorted
     * @param refused    answered, but the fake refused the callback (late, double ack, invalid)
     * @param unanswered no callback within the wait
     * @param sendSpan   time from the first to the last injection
     */
    public record Result(
            int sent, long[] latencies, int refused, int unanswered, Duration sendSpan, List<InteractionHandle> handles) {

        public int answered() {
            return latencies.length;
        }

        /** p in 0..100 of the answered ones; zero when none were answered. */
        public Duration percentile(double p) {
            if (latencies.length == 0) {
                return Duration.ZERO;
            }
            int index = (int) Math.ceil(p / 100.0 * latencies.length) - 1;
            return Duration.ofNanos(latencies[Math.max(0, Math.min(latencies.length - 1, index))]);
        }

        public Duration max() {
            return percentile(100);
        }

        @Override
        public String toString() {
            return String.format(
                    "sent=%d answered=%d refused=%d unanswered=%d span=%dms p50=%.2fms p95=%.2fms p99=%.2fms max=%.2fms",
                    sent, answered(), refused, unanswered, sendSpan.toMillis(),
                    ms(percentile(50)), ms(percentile(95)), ms(percentile(99)), ms(max()));
        }

        private static double ms(Duration d) {
            return d.toNanos() / 1e6;
        }
    }

    /**
     * @param inject gets the index 0..count-1 and injects one interaction (e.g. as player i+1)
     * @param wait   how long to wait for each callback after the last injection
     */
    public static Result run(int count, Duration span, int threads, IntFunction<InteractionHandle> inject, Duration wait)
            throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "interaction-burst");
            t.setDaemon(true);
            return t;
        });
        InteractionHandle[] handles = new InteractionHandle[count];
        long start = System.nanoTime() + 1_000_000; // all threads start on the same schedule
        long step = count > 1 ? span.toNanos() / (count - 1) : 0;
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                workers.add(pool.submit(() -> {
                    for (int i = first; i < count; i += threads) {
                        long due = start + i * step;
                        long now;
                        while ((now = System.nanoTime()) < due) {
                            LockSupport.parkNanos(due - now);
                        }
                        handles[i] = inject.apply(i);
                    }
                    return null;
                }));
            }
            for (Future<?> w : workers) {
                w.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("injecting failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        long sendSpan = Arrays.stream(handles).mapToLong(InteractionHandle::sentNanos).max().orElse(start)
                - Arrays.stream(handles).mapToLong(InteractionHandle::sentNanos).min().orElse(start);

        long deadline = System.nanoTime() + wait.toNanos();
        List<Long> latencies = new ArrayList<>();
        int refused = 0;
        int unanswered = 0;
        for (InteractionHandle h : handles) {
            Optional<InteractionCallback> cb = h.tryAwaitResponse(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            if (cb.isEmpty()) {
                unanswered++;
            } else if (!cb.get().accepted()) {
                refused++;
            } else {
                latencies.add(cb.get().latencyNanos());
            }
        }
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Result(count, sorted, refused, unanswered, Duration.ofNanos(sendSpan), List.of(handles));
    }
}

package dev.lalaland.bot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class GatewayPoolsTest {
    private final GatewayPools pools = new GatewayPools();

    @Test
    void aCancelledTimeoutLeavesThePoolAtOnceWithWhatItHeld() {
        ScheduledExecutorService pool = pools.provide(0);
        try {
            ScheduledFuture<?> timeout = pool.schedule(() -> { }, 10, TimeUnit.SECONDS);
            assertThat(((ScheduledThreadPoolExecutor) pool).getQueue()).hasSize(1);
            timeout.cancel(false);
            assertThat(((ScheduledThreadPoolExecutor) pool).getQueue()).isEmpty();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void eachShardHasItsOwnPoolOfDaemonThreadsShutDownWithIt() throws Exception {
        ScheduledExecutorService first = pools.provide(0);
        ScheduledExecutorService second = pools.provide(1);
        try {
            assertThat(first).isNotSameAs(second);
            assertThat(pools.shouldShutdownAutomatically(0)).isTrue();
            Thread worker = first.submit(Thread::currentThread).get(5, TimeUnit.SECONDS);
            assertThat(worker.isDaemon()).isTrue();
            assertThat(worker.getName()).isEqualTo("JDA [0] Gateway-Worker");
        } finally {
            first.shutdownNow();
            second.shutdownNow();
        }
    }
}

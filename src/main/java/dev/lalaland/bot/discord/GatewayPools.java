package dev.lalaland.bot.discord;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import net.dv8tion.jda.api.sharding.ThreadPoolProvider;

/**
 * Each shard's gateway pool, as JDA would make it (one daemon thread), except that a cancelled
 * task leaves its queue at once. JDA schedules a 10 s "not acknowledged" timeout there for every
 * interaction and cancels it when the reply goes out; its own pool keeps the cancelled task until
 * its time, and with it the interaction's hook, payload and parsed reply: at 200 interactions a
 * second, 2,000 answered interactions held for nothing. Here they are garbage once answered.
 */
public final class GatewayPools implements ThreadPoolProvider<ScheduledExecutorService> {

    @Override
    public ScheduledExecutorService provide(int shardId) {
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "JDA [" + shardId + "] Gateway-Worker");
            thread.setDaemon(true);
            return thread;
        });
        pool.setRemoveOnCancelPolicy(true);
        return pool;
    }

    /** Each shard's own pool, shut down with it. */
    @Override
    public boolean shouldShutdownAutomatically(int shardId) {
        return true;
    }
}

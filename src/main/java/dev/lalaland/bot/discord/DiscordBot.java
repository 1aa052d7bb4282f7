package dev.lalaland.bot.discord;

import dev.lalaland.bot.command.ChannelAccess;
import dev.lalaland.bot.command.CommandRegistry;
import dev.lalaland.bot.command.SlashCommand;
import dev.lalaland.bot.command.CommandSpec;
import dev.lalaland.bot.command.Dispatcher;
import dev.lalaland.bot.command.Outbox;
import dev.lalaland.bot.settings.Settings;
import dev.lalaland.bot.settings.SettingsException;
import dev.lalaland.bot.shard.ShardPlan;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.events.StatusChangeEvent;
import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import net.dv8tion.jda.api.hooks.EventListener;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.requests.RestAction;
import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.utils.ChunkingFilter;
import net.dv8tion.jda.api.utils.MemberCachePolicy;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;
import net.dv8tion.jda.api.utils.SessionController;
import net.dv8tion.jda.api.utils.messages.MessageRequest;
import org.jetbrains.annotations.NotNull;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection to Discord: a {@link ShardManager} with automatic sharding, no gateway
 * intents at all (guilds and interactions need none), no member cache, and every request sent to the configured
 * REST and gateway URLs.
 */
public final class DiscordBot implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DiscordBot.class);

    private final Settings settings;
    private volatile List<CommandSpec> commands = List.of();
    /** Notified whenever a shard connects. */
    private final Object shardConnected = new Object();
    private final AtomicBoolean registered = new AtomicBoolean();
    private volatile ShardManager shards;
    private final JdaMessages messages = new JdaMessages();
    private final FixedGatewaySessionController sessions;

    public DiscordBot(Settings settings) {
        this.settings = settings;
        this.sessions = new FixedGatewaySessionController(settings.gatewayUrl().toString());
        // Nothing the bot sends may ping anyone: text comes from users and data files.
        MessageRequest.setDefaultMentions(EnumSet.noneOf(Message.MentionType.class));
        MessageRequest.setDefaultMentionRepliedUser(false);
    }

    /** Posting through this bot; usable once {@link #start} has been called. */
    public Outbox outbox() {
        return new JdaOutbox(this::shards, messages);
    }

    public ChannelAccess channelAccess() {
        return new JdaChannelAccess(this::shards);
    }

    /**
     * Starts connecting and returns at once. The commands may come later: connecting takes
     * network round trips, so the caller opens the database meanwhile and completes
     * {@code registry} when the features are built. Commands are registered, and interactions
     * answered (on {@code workers}), once it is complete.
     */
    public void start(CompletableFuture<CommandRegistry> registry, ExecutorService workers, Clock clock) {
        CompletableFuture<Dispatcher> dispatcher = registry.thenApply(r -> {
            commands = r.commands().stream().map(SlashCommand::spec).toList();
            return new Dispatcher(r);
        });
        // JDA records a stack trace for every request so a failure can say where it was queued;
        // its docs warn of the cost, and the benchmark found it on every reply. Our
        // failure handlers log only the error's message, so the trace would never be read.
        RestAction.setPassContext(false);
        DefaultShardManagerBuilder builder = DefaultShardManagerBuilder
                .createLight(settings.requireToken(), EnumSet.noneOf(GatewayIntent.class))
                .setRestConfig(new RestConfig().setBaseUrl(settings.restUrl().toString()))
                .setSessionController(sessions)
                .setMemberCachePolicy(MemberCachePolicy.NONE)
                .setChunkingFilter(ChunkingFilter.NONE)
                .setEnableShutdownHook(false)
                .setGatewayPoolProvider(new GatewayPools())
                .addEventListeners(new InteractionRouter(dispatcher, workers, clock, messages),
                        new ReadyListener(dispatcher));
        // JDA identifies the shards through the session controller in buckets of Discord's
        // max_concurrency (shard id % max_concurrency), each bucket one shard per 5 s, in order.
        ShardPlan plan = settings.shards();
        plan.total().ifPresent(builder::setShardsTotal);
        plan.ids().ifPresent(ids -> builder.setShards(ids));
        if (plan.partial()) {
            log.info("running shards {}", plan);
            String devGuild = settings.devGuild();
            if (devGuild != null && !plan.runsServer(devGuild)) {
                log.info("BOT_DEV_GUILD {} is on shard {}, which another process runs: that one registers the "
                        + "commands", devGuild, ShardPlan.shardOf(devGuild, plan.total().getAsInt()));
            }
        }
        try {
            shards = builder.build();
        } catch (InvalidTokenException e) {
            throw new TokenRefusedException(e);
        } catch (RuntimeException e) {
            throw notStarted(e);
        }
    }

    /**
     * Building asks Discord's REST API how many shards to run, so a REST URL that leads nowhere,
     * or to something that is not Discord's API, fails here: said in one line, naming the setting.
     */
    private RuntimeException notStarted(RuntimeException e) {
        String url = settings.restUrl().toString();
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException io) {
                return new DiscordUnreachableException("cannot reach Discord at DISCORD_REST_URL " + url + ": "
                        + io.getMessage() + " (check the URL and the network)", e);
            }
        }
        String message = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
        return new SettingsException("DISCORD_REST_URL " + url + " did not answer as Discord's API does (" + message
                + "); Discord's is https://discord.com/api/v10/");
    }

    public boolean awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (shardConnected) {
            while (!connected()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                // Also looks again now and then: a shard can connect in the moment before the
                // shard manager lists it, and then its notice finds one shard missing.
                TimeUnit.NANOSECONDS.timedWait(shardConnected, Math.min(left, TimeUnit.MILLISECONDS.toNanos(100)));
            }
            return true;
        }
    }

    /** True while every shard this process runs is built and has a live gateway connection. */
    public boolean connected() {
        ShardManager current = shards;
        if (current == null) {
            return false;
        }
        int expected = settings.shards().ids().map(List::size).orElseGet(current::getShardsTotal);
        List<JDA> running = current.getShards();
        return running.size() == expected && running.stream().allMatch(s -> s.getStatus() == JDA.Status.CONNECTED);
    }

    /** The servers on this process's shards, as far as they have arrived. */
    public int serverCount() {
        ShardManager current = shards;
        return current == null ? 0 : current.getShards().stream().mapToInt(s -> (int) s.getGuildCache().size()).sum();
    }

    ShardManager shards() {
        ShardManager current = shards;
        if (current == null) {
            throw new IllegalStateException("not connected yet");
        }
        return current;
    }

    @Override
    public void close() {
        ShardManager current = shards;
        if (current == null) {
            return;
        }
        sessions.closing();
        current.shutdown();
        // one deadline for all shards, so many shards still stop within docker's grace period
        long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        for (JDA shard : current.getShards()) {
            try {
                long left = Math.max(0, deadline - System.nanoTime());
                if (!shard.awaitShutdown(Duration.ofNanos(left))) {
                    shard.shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                shard.shutdownNow();
            }
        }
    }

    /** A plain {@link EventListener}, like {@link InteractionRouter}: it sees every event too. */
    private final class ReadyListener implements EventListener {
        private final CompletableFuture<?> commandsKnown;

        ReadyListener(CompletableFuture<?> commandsKnown) {
            this.commandsKnown = commandsKnown;
        }

        @Override
        public void onEvent(@NotNull GenericEvent event) {
            if (event instanceof ReadyEvent readyEvent) {
                onReady(readyEvent);
            } else if (event instanceof StatusChangeEvent change && change.getNewStatus() == JDA.Status.CONNECTED) {
                synchronized (shardConnected) {
                    shardConnected.notifyAll();
                }
            }
        }

        private void onReady(ReadyEvent event) {
            JDA shard = event.getJDA();
            if (registersCommands(shard) && registered.compareAndSet(false, true)) {
                commandsKnown.thenRun(() -> registerCommands(shard));
            }
            log.info("shard {} connected to Discord, {} servers", shard.getShardInfo().getShardString(),
                    event.getGuildTotalCount());
        }

        /**
         * Global commands: the first shard to connect registers them, in every process (the same
         * set each time, which Discord takes as no change). A dev server's commands: the shard
         * that has the server, so the process that runs it.
         */
        private boolean registersCommands(JDA shard) {
            String devGuild = settings.devGuild();
            JDA.ShardInfo info = shard.getShardInfo();
            return devGuild == null || ShardPlan.shardOf(devGuild, info.getShardTotal()) == info.getShardId();
        }

        private void registerCommands(JDA jda) {
            var definitions = CommandDefinitions.of(commands);
            String devGuild = settings.devGuild();
            if (devGuild == null) {
                jda.updateCommands().addCommands(definitions).queue(
                        ok -> log.info("registered {} global commands", ok.size()),
                        e -> log.error("registering commands failed: {}", e.getMessage()));
                return;
            }
            Guild guild = jda.getGuildById(devGuild);
            if (guild == null) {
                log.error("BOT_DEV_GUILD {} is not a server this bot is in; commands not registered", devGuild);
                return;
            }
            guild.updateCommands().addCommands(definitions).queue(
                    ok -> log.info("registered {} commands on server {}", ok.size(), devGuild),
                    e -> log.error("registering commands failed: {}", e.getMessage()));
        }
    }

    /**
     * Sends every gateway connection, including resumes, to the configured URL; and lets a shard
     * that is shut down while waiting to connect (start-up failed meanwhile: bad data, a broken
     * database) give up quietly, where JDA would print a {@code RejectedExecutionException} with
     * its stack trace under the admin's one-line error.
     */
    private static final class FixedGatewaySessionController extends ConcurrentSessionController {
        private final String gateway;
        /** Each queued connection's stand-in, so that JDA can still take it off the queue. */
        private final Map<SessionConnectNode, SessionConnectNode> queued = new ConcurrentHashMap<>();
        private volatile boolean closing;

        FixedGatewaySessionController(String gateway) {
            this.gateway = gateway;
        }

        @Override
        public void appendSession(@NotNull SessionConnectNode node) {
            SessionConnectNode standIn = new QuietWhenShutDown(node, () -> closing, () -> queued.remove(node));
            queued.put(node, standIn);
            super.appendSession(standIn);
        }

        @Override
        public void removeSession(@NotNull SessionConnectNode node) {
            SessionConnectNode standIn = queued.remove(node);
            super.removeSession(standIn != null ? standIn : node);
        }

        /** The bot is shutting its shards down: a connection still queued is no longer wanted. */
        void closing() {
            closing = true;
        }

        @NotNull
        @Override
        public String getGateway() {
            return gateway;
        }

        @NotNull
        @Override
        public ShardedGateway getShardedGateway(@NotNull JDA api) {
            ShardedGateway fromDiscord = super.getShardedGateway(api);
            return new ShardedGateway(gateway, fromDiscord.getShardTotal(), fromDiscord.getConcurrency());
        }
    }

    /**
     * A queued connection that, once the bot is shutting down, gives up quietly when JDA refuses
     * to connect a shard it has shut down. (JDA marks the shard as connecting before it checks,
     * so the shard's status cannot tell.) Equal only to itself, as JDA's queue expects.
     */
    static final class QuietWhenShutDown implements SessionController.SessionConnectNode {
        private final SessionController.SessionConnectNode node;
        private final BooleanSupplier closing;
        private final Runnable whenDone;

        QuietWhenShutDown(SessionController.SessionConnectNode node, BooleanSupplier closing, Runnable whenDone) {
            this.node = node;
            this.closing = closing;
            this.whenDone = whenDone;
        }

        @Override
        public boolean isReconnect() {
            return node.isReconnect();
        }

        @NotNull
        @Override
        public JDA getJDA() {
            return node.getJDA();
        }

        @NotNull
        @Override
        public JDA.ShardInfo getShardInfo() {
            return node.getShardInfo();
        }

        /** Other failures are JDA's to handle: it queues the connection again. */
        @Override
        public void run(boolean isLast) throws InterruptedException {
            try {
                node.run(isLast);
            } catch (RejectedExecutionException e) {
                if (!closing.getAsBoolean()) {
                    throw e;
                }
                log.debug("shard {} was shut down before it connected", node.getShardInfo().getShardString());
            }
            whenDone.run();
        }
    }
}

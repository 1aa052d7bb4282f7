package dev.lalaland.bot.discord;

import dev.lalaland.bot.command.ChannelAccess;
import dev.lalaland.bot.command.CommandRegistry;
import dev.lalaland.bot.command.SlashCommand;
import dev.lalaland.bot.command.CommandSpec;
import dev.lalaland.bot.command.Dispatcher;
import dev.lalaland.bot.command.Outbox;
import dev.lalaland.bot.settings.Settings;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.hooks.EventListener;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.requests.RestAction;
import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.utils.ChunkingFilter;
import net.dv8tion.jda.api.utils.MemberCachePolicy;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;
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
    private final CountDownLatch ready = new CountDownLatch(1);
    private final AtomicBoolean registered = new AtomicBoolean();
    private volatile ShardManager shards;
    private final JdaMessages messages = new JdaMessages();

    public DiscordBot(Settings settings) {
        this.settings = settings;
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
        String gateway = settings.gatewayUrl().toString();
        // JDA records a stack trace for every request so a failure can say where it was queued;
        // its docs warn of the cost, and the benchmark found it on every reply (issue 6). Our
        // failure handlers log only the error's message, so the trace would never be read.
        RestAction.setPassContext(false);
        shards = DefaultShardManagerBuilder.createLight(settings.requireToken(), EnumSet.noneOf(GatewayIntent.class))
                .setRestConfig(new RestConfig().setBaseUrl(settings.restUrl().toString()))
                .setSessionController(new FixedGatewaySessionController(gateway))
                .setMemberCachePolicy(MemberCachePolicy.NONE)
                .setChunkingFilter(ChunkingFilter.NONE)
                .setEnableShutdownHook(false)
                .setGatewayPoolProvider(new GatewayPools())
                .addEventListeners(new InteractionRouter(dispatcher, workers, clock, messages), new ReadyListener(dispatcher))
                .build();
    }

    public boolean awaitReady(Duration timeout) throws InterruptedException {
        return ready.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** True while every shard has a live gateway connection. */
    public boolean connected() {
        ShardManager current = shards;
        return current != null && !current.getShards().isEmpty()
                && current.getShards().stream().allMatch(s -> s.getStatus() == JDA.Status.CONNECTED);
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
            }
        }

        private void onReady(ReadyEvent event) {
            if (registered.compareAndSet(false, true)) {
                commandsKnown.thenRun(() -> registerCommands(event.getJDA()));
            }
            ShardManager current = shards;
            if (current != null && current.getShards().stream().allMatch(s -> s.getStatus() == JDA.Status.CONNECTED
                    || s == event.getJDA())) {
                ready.countDown();
            }
            log.info("shard {} connected to Discord, {} servers", event.getJDA().getShardInfo().getShardString(),
                    event.getGuildTotalCount());
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

    /** Sends every gateway connection, including resumes, to the configured URL. */
    private static final class FixedGatewaySessionController extends ConcurrentSessionController {
        private final String gateway;

        FixedGatewaySessionController(String gateway) {
            this.gateway = gateway;
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
}

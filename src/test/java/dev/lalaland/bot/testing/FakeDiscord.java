package dev.lalaland.bot.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;
import net.dv8tion.jda.api.Permission;

/**
 * A Discord stand-in on 127.0.0.1 that an unmodified JDA 6.5.0 connects to: REST (JDK
 * HttpServer) and gateway (Java-WebSocket). Tests inject interactions as users and inspect
 * everything the bot did over REST.
 *
 * <pre>{@code
 * try (FakeDiscord discord = FakeDiscord.start()) {
 *     JDA jda = JDABuilder.createLight("token")
 *             .setRestConfig(new RestConfig().setBaseUrl(discord.restUrl()))
 *             .setSessionController(new SessionControllerAdapter() {
 *                 public String getGateway() { return discord.gatewayUrl(); }
 *             })
 *             .build().awaitReady();
 *     InteractionHandle h = discord.slash(FakeGuild.BOB_USER_ID, FakeGuild.QUIZ_CHANNEL_ID,
 *             "quiz", "start", Map.of("rounds", 5));
 *     assertThat(h.awaitResponse(Duration.ofSeconds(3)).content()).contains("Question 1");
 * }
 * }</pre>
 *
 * <p>Waiting methods ({@code await...}) block on a condition until a deadline and throw
 * {@link AssertionError} with the recent requests when it passes.
 *
 * <p>Discord rules the fake enforces like the real one: interaction callbacks after 3 s are
 * refused with 404/10062; a second acknowledgement gets 400/40060; expired tokens 401/50027;
 * the bot's channel permissions are checked for channel messages (403 50001/50013); message
 * and autocomplete limits give 400/50035. It never answers 429 unless a test asks for it (a
 * failure injected, or {@link Builder#globalRateLimit}), and then with a {@code Via} header
 * (without one JDA assumes a Cloudflare ban and stalls all routes).
 */
public final class FakeDiscord implements AutoCloseable {
    public static final String DEFAULT_BOT_ID = "100000000000000001";
    public static final String DEFAULT_BOT_NAME = "testbot";

    private final FakeGuild.User botUser;
    private final Map<String, FakeGuild> guilds = new LinkedHashMap<>();
    private final int shards;
    private final String expectedToken;
    private final Duration interactionDeadline;
    private final boolean enforcePermissions;
    private final GlobalRateLimit globalRateLimit;
    /** Channels never move between guilds, so the guild of a channel is found once. */
    private final Map<String, FakeGuild> guildsByChannel = new ConcurrentHashMap<>();

    private final HttpServer http;
    private final ExecutorService httpPool;
    private final FakeGateway gateway;
    private final IdentifyLimit identifyLimit;
    private final FakeRest rest;

    private final Object monitor = new Object();
    private final List<RecordedRequest> requests = new ArrayList<>();
    private final MessageStore messages;
    private final Map<String, InteractionHandle> interactionsById = new ConcurrentHashMap<>();
    private final Map<String, InteractionHandle> interactionsByToken = new ConcurrentHashMap<>();
    private final Set<String> tokensSeen = ConcurrentHashMap.newKeySet();
    private final Map<String, String> commandIdsByName = new ConcurrentHashMap<>();
    private final AtomicInteger tokenCounter = new AtomicInteger();
    private volatile boolean closed;

    private FakeDiscord(Builder b) {
        this.botUser = new FakeGuild.User(b.botId, b.botName, true);
        if (b.guilds.isEmpty()) {
            b.guilds.add(FakeGuild.standard().build());
        }
        b.guilds.forEach(g -> guilds.put(g.id(), g));
        this.shards = b.shards;
        this.expectedToken = b.expectedToken;
        this.interactionDeadline = b.interactionDeadline;
        this.enforcePermissions = b.enforcePermissions;
        this.globalRateLimit = b.globalRequestsPerSecond == 0 ? null : new GlobalRateLimit(b.globalRequestsPerSecond);
        guilds.values().forEach(g -> g.channels().forEach(c -> guildsByChannel.put(c.id(), g)));
        this.messages = new MessageStore(botUser, this::guildOfChannel);
        this.rest = new FakeRest(this);
        try {
            http = HttpServer.create(new InetSocketAddress("127.0.0.1", b.restPort), 1024);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind REST port " + b.restPort, e);
        }
        AtomicInteger threadNo = new AtomicInteger();
        // Many threads: the bot may fire hundreds of interaction callbacks at once, and a
        // test-configured REST latency must not serialize them.
        httpPool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-discord-rest-" + threadNo.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        http.setExecutor(httpPool);
        http.createContext("/", rest);
        http.start();
        this.identifyLimit = new IdentifyLimit(b.maxConcurrency == 0 ? b.shards : b.maxConcurrency,
                b.identifyLimits ? IdentifyLimit.DISCORD_WINDOW : Duration.ZERO);
        gateway = new FakeGateway(this, b.gatewayPort, identifyLimit);
        try {
            gateway.startAndWait();
        } catch (RuntimeException e) {
            http.stop(0);
            httpPool.shutdownNow();
            throw e;
        }
    }

    /** The standard guild ({@link FakeGuild#standard()}), ephemeral ports. */
    public static FakeDiscord start() {
        return builder().start();
    }

    public static Builder builder() {
        return new Builder();
    }

    // ---- addresses ----

    public String restUrl() {
        return "http://127.0.0.1:" + restPort() + "/api/v10/";
    }

    public String gatewayUrl() {
        return "ws://127.0.0.1:" + gatewayPort() + "/";
    }

    public int restPort() {
        return http.getAddress().getPort();
    }

    public int gatewayPort() {
        return gateway.getPort();
    }

    // ---- model ----

    public FakeGuild.User botUser() {
        return botUser;
    }

    public String botId() {
        return botUser.id();
    }

    /** The application id; like most bots, the same as the bot user's id. */
    public String applicationId() {
        return botUser.id();
    }

    public int shardCount() {
        return shards;
    }

    /** What GET /gateway/bot says in {@code session_start_limit.max_concurrency}. */
    public int maxConcurrency() {
        return identifyLimit.maxConcurrency();
    }

    /** Every IDENTIFY so far, admitted or refused, in arrival order. */
    public List<IdentifyAttempt> identifyAttempts() {
        return identifyLimit.attempts();
    }

    public Collection<FakeGuild> guilds() {
        return guilds.values();
    }

    /** The first (by default the only) guild. */
    public FakeGuild guild() {
        return guilds.values().iterator().next();
    }

    public FakeGuild guild(String guildId) {
        FakeGuild g = guilds.get(guildId);
        if (g == null) {
            throw new IllegalArgumentException("no guild " + guildId);
        }
        return g;
    }

    FakeGuild guildOrNull(String guildId) {
        return guilds.get(guildId);
    }

    /** The guild holding a channel, or null (a DM or unknown channel). */
    FakeGuild guildOfChannel(String channelId) {
        return channelId == null ? null : guildsByChannel.get(channelId);
    }

    /** Discord's global limit on the bot's requests, if this fake enforces one. */
    public GlobalRateLimit globalRateLimit() {
        return globalRateLimit;
    }

    /** Effective permissions of the bot in a guild channel. */
    public long botPermissions(String channelId) {
        FakeGuild g = guildOfChannel(channelId);
        if (g == null) {
            throw new IllegalArgumentException("no guild channel " + channelId);
        }
        return g.permissions(botUser.id(), g.botRoleIds(), channelId);
    }

    /**
     * Sets (allow = deny = 0 removes) a channel permission overwrite and sends CHANNEL_UPDATE so
     * JDA's permission cache follows.
     */
    public void setOverwrite(String channelId, FakeGuild.Overwrite overwrite) {
        FakeGuild g = guildOfChannel(channelId);
        if (g == null) {
            throw new IllegalArgumentException("no guild channel " + channelId);
        }
        FakeGuild.Channel updated = g.putOverwrite(channelId, overwrite);
        gateway.broadcast(g.id(), "CHANNEL_UPDATE", g.channelJson(updated, true));
    }

    /** Takes permissions away from the bot's member in a channel (at runtime, with CHANNEL_UPDATE). */
    public void denyBot(String channelId, Permission... perms) {
        setOverwrite(channelId, FakeGuild.Overwrite.member(botUser.id(), List.of(), List.of(perms)));
    }

    /** Removes the bot's member overwrite in a channel. */
    public void clearBotOverwrite(String channelId) {
        setOverwrite(channelId, new FakeGuild.Overwrite(botUser.id(), FakeGuild.OVERWRITE_MEMBER, 0, 0));
    }

    boolean enforcePermissions() {
        return enforcePermissions;
    }

    Duration interactionDeadline() {
        return interactionDeadline;
    }

    // ---- gateway ----

    public boolean isConnected() {
        return gateway.anyConnected();
    }

    public List<GatewaySession> sessions() {
        return gateway.sessions();
    }

    /** Waits until a client has IDENTIFYed and is connected; returns that session. */
    public GatewaySession awaitIdentified(Duration timeout) {
        return await(
                () -> sessions().stream()
                        .filter(GatewaySession::connected)
                        .reduce((a, b) -> b)
                        .orElse(null),
                timeout,
                () -> "no gateway client identified; sessions: " + sessions());
    }

    /**
     * When two clients run the same shard (processes whose shard ranges overlap), interactions go
     * to the newest session; this sends them to {@code sessionId} instead while it is connected.
     * Null goes back to the newest.
     */
    public void deliverTo(String sessionId) {
        gateway.deliverTo(sessionId);
    }

    /** Waits until {@code count} shards are connected at once. */
    public void awaitConnectedSessions(int count, Duration timeout) {
        await(() -> gateway.connectedCount() >= count ? Boolean.TRUE : null, timeout,
                () -> "expected " + count + " connected sessions; sessions: " + sessions());
    }

    public void awaitDisconnected(Duration timeout) {
        await(() -> isConnected() ? null : Boolean.TRUE, timeout, () -> "still connected: " + sessions());
    }

    /**
     * Closes every gateway connection (code 1001, which JDA resumes from) and refuses new
     * connections until {@link #allowGateway()}. JDA backs off 2, 4, 8 ... s between attempts.
     */
    public void dropGateway() {
        gateway.drop();
    }

    public void allowGateway() {
        gateway.allow();
    }

    public boolean gatewayRefusing() {
        return gateway.refusing();
    }

    // ---- injecting interactions ----

    /** A slash command without subcommand. */
    public InteractionHandle slash(String userId, String channelId, String command, Map<String, ?> options) {
        return slash(userId, channelId, command, null, options);
    }

    public InteractionHandle slash(String userId, String channelId, String command) {
        return slash(userId, channelId, command, null, Map.of());
    }

    /**
     * A slash command. {@code subcommand} may be null, {@code "start"}, or {@code "group sub"} for a
     * subcommand group. Option values: String, Integer/Long, Boolean, Double or {@link OptionValue}.
     */
    public InteractionHandle slash(
            String userId, String channelId, String command, String subcommand, Map<String, ?> options) {
        Interactions.Built built = interactions().command(2, userId, channelId, command, subcommand, options, null, null);
        return inject(built);
    }

    /** Autocomplete while the user types {@code typed} into option {@code focused}. */
    public InteractionHandle autocomplete(
            String userId, String channelId, String command, String subcommand, String focused, String typed) {
        return autocomplete(userId, channelId, command, subcommand, focused, typed, Map.of());
    }

    public InteractionHandle autocomplete(
            String userId,
            String channelId,
            String command,
            String subcommand,
            String focused,
            String typed,
            Map<String, ?> otherOptions) {
        Interactions.Built built =
                interactions().command(4, userId, channelId, command, subcommand, otherOptions, focused, typed);
        return inject(built);
    }

    /** A button click on a message (a message the bot sent, or any id: then a stand-in is made). */
    public InteractionHandle button(String userId, String channelId, String messageId, String customId) {
        return inject(interactions().component(userId, channelId, messageId, customId, 2, null));
    }

    /** A string select menu choice. */
    public InteractionHandle stringSelect(
            String userId, String channelId, String messageId, String customId, String... values) {
        return inject(interactions().component(userId, channelId, messageId, customId, 3, List.of(values)));
    }

    /**
     * Submits the modal the bot opened ({@code modal}, its type 9 callback) as {@code userId} filled
     * it in: {@code answers} by input custom id, a String (a text input, or a select's one value) or
     * a List of Strings (a select's values).
     */
    public InteractionHandle submitModal(String userId, String channelId, InteractionCallback modal,
                                         Map<String, ?> answers) {
        if (modal.type() != InteractionCallback.MODAL) {
            throw new IllegalArgumentException("not a modal: " + modal);
        }
        return inject(interactions().modalSubmit(userId, channelId, modal.data(), answers));
    }

    /**
     * Forgets every injected interaction (their callbacks then answer 10062 Unknown interaction).
     * For long benchmark runs, together with {@link #clearRequests()} and {@link #clearMessages()}.
     */
    public void forgetInteractions() {
        interactionsById.clear();
        interactionsByToken.clear();
    }

    public Optional<InteractionHandle> interaction(String interactionId) {
        return Optional.ofNullable(interactionsById.get(interactionId));
    }

    InteractionHandle interactionByToken(String token) {
        return interactionsByToken.get(token);
    }

    String commandId(String scope, String name) {
        return commandIdsByName.computeIfAbsent(scope + "/" + name, k -> Snowflakes.next());
    }

    private Interactions interactions() {
        return new Interactions(this);
    }

    String nextToken(String interactionId) {
        return "fake-itoken-" + interactionId + "-" + tokenCounter.incrementAndGet();
    }

    private InteractionHandle inject(Interactions.Built built) {
        InteractionHandle handle = new InteractionHandle(
                this, built.payload(), built.guildId(), built.userId(), built.componentMessageId());
        FakeGateway.Session session = gateway.sessionFor(built.guildId());
        if (session == null) {
            throw new IllegalStateException("no connected gateway session for guild " + built.guildId()
                    + " (did the bot connect? sessions: " + sessions() + ")");
        }
        interactionsById.put(handle.id(), handle);
        interactionsByToken.put(handle.token(), handle);
        long sent = session.dispatch("INTERACTION_CREATE", built.payload(), handle::markSent);
        if (sent < 0) {
            throw new IllegalStateException("gateway session closed while sending " + handle);
        }
        return handle;
    }

    // ---- recorded REST traffic ----

    void record(RecordedRequest request) {
        synchronized (requests) {
            requests.add(request);
        }
        changed();
    }

    /** Every REST request so far, in arrival order of completion. */
    public List<RecordedRequest> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** Requests with this method whose path matches the regex. */
    public List<RecordedRequest> requests(String method, String pathRegex) {
        return requests().stream().filter(r -> r.is(method, pathRegex)).toList();
    }

    /** Requests no route matched (answered 404 with code 0): usually a gap in the fake or a bot bug. */
    public List<RecordedRequest> unmatchedRequests() {
        return requests().stream().filter(r -> !r.matched()).toList();
    }

    /** Forgets recorded requests (not messages or commands). */
    public void clearRequests() {
        synchronized (requests) {
            requests.clear();
        }
    }

    /** The first request (recorded so far or arriving before the deadline) matching the predicate. */
    public RecordedRequest awaitRequest(Predicate<RecordedRequest> predicate, Duration timeout) {
        int[] scanned = {0};
        return await(
                () -> {
                    synchronized (requests) {
                        if (scanned[0] > requests.size()) {
                            scanned[0] = 0; // cleared meanwhile
                        }
                        for (int i = scanned[0]; i < requests.size(); i++) {
                            if (predicate.test(requests.get(i))) {
                                return requests.get(i);
                            }
                        }
                        scanned[0] = requests.size();
                        return null;
                    }
                },
                timeout,
                () -> "no matching request within " + timeout + "; recent requests:\n" + recentRequests());
    }

    public RecordedRequest awaitRequest(String method, String pathRegex, Duration timeout) {
        return awaitRequest(r -> r.is(method, pathRegex), timeout);
    }

    /** Whether any request carried {@code Authorization: Bot <token>} (the token itself is never printed). */
    public boolean tokenSeen(String token) {
        return tokensSeen.contains(token);
    }

    public int distinctTokensSeen() {
        return tokensSeen.size();
    }

    void sawToken(String token) {
        if (token != null) {
            tokensSeen.add(token);
        }
    }

    boolean tokenAccepted(String token) {
        return expectedToken == null || expectedToken.equals(token);
    }

    // ---- commands ----

    /** The global commands as last registered (PUT replaces, POST upserts, DELETE removes). */
    public List<JsonNode> registeredGlobalCommands() {
        return rest.commands(null);
    }

    public List<JsonNode> registeredGuildCommands(String guildId) {
        return rest.commands(guildId);
    }

    /** A registered command by name, global or in any guild. */
    public Optional<JsonNode> registeredCommand(String name) {
        return rest.findCommand(name);
    }

    // ---- messages ----

    /**
     * Messages visible in a channel, oldest first, in their current state: channel messages
     * and non-ephemeral interaction replies/follow-ups; deleted ones are left out.
     */
    public List<FakeMessage> channelMessages(String channelId) {
        return messages.inChannel(channelId, false);
    }

    /** Like {@link #channelMessages} but with deleted (and ephemeral) messages too. */
    public List<FakeMessage> channelMessagesIncludingDeleted(String channelId) {
        return messages.inChannel(channelId, true);
    }

    public Optional<FakeMessage> message(String messageId) {
        return Optional.ofNullable(messages.get(messageId));
    }

    public List<FakeMessage> allMessages() {
        return messages.all();
    }

    /** Waits until a visible message in the channel matches (checked again after every edit). */
    public FakeMessage awaitChannelMessage(String channelId, Predicate<FakeMessage> predicate, Duration timeout) {
        return await(
                () -> channelMessages(channelId).stream().filter(predicate).findFirst().orElse(null),
                timeout,
                () -> "no matching message in channel " + channelId + " within " + timeout + "; messages: "
                        + channelMessages(channelId) + "\nrecent requests:\n" + recentRequests());
    }

    /** Waits until the channel holds at least {@code count} visible messages. */
    public List<FakeMessage> awaitChannelMessages(String channelId, int count, Duration timeout) {
        return await(
                () -> {
                    List<FakeMessage> list = channelMessages(channelId);
                    return list.size() >= count ? list : null;
                },
                timeout,
                () -> "expected " + count + " messages in " + channelId + "; got " + channelMessages(channelId));
    }

    MessageStore messageStore() {
        return messages;
    }

    /** The DM channel the bot opened with a user (POST /users/@me/channels), if any. */
    public Optional<String> dmChannelOf(String userId) {
        return rest.dmChannelOf(userId);
    }

    /** Forgets every message. */
    public void clearMessages() {
        messages.clear();
        rest.forgetNonces();
    }

    // ---- failure injection ----

    /**
     * From now on, writes (POST/PATCH/PUT/DELETE) to {@code /channels/{channelId}/...} answer
     * this error, e.g. {@code failChannel(id, 403, 50013, "Missing Permissions")} or
     * {@code failChannel(id, 404, 10003, "Unknown Channel")}. Undo with {@link #healChannel}.
     */
    public void failChannel(String channelId, int httpStatus, int discordCode, String message) {
        rest.failChannel(channelId, new FakeRest.ErrorSpec(httpStatus, discordCode, message));
    }

    public void healChannel(String channelId) {
        rest.healChannel(channelId);
    }

    /**
     * The next {@code count} requests with this method (null: any) whose path matches the regex
     * answer {@code httpStatus} (e.g. 500/502/503). A 429 is sent the way Discord does it, with
     * {@code Via}, {@code Retry-After: 1} and a per-route scope.
     */
    public void failNext(int count, int httpStatus, String method, String pathRegex) {
        rest.failNext(count, httpStatus, method, pathRegex);
    }

    /**
     * The next {@code count} requests with this method (null: any) whose path matches the regex
     * are carried out (a message is created), but their answer never comes: the connection stays
     * silent until the client gives up, as when the bot dies with the request under way.
     */
    public void loseResponseOfNext(int count, String method, String pathRegex) {
        rest.loseResponseOfNext(count, method, pathRegex);
    }

    public void clearFailures() {
        rest.clearFailures();
    }

    /** Adds this delay before every REST answer (simulated network/Discord latency). */
    public void restLatency(Duration latency) {
        rest.latency(latency);
    }

    // ---- waiting ----

    /** Wakes everything waiting in {@link #await}; called after every state change. */
    void changed() {
        synchronized (monitor) {
            monitor.notifyAll();
        }
    }

    /** Re-evaluates {@code probe} after every change until it returns non-null or time runs out. */
    <T> T await(Supplier<T> probe, Duration timeout, Supplier<String> failure) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (monitor) {
            while (true) {
                T value = probe.get();
                if (value != null) {
                    return value;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError(failure.get());
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(monitor, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted: " + failure.get());
                }
            }
        }
    }

    private String recentRequests() {
        List<RecordedRequest> all = requests();
        StringBuilder sb = new StringBuilder();
        all.subList(Math.max(0, all.size() - 20), all.size()).forEach(r -> sb.append("  ").append(r).append('\n'));
        return sb.length() == 0 ? "  (none)" : sb.toString();
    }

    // ---- lifecycle ----

    /** For {@link FakeDiscordMain}'s control API, which shares the REST port. */
    HttpServer httpServer() {
        return http;
    }

    /**
     * Closes the gateway and REST servers. Shut the bot down first: JDA keeps trying to
     * reconnect to a closed gateway.
     */
    public void stop() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            gateway.stop(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        http.stop(0);
        httpPool.shutdownNow();
        changed();
    }

    @Override
    public void close() {
        stop();
    }

    ObjectNode memberJsonWithPermissions(FakeGuild guild, FakeGuild.Member member, String channelId) {
        ObjectNode json = member.toJson();
        json.put("permissions", Long.toString(guild.permissions(member.user().id(), member.roleIds(), channelId)));
        return json;
    }

    static ArrayNode arrayOf(Collection<? extends JsonNode> nodes) {
        ArrayNode arr = Json.arr();
        nodes.forEach(arr::add);
        return arr;
    }

    public static final class Builder {
        private int restPort;
        private int gatewayPort;
        private String botId = DEFAULT_BOT_ID;
        private String botName = DEFAULT_BOT_NAME;
        private final List<FakeGuild> guilds = new ArrayList<>();
        private int shards = 1;
        private String expectedToken;
        private Duration interactionDeadline = Duration.ofSeconds(3);
        private boolean enforcePermissions = true;
        private int maxConcurrency;
        private boolean identifyLimits;
        private int globalRequestsPerSecond;

        private Builder() {}

        /**
         * Enforces Discord's global rate limit (50 a second for most bots): requests over it are
         * answered 429 with {@code X-RateLimit-Global}, as Discord does. Interaction callbacks and
         * follow-ups are not counted. Default: no limit.
         */
        public Builder globalRateLimit(int requestsPerSecond) {
            if (requestsPerSecond < 1) {
                throw new IllegalArgumentException("requestsPerSecond >= 1");
            }
            this.globalRequestsPerSecond = requestsPerSecond;
            return this;
        }

        /** 0 (default) picks a free port. */
        public Builder restPort(int port) {
            this.restPort = port;
            return this;
        }

        /** 0 (default) picks a free port. */
        public Builder gatewayPort(int port) {
            this.gatewayPort = port;
            return this;
        }

        public Builder bot(String id, String username) {
            this.botId = Objects.requireNonNull(id);
            this.botName = Objects.requireNonNull(username);
            return this;
        }

        /** Adds a guild; without any, the fake serves {@link FakeGuild#standard()}. */
        public Builder guild(FakeGuild guild) {
            guilds.add(guild);
            return this;
        }

        /** What GET /gateway/bot recommends; guilds go to shard {@code (id >> 22) % shards}. */
        public Builder shards(int shards) {
            if (shards < 1) {
                throw new IllegalArgumentException("shards >= 1");
            }
            this.shards = shards;
            return this;
        }

        /**
         * What GET /gateway/bot says in {@code session_start_limit.max_concurrency}: how many
         * buckets ({@code shard_id % max_concurrency}) identify at once. Default: as many as the
         * shards, so every shard identifies at once.
         */
        public Builder maxConcurrency(int maxConcurrency) {
            if (maxConcurrency < 1) {
                throw new IllegalArgumentException("maxConcurrency >= 1");
            }
            this.maxConcurrency = maxConcurrency;
            return this;
        }

        /**
         * Whether IDENTIFY is limited as Discord limits it: one per bucket per 5 s, a second one
         * (the same shard again, or another of its bucket) closed with 4008. Off by default, so a
         * test that restarts the bot need not wait 5 s for its shards to identify again.
         */
        public Builder identifyLimits(boolean enforce) {
            this.identifyLimits = enforce;
            return this;
        }

        /**
         * Only this token is accepted: REST answers 401, IDENTIFY is closed with 4004. Default:
         * any token.
         */
        public Builder expectedToken(String token) {
            this.expectedToken = token;
            return this;
        }

        /** How late a first callback may come (Discord: 3 s). Zero disables the check. */
        public Builder interactionDeadline(Duration deadline) {
            this.interactionDeadline = Objects.requireNonNull(deadline);
            return this;
        }

        /** Whether channel messages are refused when the bot lacks View/Send/Embed/Attach (default on). */
        public Builder enforcePermissions(boolean enforce) {
            this.enforcePermissions = enforce;
            return this;
        }

        public FakeDiscord start() {
            return new FakeDiscord(this);
        }
    }
}

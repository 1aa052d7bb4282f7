package dev.lalaland.bot.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;
import org.java_websocket.WebSocket;
import org.java_websocket.drafts.Draft;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.ServerHandshakeBuilder;
import org.java_websocket.server.WebSocketServer;

/**
 * The gateway half of the fake: HELLO, IDENTIFY -> READY + GUILD_CREATE (the guilds of the
 * identified shard only), heartbeat ACKs, RESUME, and dispatching events (INTERACTION_CREATE,
 * CHANNEL_UPDATE) to the session owning a guild. IDENTIFYs pass through an {@link IdentifyLimit}.
 */
final class FakeGateway extends WebSocketServer {
    /** JDA only needs a sane value; Discord's real one. */
    static final int HEARTBEAT_INTERVAL_MS = 41250;

    /** One gateway session; survives reconnects when the client RESUMEs. */
    static final class Session {
        final String sessionId;
        final int shardId;
        final int shardCount;
        final int intents;
        final long identifiedNanos;
        private WebSocket conn;
        private int seq;
        private int resumes;

        Session(String sessionId, int shardId, int shardCount, int intents) {
            this.sessionId = sessionId;
            this.shardId = shardId;
            this.shardCount = shardCount;
            this.intents = intents;
            this.identifiedNanos = System.nanoTime();
        }

        synchronized boolean connected() {
            return conn != null && conn.isOpen();
        }

        synchronized GatewaySession snapshot() {
            return new GatewaySession(sessionId, shardId, shardCount, intents, connected(), resumes, seq);
        }

        /**
         * Sequence number and send under one lock, so that concurrent injections reach the client
         * in sequence order. Returns the nanoTime just before the frame was queued, or -1.
         */
        synchronized long dispatch(String type, JsonNode data) {
            return dispatch(type, data, null);
        }

        /** {@code beforeSend} gets the send time before the frame leaves, so no reply can beat it. */
        synchronized long dispatch(String type, JsonNode data, LongConsumer beforeSend) {
            if (conn == null || !conn.isOpen()) {
                return -1;
            }
            ObjectNode frame = Json.obj().put("op", 0).put("s", ++seq).put("t", type);
            frame.set("d", data);
            String text = Json.write(frame);
            long now = System.nanoTime();
            if (beforeSend != null) {
                beforeSend.accept(now);
            }
            conn.send(text);
            return now;
        }
    }

    private final FakeDiscord fake;
    private final IdentifyLimit identifyLimit;
    /** Shards with more servers than this get them from {@link #greeters}, not the socket's thread. */
    private static final int SERVERS_SENT_IN_LINE = 100;

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final java.util.concurrent.ExecutorService greeters = java.util.concurrent.Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "fake-gateway-greeter");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger sessionCounter = new AtomicInteger();
    private final CountDownLatch started = new CountDownLatch(1);
    private volatile boolean refusing;
    private volatile String preferred;
    private volatile Exception startError;

    FakeGateway(FakeDiscord fake, int port, IdentifyLimit identifyLimit) {
        super(new InetSocketAddress("127.0.0.1", port));
        this.fake = fake;
        this.identifyLimit = identifyLimit;
        setReuseAddr(true);
        setTcpNoDelay(true);
        // JDA heartbeats every 41 s; no need for the library's own ping/pong checks.
        setConnectionLostTimeout(0);
        // A test that forgets close() must not keep the JVM alive.
        setDaemon(true);
    }

    void startAndWait() {
        start();
        try {
            if (!started.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("gateway did not start");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (startError != null) {
            throw new IllegalStateException("gateway failed to start", startError);
        }
    }

    @Override
    public void onStart() {
        started.countDown();
    }

    @Override
    public ServerHandshakeBuilder onWebsocketHandshakeReceivedAsServer(
            WebSocket conn, Draft draft, ClientHandshake request) throws InvalidDataException {
        if (refusing) {
            // Looks like an unreachable gateway to the client: the upgrade fails.
            throw new InvalidDataException(CloseFrame.TRY_AGAIN_LATER, "gateway dropped by test");
        }
        return super.onWebsocketHandshakeReceivedAsServer(conn, draft, request);
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        // Discord greets first; JDA sends IDENTIFY on open without waiting, which is fine too.
        conn.send("{\"op\":10,\"d\":{\"heartbeat_interval\":" + HEARTBEAT_INTERVAL_MS + "}}");
        fake.changed();
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
        JsonNode frame = Json.parse(message);
        switch (frame.path("op").asInt(-1)) {
            case 1 -> conn.send("{\"op\":11}");
            case 2 -> identify(conn, frame.path("d"));
            case 6 -> resume(conn, frame.path("d"));
            default -> {
                // presence (3), voice (4), member requests (8): accepted and ignored
            }
        }
    }

    @Override
    public void onMessage(WebSocket conn, ByteBuffer message) {
        // JDA only sends text frames.
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        Session s = conn.getAttachment();
        if (s != null) {
            synchronized (s) {
                if (s.conn == conn) {
                    s.conn = null;
                }
            }
        }
        fake.changed();
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {
        if (conn == null) {
            startError = ex;
            started.countDown();
        }
    }

    private void identify(WebSocket conn, JsonNode d) {
        String token = Json.text(d, "token");
        fake.sawToken(token);
        if (!fake.tokenAccepted(token)) {
            conn.close(4004, "Authentication failed.");
            return;
        }
        int shardId = d.path("shard").path(0).asInt(0);
        int shardCount = d.path("shard").path(1).asInt(1);
        if (shardCount < 1 || shardId < 0 || shardId >= shardCount) {
            conn.close(4010, "Invalid shard.");
            return;
        }
        if (!identifyLimit.admit(shardId, shardCount)) {
            // Discord's answer to identifying faster than max_concurrency allows; JDA takes the
            // close as passing and identifies again through its session controller.
            conn.close(4008, "You are being rate limited.");
            return;
        }
        Session session = new Session(
                "fake-session-" + sessionCounter.incrementAndGet(), shardId, shardCount, d.path("intents").asInt(0));
        attach(session, conn);
        List<FakeGuild> guilds = fake.guilds().stream()
                .filter(g -> shardOf(g.id(), shardCount) == shardId)
                .toList();
        if (guilds.size() <= SERVERS_SENT_IN_LINE) {
            sessions.put(session.sessionId, session);
            greet(session, shardId, shardCount, guilds);
            return;
        }
        // Thousands of servers per shard (the growth benchmark): sending them all here would keep
        // this socket thread from answering other shards' handshakes and heartbeats meanwhile, and
        // JDA would give up on those. The session is listed once its servers are all sent.
        greeters.execute(() -> {
            greet(session, shardId, shardCount, guilds);
            sessions.put(session.sessionId, session);
            fake.changed();
        });
    }

    /** READY, then a GUILD_CREATE for every server of the shard. */
    private void greet(Session session, int shardId, int shardCount, List<FakeGuild> guilds) {
        ObjectNode ready = Json.obj();
        ObjectNode user = fake.botUser().toJson().put("verified", true).put("mfa_enabled", false).put("flags", 0);
        ready.set("user", user);
        ArrayNode guildArray = ready.putArray("guilds");
        guilds.forEach(g -> guildArray.addObject().put("id", g.id()).put("unavailable", true));
        ready.putArray("private_channels");
        ready.putArray("relationships");
        ready.putArray("presences");
        ready.put("session_id", session.sessionId);
        ready.put("session_type", "normal");
        ready.put("resume_gateway_url", fake.gatewayUrl());
        ready.put("v", 10);
        ready.putArray("shard").add(shardId).add(shardCount);
        ready.putObject("application").put("id", fake.applicationId()).put("flags", 0);
        session.dispatch("READY", ready);
        // JDA waits in awaitReady() until every guild of READY got its GUILD_CREATE.
        for (FakeGuild g : guilds) {
            session.dispatch("GUILD_CREATE", g.toGuildCreateJson(fake.botUser()));
        }
        fake.changed();
    }

    private void resume(WebSocket conn, JsonNode d) {
        fake.sawToken(Json.text(d, "token"));
        Session session = sessions.get(Json.text(d, "session_id"));
        if (session == null || !fake.tokenAccepted(Json.text(d, "token"))) {
            conn.send("{\"op\":9,\"d\":false}"); // the client must IDENTIFY afresh
            return;
        }
        synchronized (session) {
            session.resumes++;
        }
        attach(session, conn);
        session.dispatch("RESUMED", Json.obj());
        fake.changed();
    }

    private static void attach(Session session, WebSocket conn) {
        synchronized (session) {
            WebSocket old = session.conn;
            session.conn = conn;
            conn.setAttachment(session);
            if (old != null && old != conn && old.isOpen()) {
                old.close(4009, "Session taken over");
            }
        }
    }

    /** Discord's rule: {@code shard_id = (guild_id >> 22) % num_shards}. */
    static int shardOf(String guildId, int shardCount) {
        return (int) ((Long.parseUnsignedLong(guildId) >>> 22) % shardCount);
    }

    /**
     * The session a test asked for ({@link #deliverTo}) if it is connected and its shard holds the
     * guild; else the newest connected session whose shard holds the guild; or null.
     */
    Session sessionFor(String guildId) {
        Session chosen = preferred == null ? null : sessions.get(preferred);
        if (chosen != null && chosen.connected()
                && (guildId == null || shardOf(guildId, chosen.shardCount) == chosen.shardId)) {
            return chosen;
        }
        return sessions.values().stream()
                .filter(Session::connected)
                .filter(s -> guildId == null || shardOf(guildId, s.shardCount) == s.shardId)
                .max(Comparator.comparingLong(s -> s.identifiedNanos))
                .orElse(null);
    }

    /** Sends the events of that session's shard to it, though a newer one runs the shard too; null: the newest. */
    void deliverTo(String sessionId) {
        preferred = sessionId;
    }

    List<GatewaySession> sessions() {
        List<GatewaySession> out = new ArrayList<>();
        sessions.values().stream()
                .sorted(Comparator.comparingLong(s -> s.identifiedNanos))
                .forEach(s -> out.add(s.snapshot()));
        return out;
    }

    boolean anyConnected() {
        return sessions.values().stream().anyMatch(Session::connected);
    }

    long connectedCount() {
        return sessions.values().stream().filter(Session::connected).count();
    }

    /** Sends an event to every connected session (e.g. CHANNEL_UPDATE for a guild's shard). */
    void broadcast(String guildId, String type, JsonNode data) {
        for (Session s : sessions.values()) {
            if (guildId == null || shardOf(guildId, s.shardCount) == s.shardId) {
                s.dispatch(type, data.deepCopy());
            }
        }
    }

    /** Closes every connection (code 1001, resumable) and refuses new ones until {@link #allow()}. */
    void drop() {
        refusing = true;
        for (WebSocket conn : getConnections()) {
            conn.close(CloseFrame.GOING_AWAY, "gateway dropped by test");
        }
    }

    void allow() {
        refusing = false;
    }

    boolean refusing() {
        return refusing;
    }
}

package dev.lalaland.bot.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * Runs {@link FakeDiscord} as a process, for driving a bot from outside a JUnit run (Docker
 * smoke tests, benchmark scripts).
 *
 * <pre>
 * mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) \
 *      dev.lalaland.bot.testing.FakeDiscordMain --rest-port 18080 --gateway-port 18081
 * </pre>
 *
 * It prints two lines on stdout, the REST base URL and the gateway URL (logs go to stderr):
 * <pre>
 * http://127.0.0.1:18080/api/v10/
 * ws://127.0.0.1:18081/
 * </pre>
 *
 * Options: {@code --rest-port N}, {@code --gateway-port N} (0 = any free port, the default),
 * {@code --players N} (extra members player001.., ids from {@link FakeGuild#playerId}),
 * {@code --shards N}, {@code --servers-per-shard N} (that many more servers on each shard, laid out
 * by {@link ShardedServers#server}, default 0), {@code --token T} (accept only this token),
 * {@code --deadline-ms N} (interaction deadline, 0 = off, default 3000).
 *
 * <p>The first guild is {@link FakeGuild#standard()}: guild 200000000000000001, channels general
 * 300000000000000001, quiz 300000000000000002, announcements 300000000000000003 (news);
 * users alice 400000000000000001 (admin role), bob ...002, carol ...003, dave ...004, owner ...009.
 * The servers of {@code --servers-per-shard} have the same users and one text channel each
 * ({@code GET guilds} lists every server with its shard and channels).
 *
 * <h2>Control API (same port as REST, under /_control/)</h2>
 * Interaction calls wait up to 5 s ({@code "timeout_ms"} to change) for the bot's first
 * callback and answer {@code {"interaction_id","token","type","data","status","latency_ms"}};
 * 504 if the bot did not answer, 503 if no bot is connected, 400 for bad input.
 * <pre>
 * # a slash command (sub may be null, "start" or "group sub"; options: strings, numbers, booleans,
 * # or {"type":6,"value":"400000000000000002"} for user/channel/role options)
 * curl -s -X POST localhost:18080/_control/slash -d '{"user":"400000000000000002",
 *      "channel":"300000000000000002","name":"cast","sub":null,"options":{"name":"Emma Stone"}}'
 * # a button click on a message the bot sent
 * curl -s -X POST localhost:18080/_control/button -d '{"user":"400000000000000002",
 *      "channel":"300000000000000002","message":"&lt;message id&gt;","custom_id":"answer:1"}'
 * # autocomplete: "focused" is the option being typed, "value" what was typed so far
 * curl -s -X POST localhost:18080/_control/autocomplete -d '{"user":"400000000000000002",
 *      "channel":"300000000000000002","name":"cast","focused":"name","value":"Em"}'
 * # 500 clicks spread over 1 s from 4 threads, by the guild's members in turn (or "user":"id");
 * # "type" may also be "slash"/"autocomplete" with the fields above. Answers sent, answered,
 * # refused, unanswered and p50_ms/p95_ms/p99_ms/max_ms of send-to-first-callback.
 * curl -s -X POST localhost:18080/_control/burst -d '{"type":"button","count":500,"span_ms":1000,
 *      "threads":4,"channel":"300000000000000002","message":"&lt;id&gt;","custom_id":"answer:1"}'
 * curl -s localhost:18080/_control/status          # {"connected":true,"sessions":1,...}
 * # every gateway session (shard [id, total], connected) and every IDENTIFY, admitted or refused
 * curl -s localhost:18080/_control/sessions
 * # every server: id, name, shard (of the fake's recommended total) and its channels
 * curl -s localhost:18080/_control/guilds
 * curl -s 'localhost:18080/_control/messages?channel=300000000000000002'   # current messages
 * curl -s 'localhost:18080/_control/await-message?channel=300000000000000002&amp;contains=Question&amp;timeout_ms=10000'
 * curl -s localhost:18080/_control/requests        # every REST call the bot made
 * curl -s localhost:18080/_control/commands        # registered commands
 * curl -s -X POST localhost:18080/_control/fail-channel -d '{"channel":"300000000000000002","status":403,"code":50013,"message":"Missing Permissions"}'
 * curl -s -X POST localhost:18080/_control/heal-channel -d '{"channel":"300000000000000002"}'
 * curl -s -X POST localhost:18080/_control/reset     # forget requests, messages, interactions (long runs)
 * curl -s -X POST localhost:18080/_control/drop-gateway
 * curl -s -X POST localhost:18080/_control/allow-gateway
 * curl -s -X POST localhost:18080/_control/shutdown
 * </pre>
 */
public final class FakeDiscordMain {
    private static final Duration DEFAULT_WAIT = Duration.ofSeconds(5);

    private final FakeDiscord fake;
    private final CountDownLatch shutdown = new CountDownLatch(1);

    private FakeDiscordMain(FakeDiscord fake) {
        this.fake = fake;
        fake.httpServer().createContext("/_control/", this::handle);
    }

    /** Adds the control API to a running fake (tests use this to exercise it in-process). */
    static FakeDiscordMain attachControl(FakeDiscord fake) {
        return new FakeDiscordMain(fake);
    }

    public static void main(String[] args) throws InterruptedException {
        TestLogging.quiet();
        FakeDiscord fake = configure(parseArgs(args)).start();
        FakeDiscordMain main = attachControl(fake);
        Runtime.getRuntime().addShutdownHook(new Thread(fake::close, "fake-discord-shutdown"));
        System.out.println(fake.restUrl());
        System.out.println(fake.gatewayUrl());
        System.out.flush();
        main.shutdown.await();
        fake.close();
        System.exit(0);
    }

    /** The fake the command line describes, not started yet. */
    static FakeDiscord.Builder configure(Map<String, String> opts) {
        int shards = Integer.parseInt(opts.getOrDefault("shards", "1"));
        FakeGuild.Builder guild = FakeGuild.standard();
        guild.players(Integer.parseInt(opts.getOrDefault("players", "0")));
        FakeDiscord.Builder fake = FakeDiscord.builder()
                .restPort(Integer.parseInt(opts.getOrDefault("rest-port", "0")))
                .gatewayPort(Integer.parseInt(opts.getOrDefault("gateway-port", "0")))
                .shards(shards)
                .expectedToken(opts.get("token"))
                .interactionDeadline(Duration.ofMillis(Long.parseLong(opts.getOrDefault("deadline-ms", "3000"))))
                .guild(guild.build());
        ShardedServers.onEveryShard(shards, Integer.parseInt(opts.getOrDefault("servers-per-shard", "0")))
                .forEach(fake::guild);
        return fake;
    }

    static Map<String, String> parseArgs(String[] args) {
        Map<String, String> out = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                System.err.println("usage: FakeDiscordMain [--rest-port N] [--gateway-port N] [--players N] "
                        + "[--shards N] [--servers-per-shard N] [--token T] [--deadline-ms N]");
                System.exit(2);
            }
            out.put(args[i].substring(2), args[++i]);
        }
        return out;
    }

    private void handle(HttpExchange ex) throws IOException {
        String action = ex.getRequestURI().getPath().substring("/_control/".length());
        Map<String, String> query = query(ex.getRequestURI().getRawQuery());
        byte[] bytes = ex.getRequestBody().readAllBytes();
        int status = 200;
        JsonNode answer;
        try {
            JsonNode body = bytes.length == 0 ? Json.obj() : Json.parse(bytes);
            answer = switch (ex.getRequestMethod() + " " + action) {
                case "POST slash" -> interaction(body, () -> fake.slash(
                        body.path("user").asText(),
                        body.path("channel").asText(),
                        body.path("name").asText(),
                        Json.text(body, "sub"),
                        options(body.path("options"))));
                case "POST button" -> interaction(body, () -> fake.button(
                        body.path("user").asText(),
                        body.path("channel").asText(),
                        body.path("message").asText(),
                        body.path("custom_id").asText()));
                case "POST autocomplete" -> interaction(body, () -> fake.autocomplete(
                        body.path("user").asText(),
                        body.path("channel").asText(),
                        body.path("name").asText(),
                        Json.text(body, "sub"),
                        body.path("focused").asText(),
                        body.path("value").asText(""),
                        options(body.path("options"))));
                case "POST burst" -> burst(body);
                case "GET status" -> status();
                case "GET sessions" -> sessions();
                case "GET guilds" -> guilds();
                case "GET messages" -> messages(query.get("channel"));
                case "GET await-message" -> awaitMessage(query);
                case "GET requests" -> requests();
                case "GET commands" -> commands();
                case "POST fail-channel" -> {
                    fake.failChannel(body.path("channel").asText(), body.path("status").asInt(403),
                            body.path("code").asInt(50013), body.path("message").asText("Missing Permissions"));
                    yield ok();
                }
                case "POST heal-channel" -> {
                    fake.healChannel(body.path("channel").asText());
                    yield ok();
                }
                case "POST reset" -> {
                    fake.clearRequests();
                    fake.clearMessages();
                    fake.forgetInteractions();
                    yield ok();
                }
                case "POST drop-gateway" -> {
                    fake.dropGateway();
                    yield ok();
                }
                case "POST allow-gateway" -> {
                    fake.allowGateway();
                    yield ok();
                }
                case "POST shutdown" -> {
                    shutdown.countDown();
                    yield ok();
                }
                default -> throw new ControlError(404, "unknown control call " + ex.getRequestMethod() + " " + action);
            };
        } catch (ControlError e) {
            status = e.status;
            answer = Json.obj().put("error", e.getMessage());
        } catch (IllegalArgumentException e) {
            status = 400;
            answer = Json.obj().put("error", e.getMessage());
        } catch (IllegalStateException e) {
            status = 503; // no bot connected
            answer = Json.obj().put("error", e.getMessage());
        }
        byte[] out = (Json.write(answer) + "\n").getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, out.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(out);
        }
    }

    private static final class ControlError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;

        ControlError(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    private JsonNode interaction(JsonNode body, Supplier<InteractionHandle> inject) {
        Duration wait = body.has("timeout_ms") ? Duration.ofMillis(body.get("timeout_ms").asLong()) : DEFAULT_WAIT;
        InteractionHandle h = inject.get();
        Optional<InteractionCallback> cb = h.tryAwaitResponse(wait);
        if (cb.isEmpty()) {
            throw new ControlError(504, "no callback for interaction " + h.id() + " within " + wait.toMillis() + " ms");
        }
        ObjectNode out = Json.obj()
                .put("interaction_id", h.id())
                .put("token", h.token())
                .put("type", cb.get().type())
                .put("status", cb.get().status())
                .put("latency_ms", cb.get().latencyNanos() / 1e6);
        out.set("data", cb.get().data());
        h.originalMessage().ifPresent(m -> out.put("message_id", m.id()));
        return out;
    }

    /** JSON option values to what {@link FakeDiscord#slash} takes. */
    private static Map<String, Object> options(JsonNode json) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : json.properties()) {
            JsonNode v = e.getValue();
            Object value;
            if (v.isObject()) {
                value = typedOption(v.path("type").asInt(), v.path("value"));
            } else if (v.isIntegralNumber()) {
                value = v.asLong();
            } else if (v.isNumber()) {
                value = v.asDouble();
            } else if (v.isBoolean()) {
                value = v.asBoolean();
            } else {
                value = v.asText();
            }
            out.put(e.getKey(), value);
        }
        return out;
    }

    /** Many interactions paced over a span from several threads; answers latency percentiles. */
    private JsonNode burst(JsonNode b) {
        String channel = b.path("channel").asText(FakeGuild.QUIZ_CHANNEL_ID);
        List<String> users = b.hasNonNull("user")
                ? List.of(b.get("user").asText())
                : fake.guild().members().stream().map(m -> m.user().id()).toList();
        IntFunction<String> user = i -> users.get(i % users.size());
        Map<String, Object> options = options(b.path("options"));
        IntFunction<InteractionHandle> inject = switch (b.path("type").asText("button")) {
            case "button" -> i -> fake.button(
                    user.apply(i), channel, b.path("message").asText(), b.path("custom_id").asText());
            case "slash" -> i -> fake.slash(
                    user.apply(i), channel, b.path("name").asText(), Json.text(b, "sub"), options);
            case "autocomplete" -> i -> fake.autocomplete(user.apply(i), channel, b.path("name").asText(),
                    Json.text(b, "sub"), b.path("focused").asText(), b.path("value").asText(""), options);
            default -> throw new IllegalArgumentException("type: button, slash or autocomplete");
        };
        InteractionBurst.Result r;
        try {
            r = InteractionBurst.run(
                    b.path("count").asInt(100),
                    Duration.ofMillis(b.path("span_ms").asLong(1000)),
                    b.path("threads").asInt(4),
                    inject,
                    Duration.ofMillis(b.path("timeout_ms").asLong(5000)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ControlError(500, "interrupted");
        }
        return Json.obj()
                .put("sent", r.sent())
                .put("answered", r.answered())
                .put("refused", r.refused())
                .put("unanswered", r.unanswered())
                .put("send_span_ms", r.sendSpan().toNanos() / 1e6)
                .put("p50_ms", r.percentile(50).toNanos() / 1e6)
                .put("p95_ms", r.percentile(95).toNanos() / 1e6)
                .put("p99_ms", r.percentile(99).toNanos() / 1e6)
                .put("max_ms", r.max().toNanos() / 1e6);
    }

    private static OptionValue typedOption(int type, JsonNode value) {
        return switch (type) {
            case OptionValue.INTEGER -> OptionValue.integer(value.asLong());
            case OptionValue.NUMBER -> OptionValue.number(value.asDouble());
            case OptionValue.BOOLEAN -> OptionValue.bool(value.asBoolean());
            default -> new OptionValue(type, value.asText());
        };
    }

    private JsonNode status() {
        ObjectNode out = Json.obj()
                .put("connected", fake.isConnected())
                .put("sessions", fake.sessions().stream().filter(GatewaySession::connected).count())
                .put("sessions_total", fake.sessions().size())
                .put("gateway_refusing", fake.gatewayRefusing())
                .put("requests", fake.requests().size())
                .put("unmatched_requests", fake.unmatchedRequests().size());
        out.put("rest_url", fake.restUrl()).put("gateway_url", fake.gatewayUrl());
        return out;
    }

    private JsonNode sessions() {
        ObjectNode out = Json.obj();
        ArrayNode sessions = out.putArray("sessions");
        for (GatewaySession s : fake.sessions()) {
            ObjectNode o = sessions.addObject().put("session_id", s.sessionId()).put("connected", s.connected());
            o.putArray("shard").add(s.shardId()).add(s.shardCount());
        }
        ArrayNode identifies = out.putArray("identifies");
        for (IdentifyAttempt a : fake.identifyAttempts()) {
            ObjectNode o = identifies.addObject().put("admitted", a.admitted());
            o.putArray("shard").add(a.shardId()).add(a.shardCount());
        }
        return out;
    }

    private JsonNode guilds() {
        ArrayNode out = Json.arr();
        for (FakeGuild g : fake.guilds()) {
            ObjectNode o = out.addObject()
                    .put("id", g.id())
                    .put("name", g.name())
                    .put("shard", FakeGateway.shardOf(g.id(), fake.shardCount()));
            ArrayNode channels = o.putArray("channels");
            g.channels().forEach(c -> channels.add(c.id()));
        }
        return out;
    }

    private JsonNode messages(String channelId) {
        if (channelId == null) {
            throw new IllegalArgumentException("?channel=ID required");
        }
        ArrayNode out = Json.arr();
        fake.channelMessages(channelId).forEach(m -> out.add(m.json()));
        return out;
    }

    private JsonNode awaitMessage(Map<String, String> q) {
        String channelId = q.get("channel");
        if (channelId == null) {
            throw new IllegalArgumentException("?channel=ID required");
        }
        String contains = q.getOrDefault("contains", "");
        Duration wait = Duration.ofMillis(Long.parseLong(q.getOrDefault("timeout_ms", "5000")));
        try {
            return fake.awaitChannelMessage(channelId, m -> m.text().contains(contains), wait).json();
        } catch (AssertionError e) {
            throw new ControlError(504, "no message containing '" + contains + "' in " + channelId);
        }
    }

    private JsonNode requests() {
        ArrayNode out = Json.arr();
        for (RecordedRequest r : fake.requests()) {
            ObjectNode o = out.addObject()
                    .put("method", r.method())
                    .put("path", r.path())
                    .put("query", r.query())
                    .put("status", r.status());
            o.set("body", r.body());
            ArrayNode files = o.putArray("files");
            r.files().forEach(f -> files.addObject().put("filename", f.filename()).put("size", f.size()));
        }
        return out;
    }

    private JsonNode commands() {
        ObjectNode out = Json.obj();
        out.set("global", FakeDiscord.arrayOf(fake.registeredGlobalCommands()));
        ObjectNode guilds = out.putObject("guilds");
        fake.guilds().forEach(g -> guilds.set(g.id(), FakeDiscord.arrayOf(fake.registeredGuildCommands(g.id()))));
        return out;
    }

    private static ObjectNode ok() {
        return Json.obj().put("ok", true);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }
}

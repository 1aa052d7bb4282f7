package dev.lalaland.bot.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.Permission;

/** The REST half of the fake: routing, Discord's answers and error codes, recording. */
final class FakeRest implements HttpHandler {
    static final String API = "/api/v10";

    record ErrorSpec(int status, int code, String message) {}

    private record FailRule(AtomicInteger remaining, int status, String method, Pattern path) {
        boolean takes(String method, String path) {
            return (this.method == null || this.method.equals(method)) && this.path.matcher(path).matches()
                    && remaining.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
        }
    }

    private record Nonced(FakeMessage message, long createdNanos) {}

    /** Discord remembers a message's nonce for "the past few minutes". */
    static final Duration NONCE_MEMORY = Duration.ofMinutes(5);
    /** How long a lost answer keeps its connection open (the client gives up long before). */
    private static final Duration LOST_RESPONSE_HOLD = Duration.ofSeconds(60);

    private record Req(
            String method,
            String path,
            String[] seg,
            Map<String, String> params,
            JsonNode body,
            List<UploadedFile> files,
            long nanos) {
        String seg(int i) {
            return seg[i];
        }

        JsonNode bodyOrEmpty() {
            return body == null ? Json.obj() : body;
        }
    }

    /** An answer; {@code afterRecord} runs once the request is in the log (e.g. wake a handle). */
    private record Res(int status, JsonNode body, Map<String, String> headers, boolean matched, Runnable afterRecord) {
        static Res ok(JsonNode body) {
            return new Res(200, body, Map.of(), true, null);
        }

        static Res noContent() {
            return new Res(204, null, Map.of(), true, null);
        }

        static Res error(int status, int code, String message) {
            return new Res(status, Json.obj().put("message", message).put("code", code), Map.of(), true, null);
        }

        static Res unmatched() {
            return new Res(404, Json.obj().put("message", "404: Not Found").put("code", 0), Map.of(), false, null);
        }

        Res then(Runnable r) {
            return new Res(status, body, headers, matched, r);
        }
    }

    private final FakeDiscord fake;
    private final Map<String, ErrorSpec> failedChannels = new ConcurrentHashMap<>();
    private final List<FailRule> failRules = new CopyOnWriteArrayList<>();
    /** Requests carried out whose answer is then never sent (status unused). */
    private final List<FailRule> lostResponseRules = new CopyOnWriteArrayList<>();
    /** Messages created with {@code enforce_nonce}, by nonce, with when; guarded by itself. */
    private final Map<String, Nonced> messagesByNonce = new HashMap<>();
    private volatile Duration latency = Duration.ZERO;
    /** Registered commands by scope: "" global, else guild id. Guarded by itself. */
    private final Map<String, List<ObjectNode>> commands = new HashMap<>();
    private final Map<String, String> dmChannelByUser = new ConcurrentHashMap<>();
    private final Map<String, String> dmUserByChannel = new ConcurrentHashMap<>();

    FakeRest(FakeDiscord fake) {
        this.fake = fake;
    }

    // ---- configuration from FakeDiscord ----

    void failChannel(String channelId, ErrorSpec spec) {
        failedChannels.put(channelId, spec);
    }

    void healChannel(String channelId) {
        failedChannels.remove(channelId);
    }

    void failNext(int count, int status, String method, String pathRegex) {
        failRules.add(new FailRule(new AtomicInteger(count), status, method, Pattern.compile(pathRegex)));
    }

    void forgetNonces() {
        synchronized (messagesByNonce) {
            messagesByNonce.clear();
        }
    }

    void loseResponseOfNext(int count, String method, String pathRegex) {
        lostResponseRules.add(new FailRule(new AtomicInteger(count), 0, method, Pattern.compile(pathRegex)));
    }

    void clearFailures() {
        failRules.clear();
        lostResponseRules.clear();
        failedChannels.clear();
    }

    void latency(Duration latency) {
        this.latency = latency;
    }

    List<JsonNode> commands(String guildId) {
        synchronized (commands) {
            return commands.getOrDefault(guildId == null ? "" : guildId, List.of()).stream()
                    .map(c -> (JsonNode) c.deepCopy())
                    .toList();
        }
    }

    Optional<JsonNode> findCommand(String name) {
        synchronized (commands) {
            return commands.values().stream()
                    .flatMap(List::stream)
                    .filter(c -> c.path("name").asText().equals(name))
                    .findFirst()
                    .map(ObjectNode::deepCopy);
        }
    }

    Optional<String> dmChannelOf(String userId) {
        return Optional.ofNullable(dmChannelByUser.get(userId));
    }

    // ---- HTTP plumbing ----

    @Override
    public void handle(HttpExchange ex) throws IOException {
        long nanos = System.nanoTime();
        String method = ex.getRequestMethod().toUpperCase(Locale.ROOT);
        String fullPath = ex.getRequestURI().getPath();
        String query = ex.getRequestURI().getRawQuery() == null ? "" : ex.getRequestURI().getRawQuery();
        byte[] bytes = ex.getRequestBody().readAllBytes();
        String path = fullPath.startsWith(API + "/") ? fullPath.substring(API.length()) : fullPath;

        JsonNode body = null;
        List<UploadedFile> files = new ArrayList<>();
        Res res;
        try {
            String contentType = ex.getRequestHeaders().getFirst("Content-Type");
            if (Multipart.isMultipart(contentType)) {
                for (Multipart.Part part : Multipart.parse(contentType, bytes)) {
                    if (part.name().equals("payload_json")) {
                        body = Json.parse(part.bytes());
                    } else if (part.filename() != null) {
                        files.add(new UploadedFile(part.name(), part.filename(), part.contentType(), part.bytes()));
                    }
                }
            } else if (bytes.length > 0) {
                body = Json.parse(bytes);
            }
            res = answer(ex, method, path, fullPath.startsWith(API + "/"), query, body, files, nanos);
        } catch (IllegalArgumentException e) {
            res = Res.error(400, 50109, "The request body contains invalid JSON.");
        } catch (RuntimeException e) {
            // A bug in the fake must be loud, not a hang in the bot under test.
            e.printStackTrace();
            res = Res.error(500, 0, "fake-discord internal error: " + e);
        }

        fake.record(new RecordedRequest(
                nanos, method, path, query, headersWithoutAuth(ex), body, List.copyOf(files), res.status(), res.body(),
                res.matched()));
        if (res.afterRecord() != null) {
            res.afterRecord().run();
        }
        if (lostResponseRules.stream().anyMatch(rule -> rule.takes(method, path))) {
            // Done, but the answer never reaches the bot: as when it dies with the request under way.
            try {
                Thread.sleep(LOST_RESPONSE_HOLD.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ex.close();
            return;
        }
        Duration delay = latency;
        if (!delay.isZero()) {
            try {
                Thread.sleep(delay.toMillis(), delay.toNanosPart() % 1_000_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        send(ex, res);
    }

    private Res answer(
            HttpExchange ex,
            String method,
            String path,
            boolean underApi,
            String query,
            JsonNode body,
            List<UploadedFile> files,
            long nanos) {
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        String token = auth != null && auth.startsWith("Bot ") ? auth.substring(4) : null;
        fake.sawToken(token);
        if (!underApi) {
            return Res.unmatched();
        }
        String[] seg = path.substring(1).split("/");
        Req req = new Req(method, path, seg, params(query), body, files, nanos);
        // Interaction callbacks and webhooks are authorized by their token, as on Discord.
        boolean tokenRoute = seg[0].equals("interactions") || seg[0].equals("webhooks");
        if (!tokenRoute && (token == null || !fake.tokenAccepted(token))) {
            return Res.error(401, 0, "401: Unauthorized");
        }
        GlobalRateLimit global = fake.globalRateLimit();
        if (global != null && !tokenRoute) {
            Duration wait = global.admit(nanos);
            if (!wait.isZero()) {
                return globalLimitHit(wait);
            }
        }
        Res injected = injectedFailure(req);
        return injected != null ? injected : route(req);
    }

    private static void send(HttpExchange ex, Res res) throws IOException {
        byte[] out = res.body() == null ? null : Json.bytes(res.body());
        res.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
        if (out != null) {
            ex.getResponseHeaders().set("Content-Type", "application/json");
        }
        // -1: no body. 0 would mean chunked to HttpServer.
        ex.sendResponseHeaders(res.status(), out == null ? -1 : out.length);
        if (out != null) {
            try (OutputStream os = ex.getResponseBody()) {
                os.write(out);
            }
        }
        ex.close();
    }

    private static Map<String, List<String>> headersWithoutAuth(HttpExchange ex) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        ex.getRequestHeaders().forEach((k, v) -> {
            if (!k.equalsIgnoreCase("Authorization")) {
                out.put(k.toLowerCase(Locale.ROOT), List.copyOf(v));
            }
        });
        return out;
    }

    private static Map<String, String> params(String query) {
        Map<String, String> out = new HashMap<>();
        if (query.isEmpty()) {
            return out;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            out.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return out;
    }

    /** GET, PATCH or DELETE of a message that exists, as webhooks and channels both allow. */
    private Res readEditOrDelete(Req r, FakeMessage m) {
        switch (r.method()) {
            case "GET":
                return Res.ok(m.json());
            case "PATCH":
                String problem = messageProblem(r.bodyOrEmpty(), r.files().size(), false);
                if (problem != null) {
                    return invalidForm(problem);
                }
                return Res.ok(fake.messageStore().edit(m, r.bodyOrEmpty(), r.files()).json());
            case "DELETE":
                m.markDeleted();
                return Res.noContent();
            default:
                return Res.unmatched();
        }
    }

    private Res injectedFailure(Req r) {
        if (r.seg.length >= 2 && r.seg(0).equals("channels") && !r.method().equals("GET")) {
            ErrorSpec spec = failedChannels.get(r.seg(1));
            if (spec != null) {
                return Res.error(spec.status(), spec.code(), spec.message());
            }
        }
        for (FailRule rule : failRules) {
            if (rule.takes(r.method(), r.path())) {
                return failure(rule.status());
            }
        }
        return null;
    }

    private static Res failure(int status) {
        if (status == 429) {
            // Discord's shape for a per-route limit. Without "Via" JDA would take it for a
            // Cloudflare ban and stall every route.
            Map<String, String> headers = Map.of(
                    "Via", "1.1 google",
                    "Retry-After", "1",
                    "X-RateLimit-Scope", "user",
                    "X-RateLimit-Limit", "5",
                    "X-RateLimit-Remaining", "0",
                    "X-RateLimit-Reset-After", "1",
                    "X-RateLimit-Bucket", "fake-bucket");
            ObjectNode body = Json.obj()
                    .put("message", "You are being rate limited.")
                    .put("retry_after", 1.0)
                    .put("global", false)
                    .put("code", 0);
            return new Res(429, body, headers, true, null);
        }
        return Res.error(status, 0, status + ": injected failure");
    }

    /**
     * Discord's answer to a request over the global limit: {@code Retry-After} in whole seconds
     * (JDA reads it as a whole number), the body's {@code retry_after} exact, scope "global".
     */
    private static Res globalLimitHit(Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        Map<String, String> headers = Map.of(
                "Via", "1.1 google",
                "Retry-After", Long.toString(seconds),
                "X-RateLimit-Global", "true",
                "X-RateLimit-Scope", "global");
        ObjectNode body = Json.obj()
                .put("message", "You are being rate limited.")
                .put("retry_after", wait.toNanos() / 1e9)
                .put("global", true)
                .put("code", 0);
        return new Res(429, body, headers, true, null);
    }

    private static boolean is(Req r, String method, String... pattern) {
        if (!r.method().equals(method) || r.seg.length != pattern.length) {
            return false;
        }
        for (int i = 0; i < pattern.length; i++) {
            if (!pattern[i].equals("*") && !pattern[i].equals(r.seg[i])) {
                return false;
            }
        }
        return true;
    }

    // ---- routes ----

    private Res route(Req r) {
        return switch (r.seg(0)) {
            case "users" -> users(r);
            case "gateway" -> gateway(r);
            case "oauth2" -> is(r, "GET", "oauth2", "applications", "@me") ? Res.ok(applicationInfo()) : Res.unmatched();
            case "applications" -> applications(r);
            case "interactions" -> interactionCallback(r);
            case "webhooks" -> webhooks(r);
            case "channels" -> channels(r);
            case "guilds" -> guilds(r);
            default -> Res.unmatched();
        };
    }

    private Res users(Req r) {
        if (is(r, "GET", "users", "@me")) {
            return Res.ok(fake.botUser().toJson().put("verified", true).put("mfa_enabled", false).put("flags", 0));
        }
        if (is(r, "POST", "users", "@me", "channels")) {
            String userId = Json.text(r.bodyOrEmpty(), "recipient_id");
            FakeGuild.User user = findUser(userId);
            if (user == null) {
                return Res.error(400, 50033, "Invalid Recipient(s)");
            }
            String channelId = dmChannelByUser.computeIfAbsent(userId, u -> Snowflakes.next());
            dmUserByChannel.put(channelId, userId);
            return Res.ok(dmChannelJson(channelId, user));
        }
        if (is(r, "GET", "users", "*")) {
            FakeGuild.User user = findUser(r.seg(1));
            return user == null ? Res.error(404, 10013, "Unknown User") : Res.ok(user.toJson());
        }
        return Res.unmatched();
    }

    private Res gateway(Req r) {
        if (is(r, "GET", "gateway")) {
            return Res.ok(Json.obj().put("url", fake.gatewayUrl()));
        }
        if (is(r, "GET", "gateway", "bot")) {
            ObjectNode json = Json.obj().put("url", fake.gatewayUrl()).put("shards", fake.shardCount());
            json.putObject("session_start_limit")
                    .put("total", 1000)
                    .put("remaining", 1000)
                    .put("reset_after", 0)
                    // By default all shards may identify at once, so multi-shard tests need not
                    // wait 5 s per shard (with JDA's ConcurrentSessionController).
                    .put("max_concurrency", fake.maxConcurrency());
            return Res.ok(json);
        }
        return Res.unmatched();
    }

    private ObjectNode applicationInfo() {
        ObjectNode json = Json.obj()
                .put("id", fake.applicationId())
                .put("name", fake.botUser().username())
                .put("description", "fake-discord test application")
                .put("bot_public", true)
                .put("bot_require_code_grant", false)
                .put("flags", 0);
        json.putNull("icon");
        json.set("owner", new FakeGuild.User(FakeGuild.OWNER_USER_ID, "olivia", false).toJson());
        json.set("bot", fake.botUser().toJson());
        return json;
    }

    // ---- commands ----

    private Res applications(Req r) {
        if (is(r, "GET", "applications", "@me")) {
            return Res.ok(applicationInfo());
        }
        if (r.seg.length < 3 || !r.seg(1).equals(fake.applicationId())) {
            return r.seg.length >= 2 ? Res.error(404, 10002, "Unknown Application") : Res.unmatched();
        }
        String scope;
        int rest;
        if (r.seg(2).equals("commands")) {
            scope = "";
            rest = 3;
        } else if (r.seg.length >= 5 && r.seg(2).equals("guilds") && r.seg(4).equals("commands")) {
            scope = r.seg(3);
            if (fake.guildOrNull(scope) == null) {
                return Res.error(404, 10004, "Unknown Guild");
            }
            rest = 5;
        } else {
            return Res.unmatched();
        }
        if (r.seg.length == rest) {
            return switch (r.method()) {
                case "GET" -> Res.ok(FakeDiscord.arrayOf(commands(scope.isEmpty() ? null : scope)));
                case "PUT" -> putCommands(scope, r.bodyOrEmpty());
                case "POST" -> upsertCommand(scope, r.bodyOrEmpty());
                default -> Res.unmatched();
            };
        }
        if (r.seg.length == rest + 1) {
            String commandId = r.seg(rest);
            synchronized (commands) {
                List<ObjectNode> list = commands.getOrDefault(scope, List.of());
                ObjectNode found = list.stream()
                        .filter(c -> c.path("id").asText().equals(commandId))
                        .findFirst()
                        .orElse(null);
                if (found == null) {
                    return Res.error(404, 10063, "Unknown application command");
                }
                switch (r.method()) {
                    case "GET":
                        return Res.ok(found.deepCopy());
                    case "DELETE":
                        List<ObjectNode> next = new ArrayList<>(list);
                        next.remove(found);
                        commands.put(scope, next);
                        return Res.noContent();
                    case "PATCH":
                        ObjectNode patched = found.deepCopy();
                        patched.setAll((ObjectNode) r.bodyOrEmpty());
                        patched.put("id", commandId).put("version", Snowflakes.next());
                        List<ObjectNode> replaced = new ArrayList<>(list);
                        replaced.set(replaced.indexOf(found), patched);
                        commands.put(scope, replaced);
                        return Res.ok(patched.deepCopy());
                    default:
                        return Res.unmatched();
                }
            }
        }
        return Res.unmatched();
    }

    private Res putCommands(String scope, JsonNode body) {
        if (!body.isArray()) {
            return invalidForm("body must be an array of commands");
        }
        if (body.size() > 100) {
            return invalidForm("at most 100 commands");
        }
        List<ObjectNode> next = new ArrayList<>();
        for (JsonNode c : body) {
            String problem = MessageRules.checkCommand(c);
            if (problem != null) {
                return invalidForm(problem);
            }
            next.add(completeCommand(scope, c));
        }
        synchronized (commands) {
            commands.put(scope, next);
        }
        return Res.ok(FakeDiscord.arrayOf(next.stream().map(ObjectNode::deepCopy).toList()));
    }

    private Res upsertCommand(String scope, JsonNode body) {
        String problem = MessageRules.checkCommand(body);
        if (problem != null) {
            return invalidForm(problem);
        }
        ObjectNode command = completeCommand(scope, body);
        synchronized (commands) {
            List<ObjectNode> next = new ArrayList<>(commands.getOrDefault(scope, List.of()));
            next.removeIf(c -> c.path("id").asText().equals(command.path("id").asText()));
            next.add(command);
            commands.put(scope, next);
        }
        return Res.ok(command.deepCopy());
    }

    /** What Discord adds to a registered command; the id stays the same across re-registrations. */
    private ObjectNode completeCommand(String scope, JsonNode c) {
        ObjectNode out = c.deepCopy();
        int type = c.path("type").asInt(1);
        out.put("type", type);
        out.put("id", fake.commandId(scope.isEmpty() ? "global" : scope, type + ":" + c.path("name").asText()));
        out.put("application_id", fake.applicationId());
        out.put("version", Snowflakes.next());
        if (!scope.isEmpty()) {
            out.put("guild_id", scope);
        }
        if (!out.has("default_member_permissions")) {
            out.putNull("default_member_permissions");
        }
        if (!out.has("description")) {
            out.put("description", "");
        }
        if (!out.has("nsfw")) {
            out.put("nsfw", false);
        }
        return out;
    }

    // ---- interactions ----

    private Res interactionCallback(Req r) {
        if (!is(r, "POST", "interactions", "*", "*", "callback")) {
            return Res.unmatched();
        }
        InteractionHandle h = fake.interaction(r.seg(1)).orElse(null);
        if (h == null || !h.token().equals(r.seg(2))) {
            return Res.error(404, 10062, "Unknown interaction");
        }
        JsonNode body = r.bodyOrEmpty();
        int type = body.path("type").asInt(-1);
        JsonNode data = body.path("data").isObject() ? body.get("data") : Json.obj();
        Res res = callback(h, type, data, r);
        InteractionCallback cb =
                new InteractionCallback(h.id(), type, data.deepCopy(), List.copyOf(r.files()), h.sentNanos(), r.nanos(), res.status());
        return res.then(() -> h.complete(cb));
    }

    private Res callback(InteractionHandle h, int type, JsonNode data, Req r) {
        Duration deadline = fake.interactionDeadline();
        if (!deadline.isZero() && r.nanos() - h.sentNanos() > deadline.toNanos()) {
            // What Discord answers when the 3 s are up; the user saw "The application did not respond".
            return Res.error(404, 10062, "Unknown interaction");
        }
        boolean component = h.type() == 3;
        boolean autocomplete = h.type() == 4;
        String problem = switch (type) {
            case InteractionCallback.REPLY -> autocomplete ? "type: not valid for autocomplete" : messageProblem(data, r.files().size(), true);
            case InteractionCallback.DEFERRED_REPLY -> autocomplete ? "type: not valid for autocomplete" : null;
            // Discord opens no modal in answer to autocomplete or to a submitted modal.
            case InteractionCallback.MODAL -> autocomplete || h.type() == Interactions.MODAL_SUBMIT
                    ? "type: not valid for this interaction" : MessageRules.checkModal(data);
            case InteractionCallback.DEFERRED_UPDATE -> component ? null : "type: only for component interactions";
            case InteractionCallback.UPDATE_MESSAGE -> component ? messageProblem(data, r.files().size(), false) : "type: only for component interactions";
            case InteractionCallback.AUTOCOMPLETE_RESULT -> autocomplete ? MessageRules.checkChoices(data) : "type: only for autocomplete";
            default -> "type: unknown callback type " + type;
        };
        if ("EMPTY".equals(problem)) {
            return Res.error(400, 50006, "Cannot send an empty message");
        }
        if (problem != null) {
            return invalidForm(problem);
        }
        if (!h.tryAcknowledge()) {
            return Res.error(400, 40060, "Interaction has already been acknowledged.");
        }
        ObjectNode payload = h.payloadRef();
        FakeMessage message = null;
        switch (type) {
            case InteractionCallback.REPLY -> message = fake.messageStore().create(
                    h.channelId(), data, r.files(), FakeMessage.Source.INTERACTION_REPLY, payload, 0);
            case InteractionCallback.DEFERRED_REPLY -> message = fake.messageStore().create(
                    h.channelId(),
                    Json.obj(),
                    List.of(),
                    FakeMessage.Source.INTERACTION_REPLY,
                    payload,
                    (data.path("flags").asInt(0) & MessageStore.EPHEMERAL) | MessageStore.LOADING);
            case InteractionCallback.UPDATE_MESSAGE -> message = fake.messageStore().edit(
                    fake.messageStore().getOrCreateExternal(h.componentMessageId(), h.channelId()), data, r.files());
            case InteractionCallback.DEFERRED_UPDATE -> message =
                    fake.messageStore().getOrCreateExternal(h.componentMessageId(), h.channelId());
            default -> {
                // autocomplete choices and modals leave no message behind
            }
        }
        if (message != null) {
            h.originalMessageId(message.id());
        }
        if (!"true".equals(r.params().get("with_response")) || message == null) {
            return Res.noContent();
        }
        ObjectNode json = Json.obj();
        json.putObject("interaction")
                .put("id", h.id())
                .put("type", h.type())
                .put("response_message_id", message.id())
                .put("response_message_loading", (message.flags() & MessageStore.LOADING) != 0)
                .put("response_message_ephemeral", message.ephemeral());
        ObjectNode resource = json.putObject("resource").put("type", type);
        if (type != InteractionCallback.DEFERRED_UPDATE) {
            resource.set("message", message.json());
        }
        return Res.ok(json);
    }

    /** Follow-ups and the original response, addressed by the interaction token. */
    private Res webhooks(Req r) {
        if (r.seg.length < 3) {
            return Res.unmatched();
        }
        InteractionHandle h = fake.interactionByToken(r.seg(2));
        if (h == null || !r.seg(1).equals(fake.applicationId())) {
            return Res.error(404, 10015, "Unknown Webhook");
        }
        if (h.expired()) {
            return Res.error(401, 50027, "Invalid Webhook Token");
        }
        if (!h.acknowledged()) {
            // Discord has no webhook for the token until the interaction is acknowledged.
            return Res.error(404, 10015, "Unknown Webhook");
        }
        if (is(r, "POST", "webhooks", "*", "*")) {
            JsonNode body = r.bodyOrEmpty();
            String problem = messageProblem(body, r.files().size(), true);
            if (problem != null) {
                return problem.equals("EMPTY") ? Res.error(400, 50006, "Cannot send an empty message") : invalidForm(problem);
            }
            ObjectNode payload = h.payloadRef();
            FakeMessage m = fake.messageStore().create(h.channelId(), body, r.files(), FakeMessage.Source.FOLLOW_UP, payload, 0);
            return Res.ok(m.json());
        }
        if (r.seg.length == 5 && r.seg(3).equals("messages")) {
            String mid = r.seg(4).equals("@original") ? h.originalMessageId() : r.seg(4);
            FakeMessage m = mid == null ? null : fake.messageStore().get(mid);
            if (m == null || m.deleted()) {
                return Res.error(404, 10008, "Unknown Message");
            }
            return readEditOrDelete(r, m);
        }
        return Res.unmatched();
    }

    // ---- channels ----

    private Res channels(Req r) {
        if (r.seg.length < 2) {
            return Res.unmatched();
        }
        String channelId = r.seg(1);
        FakeGuild guild = fake.guildOfChannel(channelId);
        boolean dm = guild == null && dmUserByChannel.containsKey(channelId);
        if (guild == null && !dm) {
            return Res.error(404, 10003, "Unknown Channel");
        }
        if (is(r, "GET", "channels", "*")) {
            return Res.ok(guild != null
                    ? guild.channelJson(guild.channel(channelId), true)
                    : dmChannelJson(channelId, findUser(dmUserByChannel.get(channelId))));
        }
        long perms = guild == null || !fake.enforcePermissions() ? FakeGuild.ALL_PERMISSIONS : fake.botPermissions(channelId);
        if ((perms & Permission.VIEW_CHANNEL.getRawValue()) == 0) {
            return Res.error(403, 50001, "Missing Access");
        }
        if (is(r, "POST", "channels", "*", "typing")) {
            return Res.noContent();
        }
        if (is(r, "POST", "channels", "*", "messages")) {
            return createChannelMessage(r, channelId, perms);
        }
        if (is(r, "GET", "channels", "*", "messages")) {
            return Res.ok(listMessages(channelId, r.params()));
        }
        if (is(r, "POST", "channels", "*", "messages", "bulk-delete")) {
            for (JsonNode id : r.bodyOrEmpty().path("messages")) {
                FakeMessage m = fake.messageStore().get(id.asText());
                if (m != null && m.channelId().equals(channelId)) {
                    m.markDeleted();
                }
            }
            return Res.noContent();
        }
        if (r.seg.length >= 4 && r.seg(2).equals("messages")) {
            FakeMessage m = fake.messageStore().get(r.seg(3));
            if (m == null || m.deleted() || m.ephemeral() || !m.channelId().equals(channelId)) {
                return Res.error(404, 10008, "Unknown Message");
            }
            if (r.seg.length == 4) {
                return readEditOrDelete(r, m);
            }
            if (is(r, "POST", "channels", "*", "messages", "*", "crosspost")) {
                return Res.ok(m.json());
            }
            if (r.seg(4).equals("reactions") && (r.method().equals("PUT") || r.method().equals("DELETE"))) {
                return Res.noContent();
            }
        }
        return Res.unmatched();
    }

    private Res createChannelMessage(Req r, String channelId, long perms) {
        JsonNode body = r.bodyOrEmpty();
        if ((perms & Permission.MESSAGE_SEND.getRawValue()) == 0) {
            return Res.error(403, 50013, "Missing Permissions");
        }
        if (body.path("embeds").size() > 0 && (perms & Permission.MESSAGE_EMBED_LINKS.getRawValue()) == 0) {
            return Res.error(403, 50013, "Missing Permissions");
        }
        if (!r.files().isEmpty() && (perms & Permission.MESSAGE_ATTACH_FILES.getRawValue()) == 0) {
            return Res.error(403, 50013, "Missing Permissions");
        }
        String problem = messageProblem(body, r.files().size(), true);
        if (problem != null) {
            return problem.equals("EMPTY") ? Res.error(400, 50006, "Cannot send an empty message") : invalidForm(problem);
        }
        String nonce = body.path("enforce_nonce").asBoolean(false) ? body.path("nonce").asText(null) : null;
        if (nonce == null) {
            return Res.ok(fake.messageStore().create(channelId, body, r.files(), FakeMessage.Source.CHANNEL, null, 0).json());
        }
        // As Discord: a nonce the bot used in the past few minutes returns that message, and no new one.
        synchronized (messagesByNonce) {
            Nonced earlier = messagesByNonce.get(nonce);
            if (earlier != null && System.nanoTime() - earlier.createdNanos() < NONCE_MEMORY.toNanos()) {
                return Res.ok(earlier.message().json());
            }
            FakeMessage m = fake.messageStore().create(channelId, body, r.files(), FakeMessage.Source.CHANNEL, null, 0);
            long now = System.nanoTime();
            if (messagesByNonce.size() >= 10_000) {
                messagesByNonce.values().removeIf(n -> now - n.createdNanos() >= NONCE_MEMORY.toNanos());
            }
            messagesByNonce.put(nonce, new Nonced(m, now));
            return Res.ok(m.json());
        }
    }

    /** Newest first, like Discord; honours limit, before and after. */
    private ArrayNode listMessages(String channelId, Map<String, String> params) {
        int limit = Math.max(1, Math.min(100, Integer.parseInt(params.getOrDefault("limit", "50"))));
        // -1 is the largest unsigned snowflake: "before" defaults to "everything".
        long before = params.containsKey("before") ? Long.parseUnsignedLong(params.get("before")) : -1L;
        long after = Long.parseUnsignedLong(params.getOrDefault("after", "0"));
        List<FakeMessage> list = new ArrayList<>(fake.channelMessages(channelId));
        list.sort(Comparator.comparing((FakeMessage m) -> Long.parseUnsignedLong(m.id())).reversed());
        ArrayNode out = Json.arr();
        for (FakeMessage m : list) {
            long id = Long.parseUnsignedLong(m.id());
            if (Long.compareUnsigned(id, before) < 0 && Long.compareUnsigned(id, after) > 0 && out.size() < limit) {
                out.add(m.json());
            }
        }
        return out;
    }

    // ---- guilds ----

    private Res guilds(Req r) {
        if (r.seg.length < 2 || !r.method().equals("GET")) {
            return Res.unmatched();
        }
        FakeGuild g = fake.guildOrNull(r.seg(1));
        if (g == null) {
            return Res.error(404, 10004, "Unknown Guild");
        }
        if (r.seg.length == 2) {
            ObjectNode json = g.toGuildJson();
            json.put("approximate_member_count", g.members().size() + 1).put("approximate_presence_count", 0);
            return Res.ok(json);
        }
        switch (r.seg(2)) {
            case "channels":
                return r.seg.length == 3 ? Res.ok(FakeDiscord.arrayOf(g.channels().stream().map(c -> g.channelJson(c, true)).toList())) : Res.unmatched();
            case "roles":
                return r.seg.length == 3 ? Res.ok(g.toGuildJson().get("roles")) : Res.unmatched();
            case "members":
                if (r.seg.length == 3) {
                    return Res.ok(listMembers(g, r.params()));
                }
                if (r.seg.length == 4) {
                    FakeGuild.Member m = r.seg(3).equals(fake.botId()) ? g.botMember(fake.botUser()) : g.member(r.seg(3));
                    return m == null ? Res.error(404, 10007, "Unknown Member") : Res.ok(m.toJson());
                }
                return Res.unmatched();
            default:
                return Res.unmatched();
        }
    }

    private ArrayNode listMembers(FakeGuild g, Map<String, String> params) {
        int limit = Math.max(1, Math.min(1000, Integer.parseInt(params.getOrDefault("limit", "1"))));
        long after = Long.parseUnsignedLong(params.getOrDefault("after", "0"));
        List<FakeGuild.Member> all = new ArrayList<>(g.members());
        all.add(g.botMember(fake.botUser()));
        all.sort(Comparator.comparing(m -> Long.parseUnsignedLong(m.user().id())));
        ArrayNode out = Json.arr();
        for (FakeGuild.Member m : all) {
            if (Long.compareUnsigned(Long.parseUnsignedLong(m.user().id()), after) > 0 && out.size() < limit) {
                out.add(m.toJson());
            }
        }
        return out;
    }

    // ---- helpers ----

    private FakeGuild.User findUser(String userId) {
        if (userId == null) {
            return null;
        }
        if (userId.equals(fake.botId())) {
            return fake.botUser();
        }
        for (FakeGuild g : fake.guilds()) {
            FakeGuild.Member m = g.member(userId);
            if (m != null) {
                return m.user();
            }
        }
        return null;
    }

    private static ObjectNode dmChannelJson(String channelId, FakeGuild.User user) {
        ObjectNode json = Json.obj().put("id", channelId).put("type", 1).put("flags", 0);
        json.putNull("last_message_id");
        json.putArray("recipients").add(user.toJson());
        return json;
    }

    private static String messageProblem(JsonNode payload, int files, boolean create) {
        return MessageRules.checkMessage(payload, files, create);
    }

    private static Res invalidForm(String problem) {
        ObjectNode body = Json.obj().put("message", "Invalid Form Body").put("code", 50035);
        body.putObject("errors").putObject("_errors").put("message", problem);
        return new Res(400, body, Map.of(), true, null);
    }
}

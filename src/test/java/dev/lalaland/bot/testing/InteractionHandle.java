package dev.lalaland.bot.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

/**
 * One injected interaction: its id/token, when it was sent, and everything the bot did with it
 * (the first callback, follow-ups, edits of the original response).
 */
public final class InteractionHandle {
    private final FakeDiscord fake;
    private final ObjectNode payload;
    private final String id;
    private final String token;
    private final int type;
    private final String guildId;
    private final String channelId;
    private final String userId;
    private final String componentMessageId;
    private final CompletableFuture<InteractionCallback> firstCallback = new CompletableFuture<>();
    private volatile long sentNanos;
    private volatile String originalMessageId;
    private final AtomicBoolean acknowledged = new AtomicBoolean();
    private volatile boolean expired;

    InteractionHandle(FakeDiscord fake, ObjectNode payload, String guildId, String userId, String componentMessageId) {
        this.fake = fake;
        this.payload = payload;
        this.id = payload.get("id").asText();
        this.token = payload.get("token").asText();
        this.type = payload.get("type").asInt();
        this.guildId = guildId;
        this.channelId = payload.get("channel_id").asText();
        this.userId = userId;
        this.componentMessageId = componentMessageId;
    }

    public String id() {
        return id;
    }

    public String token() {
        return token;
    }

    /** 2 command, 3 component, 4 autocomplete, 5 modal submit. */
    public int type() {
        return type;
    }

    public String guildId() {
        return guildId;
    }

    public String channelId() {
        return channelId;
    }

    public String userId() {
        return userId;
    }

    /** For component interactions: the message the button/select is on. */
    public String componentMessageId() {
        return componentMessageId;
    }

    /** {@link System#nanoTime()} just before the INTERACTION_CREATE was written to the socket. */
    public long sentNanos() {
        return sentNanos;
    }

    /** A copy of the INTERACTION_CREATE payload that was sent. */
    public ObjectNode payload() {
        return payload.deepCopy();
    }

    /** Whether any callback arrived (even one the fake refused, e.g. a late one). */
    public boolean responded() {
        return firstCallback.isDone();
    }

    /** Whether a callback was accepted: the interaction counts as answered for Discord. */
    public boolean acknowledged() {
        return acknowledged.get();
    }

    public Optional<InteractionCallback> response() {
        return Optional.ofNullable(firstCallback.getNow(null));
    }

    /**
     * Waits for the bot's first callback (type 4/5/6/7/8/9).
     *
     * @throws AssertionError when none arrives in time
     */
    public InteractionCallback awaitResponse(Duration timeout) {
        try {
            return firstCallback.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("no callback for interaction " + id + " within " + timeout
                    + "; requests for it: " + requests());
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for interaction " + id);
        }
    }

    /** Like {@link #awaitResponse} but empty instead of failing. */
    public Optional<InteractionCallback> tryAwaitResponse(Duration timeout) {
        try {
            return Optional.of(firstCallback.get(timeout.toNanos(), TimeUnit.NANOSECONDS));
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** The first {@code POST /webhooks/{app}/{token}} (a follow-up message). */
    public RecordedRequest awaitFollowUp(Duration timeout) {
        return awaitRequest(r -> r.method().equals("POST") && r.path().equals(webhookPath()), timeout);
    }

    /** The first {@code PATCH .../messages/@original} (editing the reply, e.g. after a defer). */
    public RecordedRequest awaitOriginalEdit(Duration timeout) {
        return awaitRequest(
                r -> r.method().equals("PATCH") && r.path().equals(webhookPath() + "/messages/@original"), timeout);
    }

    /** The first request about this interaction (callback or webhook) matching the predicate. */
    public RecordedRequest awaitRequest(Predicate<RecordedRequest> predicate, Duration timeout) {
        return fake.awaitRequest(r -> isMine(r) && predicate.test(r), timeout);
    }

    /** Every request about this interaction so far: its callback(s) and webhook calls. */
    public List<RecordedRequest> requests() {
        return fake.requests().stream().filter(this::isMine).toList();
    }

    /** The reply message (type 4/5) or, for components, the message the component is on. */
    public Optional<FakeMessage> originalMessage() {
        String mid = originalMessageId;
        return mid == null ? Optional.empty() : fake.message(mid);
    }

    /** Follow-up messages created through the webhook, oldest first. */
    public List<FakeMessage> followUps() {
        return fake.allMessages().stream()
                .filter(m -> m.source() == FakeMessage.Source.FOLLOW_UP && id.equals(m.interactionId()))
                .toList();
    }

    /**
     * Makes the token invalid from now on, as Discord does after 15 minutes: webhook calls
     * (follow-ups, editing the original) answer 401 with code 50027 "Invalid Webhook Token".
     */
    public void expire() {
        expired = true;
    }

    public boolean expired() {
        return expired;
    }

    // ---- used by the fake ----

    void markSent(long nanos) {
        this.sentNanos = nanos;
    }

    ObjectNode payloadRef() {
        return payload;
    }

    /** True for the first acknowledgement only. */
    boolean tryAcknowledge() {
        return acknowledged.compareAndSet(false, true);
    }

    boolean complete(InteractionCallback callback) {
        return firstCallback.complete(callback);
    }

    void originalMessageId(String messageId) {
        this.originalMessageId = messageId;
    }

    String originalMessageId() {
        return originalMessageId;
    }

    String webhookPath() {
        return "/webhooks/" + fake.applicationId() + "/" + token;
    }

    private boolean isMine(RecordedRequest r) {
        return r.path().startsWith(webhookPath()) || r.path().startsWith("/interactions/" + id + "/");
    }

    @Override
    public String toString() {
        return "InteractionHandle[id=" + id + ", type=" + type + ", user=" + userId + ", channel=" + channelId + "]";
    }
}

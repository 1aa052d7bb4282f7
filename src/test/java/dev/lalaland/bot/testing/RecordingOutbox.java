package dev.lalaland.bot.testing;

import dev.lalaland.bot.command.DeliveryException;
import dev.lalaland.bot.command.Outbox;
import dev.lalaland.bot.render.DiscordLimits;
import dev.lalaland.bot.render.PlainText;
import dev.lalaland.bot.render.Reply;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The outbox of tests that run a feature without Discord: it records every message the bot tries
 * to send, with the (virtual) time it tried, checks each one against Discord's limits, and answers
 * as the test says: delivered by default, or a failure, or never (a bot stopped before Discord
 * confirmed). Thread-safe: the feature may post from its timers and its database writer.
 */
public final class RecordingOutbox implements Outbox {

    /**
     * One message: as tried ({@link #sent()}, no message id yet) or as delivered ({@link #posts()},
     * with the id Discord gave it). {@code nonce} is null for a post without one; {@code at} is
     * the outbox clock's time of the try.
     */
    public record Message(Instant at, String channelId, String messageId, Reply reply, String nonce) {
        /** A reply the bot gave to a command, as if Discord had posted it as {@code messageId}. */
        public static Message asPosted(String channelId, String messageId, Reply reply) {
            return new Message(null, channelId, messageId, reply, null);
        }

        public String text() {
            return PlainText.render(reply);
        }

        /** The first embed's title, or "" for a message without one. */
        public String title() {
            return reply.embeds().isEmpty() ? "" : reply.embeds().get(0).title();
        }

        Message delivered(String id) {
            return new Message(at, channelId, id, reply, nonce);
        }
    }

    private final Clock clock;
    private final List<Message> sent = new CopyOnWriteArrayList<>();
    private final List<Message> posts = new CopyOnWriteArrayList<>();
    private final List<Message> edits = new CopyOnWriteArrayList<>();
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong(700_000_000_000_000_000L);
    private volatile Function<Message, CompletableFuture<String>> answer = m -> delivered();
    private volatile boolean refuseEdits;

    public RecordingOutbox(Clock clock) {
        this.clock = clock;
    }

    // ---- how it answers ----

    /** How to answer posts from now on; the function sees the post being tried (a delivered id, a failure, or never). */
    public void answerWith(Function<Message, CompletableFuture<String>> answer) {
        this.answer = answer;
    }

    /** Delivers every post (the default). */
    public void accept() {
        refuseEdits = false;
        answer = m -> delivered();
    }

    /** Fails every post with {@code failure}. */
    public void failWith(RuntimeException failure) {
        answer = m -> CompletableFuture.failedFuture(failure);
    }

    /** The channel refuses the bot for good (Discord's Missing Permissions), posts and edits alike. */
    public void refusePermanently() {
        failWith(new DeliveryException("Missing Permissions", true, null));
        refuseEdits = true;
    }

    /** Every post goes out and nothing ever comes back: the bot will be stopped before it does. */
    public void neverAnswer() {
        answer = m -> new CompletableFuture<>();
    }

    /** As {@link #neverAnswer}, for the posts that match; the others are delivered. */
    public void neverAnswer(Predicate<Message> which) {
        answer = m -> which.test(m) ? new CompletableFuture<>() : delivered();
    }

    /** A delivered answer with a fresh message id (to build an {@link #answerWith} function). */
    public CompletableFuture<String> delivered() {
        return CompletableFuture.completedFuture(Long.toString(ids.incrementAndGet()));
    }

    // ---- what it saw ----

    /** Every post tried, in order, whatever the answer (no message ids). */
    public List<Message> sent() {
        return List.copyOf(sent);
    }

    public List<Message> sentTo(String channelId) {
        return sent.stream().filter(m -> m.channelId().equals(channelId)).toList();
    }

    /** The posts delivered, in order, with their message ids. */
    public List<Message> posts() {
        return List.copyOf(posts);
    }

    /** The edits made, in order. */
    public List<Message> edits() {
        return List.copyOf(edits);
    }

    /** What broke Discord's limits, in any post or edit; a test's teardown checks it is empty. */
    public List<String> violations() {
        return List.copyOf(violations);
    }

    public Optional<Message> find(Predicate<Message> test) {
        return posts.stream().filter(test).findFirst();
    }

    /** The first post tried that matches, delivered or not. */
    public Optional<Message> findSent(Predicate<Message> test) {
        return sent.stream().filter(test).findFirst();
    }

    public long count(Predicate<Message> test) {
        return posts.stream().filter(test).count();
    }

    // ---- the outbox ----

    @Override
    public CompletableFuture<String> post(String channelId, Reply message) {
        return post(channelId, message, null);
    }

    @Override
    public CompletableFuture<String> post(String channelId, Reply message, String nonce) {
        check(message);
        Message tried = new Message(clock.instant(), channelId, null, message, nonce);
        sent.add(tried);
        CompletableFuture<String> answered = answer.apply(tried);
        // Recorded before the bot's own callbacks run, as Discord has the message before the bot hears back.
        return answered.thenApply(id -> {
            posts.add(tried.delivered(id));
            return id;
        });
    }

    @Override
    public CompletableFuture<Void> edit(String channelId, String messageId, Reply message) {
        check(message);
        if (refuseEdits) {
            return CompletableFuture.failedFuture(new DeliveryException("Missing Permissions", true, null));
        }
        edits.add(new Message(clock.instant(), channelId, messageId, message, null));
        return CompletableFuture.completedFuture(null);
    }

    private void check(Reply message) {
        DiscordLimits.violations(message).forEach(v -> violations.add(v + " in " + message));
    }
}

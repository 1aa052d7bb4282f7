package dev.lalaland.bot.quiz;

import dev.lalaland.bot.command.DeliveryException;
import dev.lalaland.bot.command.Outbox;
import dev.lalaland.bot.render.DiscordLimits;
import dev.lalaland.bot.render.Reply;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/** A recording outbox that can hold posts unanswered, for the podium tests. Kept from before the shared testing.RecordingOutbox.
 * An outbox that keeps every message, checks each against Discord's limits, and can refuse on demand. */
final class PodiumTestOutbox implements Outbox {
    record Message(String channelId, String messageId, Reply reply) {
        String text() {
            return dev.lalaland.bot.render.PlainText.render(reply);
        }
    }

    final List<Message> posts = new CopyOnWriteArrayList<>();
    final List<Message> edits = new CopyOnWriteArrayList<>();
    final List<String> violations = new CopyOnWriteArrayList<>();
    /** Posts taken and held (see {@link #hold}), with their nonces. */
    final List<Held> held = new CopyOnWriteArrayList<>();
    private final Map<String, String> nonceByMessageId = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong(700_000_000_000_000_000L);
    volatile boolean refusePermanently;
    /** Posts with a nonce that match are taken and never answered, as when the bot stops before Discord confirms them. */
    volatile Predicate<Message> hold = m -> false;

    record Held(String nonce, Message message) {
    }

    @Override
    public CompletableFuture<String> post(String channelId, Reply message) {
        check(message);
        if (refusePermanently) {
            return CompletableFuture.failedFuture(new DeliveryException("Missing Permissions", true, null));
        }
        String id = Long.toString(ids.incrementAndGet());
        posts.add(new Message(channelId, id, message));
        return CompletableFuture.completedFuture(id);
    }

    @Override
    public CompletableFuture<String> post(String channelId, Reply message, String nonce) {
        Message taken = new Message(channelId, null, message);
        if (hold.test(taken)) {
            check(message);
            held.add(new Held(nonce, taken));
            return new CompletableFuture<>();
        }
        CompletableFuture<String> posted = post(channelId, message);
        posted.thenAccept(id -> nonceByMessageId.put(id, nonce));
        return posted;
    }

    /** The nonce a message was posted with, if any. */
    Optional<String> nonceOf(Message posted) {
        return Optional.ofNullable(nonceByMessageId.get(posted.messageId()));
    }

    @Override
    public CompletableFuture<Void> edit(String channelId, String messageId, Reply message) {
        check(message);
        if (refusePermanently) {
            return CompletableFuture.failedFuture(new DeliveryException("Missing Permissions", true, null));
        }
        edits.add(new Message(channelId, messageId, message));
        return CompletableFuture.completedFuture(null);
    }

    Optional<Message> find(Predicate<Message> test) {
        return posts.stream().filter(test).findFirst();
    }

    long count(Predicate<Message> test) {
        return posts.stream().filter(test).count();
    }

    private void check(Reply message) {
        DiscordLimits.violations(message).forEach(v -> violations.add(v + " in " + message));
    }
}

package dev.lalaland.bot.onthisday;

import dev.lalaland.bot.command.Outbox;
import dev.lalaland.bot.render.Reply;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * An outbox that records every post with the (virtual) time it was asked to send it, and answers
 * as the test says: accepted by default, or a failure, or never (a bot killed mid-send).
 */
final class RecordingOutbox implements Outbox {
    record Sent(Instant at, String channelId, Reply reply, String nonce) {
    }

    private final Clock clock;
    private final List<Sent> sent = new ArrayList<>();
    private final AtomicLong ids = new AtomicLong();
    private Function<Sent, CompletableFuture<String>> answer = s -> CompletableFuture.completedFuture(next());

    RecordingOutbox(Clock clock) {
        this.clock = clock;
    }

    /** How to answer from now on; the function sees the attempt being made. */
    void answerWith(Function<Sent, CompletableFuture<String>> answer) {
        this.answer = answer;
    }

    void accept() {
        answer = s -> CompletableFuture.completedFuture(next());
    }

    void failWith(RuntimeException failure) {
        answer = s -> CompletableFuture.failedFuture(failure);
    }

    /** The request went out and nothing ever came back: the bot will be "killed" before it does. */
    void neverAnswer() {
        answer = s -> new CompletableFuture<>();
    }

    synchronized List<Sent> sent() {
        return List.copyOf(sent);
    }

    synchronized List<Sent> sentTo(String channelId) {
        return sent.stream().filter(s -> s.channelId().equals(channelId)).toList();
    }

    @Override
    public CompletableFuture<String> post(String channelId, Reply message) {
        throw new AssertionError("daily posts must carry a nonce");
    }

    @Override
    public CompletableFuture<String> post(String channelId, Reply message, String nonce) {
        Sent s = new Sent(clock.instant(), channelId, message, nonce);
        synchronized (this) {
            sent.add(s);
        }
        return answer.apply(s);
    }

    @Override
    public CompletableFuture<Void> edit(String channelId, String messageId, Reply message) {
        throw new AssertionError("daily posts are never edited");
    }

    private String next() {
        return "m" + ids.incrementAndGet();
    }
}

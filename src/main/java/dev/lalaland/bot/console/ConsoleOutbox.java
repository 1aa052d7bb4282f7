package dev.lalaland.bot.console;

import dev.lalaland.bot.command.Outbox;
import dev.lalaland.bot.render.Reply;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/** In console mode, messages the bot would post to a channel are printed instead. */
public final class ConsoleOutbox implements Outbox {
    private final AtomicLong ids = new AtomicLong(900_000_000_000_000_000L);
    private Consumer<Reply> printer = reply -> { };

    /** Set once the console exists (it needs the dispatcher, which needs this outbox). */
    public void printTo(Consumer<Reply> printer) {
        this.printer = printer;
    }

    @Override
    public CompletableFuture<String> post(String channelId, Reply message) {
        printer.accept(message);
        return CompletableFuture.completedFuture(Long.toString(ids.incrementAndGet()));
    }

    @Override
    public CompletableFuture<Void> edit(String channelId, String messageId, Reply message) {
        return CompletableFuture.completedFuture(null);
    }
}

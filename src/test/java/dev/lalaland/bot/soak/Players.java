package dev.lalaland.bot.soak;

import dev.lalaland.bot.testing.FakeDiscord;
import dev.lalaland.bot.testing.FakeMessage;
import dev.lalaland.bot.testing.InteractionCallback;
import dev.lalaland.bot.testing.InteractionHandle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The players of the soak's quiz nights: they watch each night's channel on the fake Discord and
 * click an answer to every question that appears, a moment after it does, as people would. One
 * of them always clicks twice (the second click must be "already answered"). A click that cannot
 * reach the bot (its shard's process is down) or gets "restarting" is tried again a little later,
 * as a player would. Every click is recorded with what came of it, to be held against the
 * database afterwards.
 */
final class Players implements AutoCloseable {
    /** What a click came to, as the player (the fake Discord) saw it. */
    enum Outcome {
        /** No process ran the server's shard: Discord had no one to send the click to. */
        NOT_DELIVERED,
        /** Sent to a process, which never answered (it died, or was stopping). */
        NO_ACK,
        /** Answered after Discord's 3 s deadline: the player saw "did not respond". */
        LATE,
        /** "Locked in": the answer counts. */
        COUNTED,
        /** "You already answered this one". */
        ALREADY_ANSWERED,
        /** Any other answer: time's up, closed, paused, restarting. */
        REFUSED
    }

    record Click(String serverId, long roundId, String userId, int choice, Outcome outcome, String reply) {
        boolean delivered() {
            return outcome != Outcome.NOT_DELIVERED;
        }
    }

    private static final Duration ACK_WAIT = Duration.ofSeconds(6);
    private static final int TRIES = 4;
    private static final long RETRY_MILLIS = 1500;

    private final FakeDiscord discord;
    /** Quiz channel by night server. */
    private final Map<String, String> channels;
    private final List<String> players;
    private final Random random;
    private final ScheduledExecutorService scanner = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "soak-scan"));
    private final ScheduledExecutorService clickers = Executors.newScheduledThreadPool(16, r -> daemon(r, "soak-click"));
    private final Set<String> seenQuestions = new HashSet<>();
    private final ConcurrentLinkedQueue<Click> clicks = new ConcurrentLinkedQueue<>();

    Players(FakeDiscord discord, Map<String, String> channels, List<String> players, long seed) {
        this.discord = discord;
        this.channels = Map.copyOf(channels);
        this.players = List.copyOf(players);
        this.random = new Random(seed);
    }

    void start() {
        scanner.scheduleWithFixedDelay(this::scan, 0, 150, TimeUnit.MILLISECONDS);
    }

    List<Click> clicks() {
        return new ArrayList<>(clicks);
    }

    synchronized int questionsSeen() {
        return seenQuestions.size();
    }

    private void scan() {
        try {
            channels.forEach((server, channel) -> {
                for (FakeMessage m : discord.channelMessages(channel)) {
                    List<String> ids = m.customIds();
                    if (ids.size() == 4 && ids.stream().allMatch(id -> id.startsWith("quiz:")) && firstSight(m.id())) {
                        answer(server, channel, m);
                    }
                }
            });
        } catch (RuntimeException e) {
            // a scan racing the fake's shutdown; the next one goes on
        }
    }

    private synchronized boolean firstSight(String messageId) {
        return seenQuestions.add(messageId);
    }

    private void answer(String server, String channel, FakeMessage question) {
        List<String> ids = question.customIds();
        for (int p = 0; p < players.size(); p++) {
            String player = players.get(p);
            int choice;
            long delay;
            synchronized (random) {
                choice = random.nextInt(4);
                delay = 300 + random.nextInt(2200);
            }
            String customId = ids.get(choice);
            clickers.schedule(() -> click(server, channel, question.id(), customId, player, 1), delay,
                    TimeUnit.MILLISECONDS);
            if (p == 0) {
                // The same player again, on another button: one answer per question, no changing it.
                String other = ids.get((choice + 1) % 4);
                clickers.schedule(() -> click(server, channel, question.id(), other, player, TRIES), delay + 400,
                        TimeUnit.MILLISECONDS);
            }
        }
    }

    private void click(String server, String channel, String messageId, String customId, String player, int attempt) {
        String[] parts = customId.split(":");
        long roundId = Long.parseLong(parts[1]);
        int choice = Integer.parseInt(parts[2]);
        Click click;
        InteractionHandle handle;
        try {
            handle = discord.button(player, channel, messageId, customId);
        } catch (IllegalStateException e) {
            record(new Click(server, roundId, player, choice, Outcome.NOT_DELIVERED, e.getMessage()));
            retry(server, channel, messageId, customId, player, attempt);
            return;
        }
        Optional<InteractionCallback> ack = handle.tryAwaitResponse(ACK_WAIT);
        if (ack.isEmpty()) {
            click = new Click(server, roundId, player, choice, Outcome.NO_ACK, null);
        } else if (!ack.get().accepted()) {
            click = new Click(server, roundId, player, choice, Outcome.LATE, ack.get().content());
        } else {
            String reply = ack.get().content();
            Outcome outcome = reply.startsWith("Locked in") ? Outcome.COUNTED
                    : reply.startsWith("You already answered") ? Outcome.ALREADY_ANSWERED : Outcome.REFUSED;
            click = new Click(server, roundId, player, choice, outcome, reply);
        }
        record(click);
        if (click.outcome() == Outcome.REFUSED && click.reply().contains("restarting")) {
            retry(server, channel, messageId, customId, player, attempt);
        }
    }

    private void retry(String server, String channel, String messageId, String customId, String player, int attempt) {
        if (attempt < TRIES && !clickers.isShutdown()) {
            try {
                clickers.schedule(() -> click(server, channel, messageId, customId, player, attempt + 1), RETRY_MILLIS,
                        TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // closing
            }
        }
    }

    private void record(Click click) {
        clicks.add(click);
    }

    @Override
    public void close() throws InterruptedException {
        scanner.shutdownNow();
        clickers.shutdown();
        if (!clickers.awaitTermination(ACK_WAIT.toSeconds() * 2, TimeUnit.SECONDS)) {
            clickers.shutdownNow();
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}

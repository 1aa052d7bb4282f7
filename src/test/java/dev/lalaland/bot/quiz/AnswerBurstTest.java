package dev.lalaland.bot.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lalaland.bot.command.ButtonClick;
import dev.lalaland.bot.command.Invoker;
import dev.lalaland.bot.db.Database;
import dev.lalaland.bot.render.Reply;
import dev.lalaland.bot.testing.ManualClock;
import dev.lalaland.bot.testing.RecordingOutbox.Message;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 200 players click the same night question at once, each twice (a double click), from as many
 * threads as the Discord layer uses and more: every click is acknowledged well within Discord's
 * 3 seconds and every player's answer is recorded exactly once.
 */
class AnswerBurstTest {
    private static final int PLAYERS = 200;

    @TempDir
    Path dir;

    @Test
    void twoHundredPlayersClickingAtOnceAreEachCountedOnce() throws Exception {
        ExecutorService clickers = Executors.newFixedThreadPool(16);
        // The quiz's timers on virtual time: the question stays open however long the burst takes.
        try (VirtualQuiz bot = new VirtualQuiz(Database.open(dir.resolve("quiz.db")),
                ManualClock.at("2026-11-28T20:00:00Z"), QuizTimings.standard(), 3, new Random())) {
            Quiz quiz = bot.quiz;
            Clock clock = bot.clock;
            bot.startNight(VirtualQuiz.player(1), 1, 120);
            Message question = bot.question(1, 1);

            List<ButtonClick> clicks = new ArrayList<>();
            for (int p = 0; p < PLAYERS; p++) {
                Invoker who = new Invoker(String.valueOf(500_000_000_000_000_000L + p), "Player " + p,
                        VirtualQuiz.GUILD, VirtualQuiz.CHANNEL, false);
                String button = question.reply().buttons().get(p % 4).id();
                clicks.add(new ButtonClick(button, question.messageId(), who, clock.instant()));
                clicks.add(new ButtonClick(button, question.messageId(), who, clock.instant()));
            }
            Collections.shuffle(clicks, new Random(1));

            long start = System.nanoTime();
            List<Future<long[]>> acks = new ArrayList<>();
            for (ButtonClick click : clicks) {
                acks.add(clickers.submit(() -> {
                    long sent = System.nanoTime();
                    Reply reply = quiz.buttons().onClick(click);
                    long tookMicros = (System.nanoTime() - sent) / 1000;
                    long fromBurstStartMicros = (System.nanoTime() - start) / 1000;
                    int kind = reply.content().startsWith("Locked in") ? 0 : reply.content().contains("already answered") ? 1 : 2;
                    return new long[] {kind, tookMicros, fromBurstStartMicros, reply.ephemeral() ? 1 : 0};
                }));
            }
            int recorded = 0;
            int repeats = 0;
            long slowest = 0;
            long lastAck = 0;
            for (Future<long[]> ack : acks) {
                long[] r = ack.get(10, TimeUnit.SECONDS);
                assertThat(r[0]).as("every click gets a proper answer").isLessThan(2);
                assertThat(r[3]).as("acknowledged privately").isEqualTo(1);
                recorded += r[0] == 0 ? 1 : 0;
                repeats += r[0] == 1 ? 1 : 0;
                slowest = Math.max(slowest, r[1]);
                lastAck = Math.max(lastAck, r[2]);
            }
            System.out.printf("burst: %d clicks by %d players, all acknowledged %d ms after the first; slowest "
                    + "acknowledgement %d ms%n", clicks.size(), PLAYERS, lastAck / 1000, slowest / 1000);
            assertThat(recorded).isEqualTo(PLAYERS);
            assertThat(repeats).isEqualTo(PLAYERS);
            assertThat(slowest).as("slowest acknowledgement, µs").isLessThan(3_000_000);

            RoundResult result = quiz.store().closeRound(quiz.store().openRound(1).orElseThrow().id()).orElseThrow();
            assertThat(result.answers()).isEqualTo(PLAYERS);
            assertThat(result.choiceCounts()).containsExactly(50, 50, 50, 50);
            assertThat(result.right()).hasSize(50).extracting(RoundResult.Scored::userId).doesNotHaveDuplicates();
        } finally {
            clickers.shutdownNow();
        }
    }
}

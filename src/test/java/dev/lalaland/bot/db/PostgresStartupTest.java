package dev.lalaland.bot.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Start-up against a PostgreSQL that is not there (yet), and one that refuses the login. */
class PostgresStartupTest {

    @Test
    void anUnreachableServerIsRetriedOnOneLineNamingTheSettingWithoutThePassword() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        PostgresUrl url = PostgresUrl.parse("postgresql://bot:hunter2@127.0.0.1:" + closedPort + "/lalaland");
        assertThatThrownBy(() -> Database.open(url)).isInstanceOf(PostgresUnreachableException.class);

        Logger logger = (Logger) LoggerFactory.getLogger(Database.class);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        logger.addAppender(logged);
        Thread[] waiting = new Thread[1];
        CompletableFuture<Object> outcome = new CompletableFuture<>();
        try {
            waiting[0] = new Thread(() -> {
                try {
                    outcome.complete(Database.openWhenReachable(url, Duration.ofSeconds(1)));
                } catch (InterruptedException e) {
                    outcome.complete("interrupted");
                } catch (RuntimeException e) {
                    outcome.complete(e);
                }
            });
            waiting[0].start();
            // 1 s, then 1 s more: three attempts in about 2 s, and still waiting
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (System.nanoTime() < deadline && !outcome.isDone() && waiting[0].getState() != Thread.State.TIMED_WAITING) {
                Thread.sleep(20);
            }
            Thread.sleep(2_500);
            assertThat(outcome).as("still retrying, not failed").isNotDone();
            waiting[0].interrupt();
            assertThat(outcome.get(10, TimeUnit.SECONDS)).isEqualTo("interrupted");
        } finally {
            logger.detachAppender(logged);
        }
        assertThat(logged.list).filteredOn(e -> e.getLevel() == Level.WARN).hasSize(1)
                .allSatisfy(e -> assertThat(e.getFormattedMessage()).contains("BOT_DATABASE_URL")
                        .contains("127.0.0.1:" + closedPort).contains("not reachable").doesNotContain("hunter2"));
    }

    @Test
    void aRefusedLoginFailsAtOnceNamingTheSetting() {
        PostgresUrl server = TestPostgres.freshSchema();
        PostgresUrl wrongPassword = PostgresUrl.parse("postgresql://" + server.user() + ":not-the-password@"
                + server.jdbcUrl().substring("jdbc:postgresql://".length()));
        assertThatThrownBy(() -> Database.openWhenReachable(wrongPassword, Duration.ofSeconds(1)))
                .isInstanceOf(DatabaseException.class)
                .isNotInstanceOf(PostgresUnreachableException.class)
                .satisfies(e -> assertThat(((DatabaseException) e).setting()).isEqualTo("BOT_DATABASE_URL"))
                .message().doesNotContain("not-the-password");
    }
}

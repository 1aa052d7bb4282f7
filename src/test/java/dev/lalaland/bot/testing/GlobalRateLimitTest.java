package dev.lalaland.bot.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.Compression;
import org.junit.jupiter.api.Test;

/** The fake's global rate limit: counted as Discord counts it, answered as Discord answers it, and JDA copes. */
class GlobalRateLimitTest {
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    @Test
    void admitsTheLimitEachSecondAndSaysHowLongToWait() {
        GlobalRateLimit limit = new GlobalRateLimit(3);
        long t0 = 5 * SECOND;
        assertThat(limit.admit(t0)).isZero();
        assertThat(limit.admit(t0 + 100)).isZero();
        assertThat(limit.admit(t0 + SECOND / 2)).isZero();
        assertThat(limit.admit(t0 + SECOND / 2 + 1)).isEqualTo(Duration.ofNanos(SECOND / 2 - 1));
        // The next window starts a second after the first, whatever came in between.
        assertThat(limit.admit(t0 + SECOND)).isZero();
        assertThat(limit.admit(t0 + SECOND + 1)).isZero();
        assertThat(limit.admit(t0 + SECOND + 2)).isZero();
        assertThat(limit.admit(t0 + SECOND + 3)).isPositive();
        // After a quiet spell the windows keep their grid.
        assertThat(limit.admit(t0 + 10 * SECOND + SECOND / 4)).isZero();
        assertThat(limit.refused()).isEqualTo(2);
        assertThat(limit.admitted()).isEqualTo(7);
    }

    @Test
    void aRequestOverTheLimitGetsDiscordsGlobal429AndInteractionCallbacksAreNotCounted() throws Exception {
        try (FakeDiscord discord = FakeDiscord.builder().globalRateLimit(2).start()) {
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest me = HttpRequest.newBuilder(URI.create(discord.restUrl() + "users/@me"))
                    .header("Authorization", "Bot t").build();
            HttpRequest callback = HttpRequest.newBuilder(URI.create(discord.restUrl() + "interactions/1/x/callback"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"type\":1}")).build();
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                answers.add(http.send(me, HttpResponse.BodyHandlers.ofString()));
                // Token routes are Discord's interaction endpoints: never limited (the fake knows no such interaction).
                assertThat(http.send(callback, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
            }
            List<HttpResponse<String>> limited = answers.stream().filter(a -> a.statusCode() == 429).toList();
            // Four requests fit in at most two windows of two; the run is far shorter than a second
            // on any machine that can run the suite, so at least one is refused.
            assertThat(limited).isNotEmpty();
            HttpResponse<String> hit = limited.get(0);
            assertThat(hit.headers().firstValue("X-RateLimit-Global")).hasValue("true");
            assertThat(hit.headers().firstValue("X-RateLimit-Scope")).hasValue("global");
            assertThat(hit.headers().firstValue("Via")).isPresent();
            assertThat(Long.parseLong(hit.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 1L);
            assertThat(Json.parse(hit.body().getBytes()).path("global").asBoolean()).isTrue();
            assertThat(Json.parse(hit.body().getBytes()).path("retry_after").asDouble()).isBetween(0.0, 1.0);
            assertThat(discord.globalRateLimit().refused()).isEqualTo(limited.size());
        }
    }

    @Test
    void jdaWaitsOutTheGlobalLimitAndEveryMessageArrivesOnce() throws Exception {
        // JDA logs every global 429 as an error; here they are the point of the test.
        ch.qos.logback.classic.Logger limiter = (ch.qos.logback.classic.Logger)
                org.slf4j.LoggerFactory.getLogger("net.dv8tion.jda.api.requests.RestRateLimiter");
        ch.qos.logback.classic.Level level = limiter.getLevel();
        limiter.setLevel(ch.qos.logback.classic.Level.OFF);
        try {
            sendPastTheLimit();
        } finally {
            limiter.setLevel(level);
        }
    }

    private void sendPastTheLimit() throws Exception {
        int channels = 12;
        FakeGuild.Builder guild = FakeGuild.standard();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < channels; i++) {
            String id = Long.toString(310_000_000_000_000_000L + i);
            ids.add(id);
            guild.textChannel(id, "c" + i);
        }
        try (FakeDiscord discord = FakeDiscord.builder().guild(guild.build()).globalRateLimit(5).start()) {
            JDA jda = JDABuilder.createLight("t")
                    .setRestConfig(new RestConfig().setBaseUrl(discord.restUrl()))
                    .setSessionController(FakeDiscordTest.gatewayAt(discord))
                    .setCompression(Compression.NONE)
                    .build()
                    .awaitReady();
            try {
                long before = discord.globalRateLimit().admitted();
                long start = System.nanoTime();
                List<CompletableFuture<Message>> sent = new ArrayList<>();
                for (String id : ids) {
                    sent.add(jda.getTextChannelById(id).sendMessage("hello " + id).submit());
                }
                CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                for (String id : ids) {
                    assertThat(discord.channelMessages(id)).hasSize(1);
                }
                // Twelve requests at five a second need at least three windows: two seconds at least
                // from the first window's start, which may have begun just before the sends.
                assertThat(discord.globalRateLimit().admitted() - before).isEqualTo(channels);
                assertThat(took).isGreaterThan(Duration.ofMillis(1000));
                assertThat(discord.globalRateLimit().refused()).isPositive();
            } finally {
                jda.shutdownNow();
            }
        }
    }
}

package dev.lalaland.bot.soak;

import dev.lalaland.bot.db.Database;
import dev.lalaland.bot.db.PostgresUrl;
import dev.lalaland.bot.onthisday.DailyPostSchedule.Occurrence;
import dev.lalaland.bot.onthisday.DailyPostStore;
import dev.lalaland.bot.quiz.NightLease;
import dev.lalaland.bot.shard.ShardPlan;
import dev.lalaland.bot.soak.Players.Click;
import dev.lalaland.bot.soak.Players.Outcome;
import dev.lalaland.bot.testing.FakeDiscord;
import dev.lalaland.bot.testing.FakeGuild;
import dev.lalaland.bot.testing.FakeMessage;
import dev.lalaland.bot.testing.InteractionCallback;
import dev.lalaland.bot.testing.RunningBot;
import dev.lalaland.bot.testing.ShardedServers;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * The soak: three real bot processes over one PostgreSQL database, sixteen shards split between
 * them, against the fake Discord in this JVM. Every server has a daily post due during the run and
 * some run quiz nights that simulated players answer. While that goes on, the process that runs
 * the most nights is killed with SIGKILL (and started again by "its supervisor" after
 * {@link SoakOptions#downtime()}), and another is restarted the way a rolling restart does it
 * (SIGTERM, then started again). Then the database is held against what the fake Discord saw:
 * every due post posted exactly once, none missed, every night finished with its standings
 * posted, every answer a player was told was locked in counted exactly once.
 */
final class Soak {
    private static final Duration READY_WAIT = Duration.ofSeconds(120);
    private static final Duration STOP_WAIT = Duration.ofSeconds(20);
    private static final List<ZoneId> ZONES = List.of(ZoneId.of("UTC"), ZoneId.of("Europe/Paris"),
            ZoneId.of("America/New_York"), ZoneId.of("Asia/Kolkata"), ZoneId.of("Pacific/Auckland"));
    /** The players of every night; the first also clicks twice. The admin starts the nights. */
    private static final List<String> PLAYERS = List.of(FakeGuild.BOB_USER_ID, FakeGuild.CAROL_USER_ID,
            FakeGuild.DAVE_USER_ID, FakeGuild.ADMIN_USER_ID);

    private final SoakOptions options;
    private final String databaseUrl;
    private final PrintStream progress;
    private final long startNanos = System.nanoTime();
    private final SoakResult result = new SoakResult();

    private Soak(SoakOptions options, String databaseUrl, PrintStream progress) {
        this.options = options;
        this.databaseUrl = databaseUrl;
        this.progress = progress;
    }

    /**
     * Runs the soak against an empty PostgreSQL database (a {@code postgresql://} URL with its
     * password; never printed).
     */
    static SoakResult run(SoakOptions options, String databaseUrl, PrintStream progress) throws Exception {
        return new Soak(options, databaseUrl, progress).run();
    }

    /** The {@code index}-th server: spread round-robin over the shards. */
    private String serverId(int index) {
        return ShardedServers.idOnShard(index / options.shardTotal(), index % options.shardTotal(), options.shardTotal());
    }

    static String quizChannel(String serverId) {
        return ShardedServers.channel(serverId);
    }

    /** The daily post has a channel of its own, so the posts are counted apart from the nights. */
    static String dailyChannel(String serverId) {
        return Long.toString(Long.parseLong(serverId) + 4);
    }

    private static FakeGuild server(String id) {
        String adminRole = Long.toString(Long.parseLong(id) + 1);
        String botRole = Long.toString(Long.parseLong(id) + 2);
        return FakeGuild.builder(id, "Server " + id)
                .role(adminRole, "admin", net.dv8tion.jda.api.Permission.MANAGE_SERVER)
                .managedRole(botRole, "testbot", FakeGuild.MEMBER_PERMISSIONS)
                .botRoles(botRole)
                .textChannel(quizChannel(id), "quiz")
                .textChannel(dailyChannel(id), "on-this-day")
                .member(FakeGuild.OWNER_USER_ID, "olivia")
                .owner(FakeGuild.OWNER_USER_ID)
                .member(FakeGuild.ADMIN_USER_ID, "alice", adminRole)
                .member(FakeGuild.BOB_USER_ID, "bob")
                .member(FakeGuild.CAROL_USER_ID, "carol")
                .member(FakeGuild.DAVE_USER_ID, "dave")
                .build();
    }

    private SoakResult run() throws Exception {
        List<String> servers = new ArrayList<>();
        for (int i = 0; i < options.servers(); i++) {
            servers.add(serverId(i));
        }
        List<SortedSet<Integer>> shardsOf = options.ranges().stream().map(ShardPlan::parseIds).toList();
        int victim = 0;
        int rolling = 1;
        List<String> nightServers = pickNightServers(servers, shardsOf);
        say("%d servers on %d shards (%s), %d quiz nights of %d questions (%s), daily posts due %d s in",
                servers.size(), options.shardTotal(), String.join(" | ", options.ranges()), nightServers.size(),
                options.questions(), nightsPerProcess(nightServers, shardsOf), options.postsDueAfter().toSeconds());

        FakeDiscord.Builder fake = FakeDiscord.builder().shards(options.shardTotal())
                // Every shard may identify at once (a large bot's max_concurrency), so starts take seconds, not minutes.
                .maxConcurrency(options.shardTotal());
        servers.forEach(id -> fake.guild(server(id)));
        List<SoakBot> bots = new ArrayList<>();
        try (FakeDiscord discord = fake.start(); Database database = Database.open(PostgresUrl.parse(databaseUrl))) {
            Instant due = Instant.now().plus(options.postsDueAfter()).truncatedTo(ChronoUnit.SECONDS);
            long dueNanos = startNanos + options.postsDueAfter().toNanos();
            Map<String, LocalDate> dueDates = configureDailyPosts(database, servers, due);

            for (int p = 0; p < options.ranges().size(); p++) {
                bots.add(new SoakBot("bot-" + (char) ('A' + p), options.ranges().get(p), options.botCommand(),
                        env(discord, options.ranges().get(p)), options.workDir().resolve("bot-" + (char) ('A' + p))));
            }
            // The first process alone, so the fact files are imported once; then the others together.
            bots.get(0).start();
            Duration firstReady = bots.get(0).awaitReady(READY_WAIT);
            say("%s ready in %.1f s (it imported the fact files)", bots.get(0).name(), firstReady.toMillis() / 1e3);
            for (SoakBot bot : bots.subList(1, bots.size())) {
                bot.start();
            }
            for (SoakBot bot : bots.subList(1, bots.size())) {
                Duration ready = bot.awaitReady(READY_WAIT);
                say("%s ready in %.1f s", bot.name(), ready.toMillis() / 1e3);
            }
            long allReady = System.nanoTime();
            result.seconds("all three processes ready after", allReady - startNanos);

            startNights(discord, nightServers);
            Map<String, String> nightChannels = new LinkedHashMap<>();
            nightServers.forEach(s -> nightChannels.put(s, quizChannel(s)));
            try (Players players = new Players(discord, nightChannels, PLAYERS, 14L)) {
                players.start();
                List<String> victimNights = nightServers.stream()
                        .filter(s -> shardsOf.get(victim).contains(ShardPlan.shardOf(s, options.shardTotal()))).toList();
                List<String> victimServers = servers.stream()
                        .filter(s -> shardsOf.get(victim).contains(ShardPlan.shardOf(s, options.shardTotal()))).toList();
                // Kill while nights are under way and, ideally, while the daily posts are going out.
                awaitOrFail("question 1 in every night", Duration.ofSeconds(60),
                        () -> nightServers.stream().allMatch(s -> hasQuestion(discord, s, 1)));
                awaitOrFail("the victim's first daily post (or the due time + 5 s)", options.postsDueAfter().plusSeconds(60),
                        () -> victimServers.stream().anyMatch(s -> !discord.channelMessages(dailyChannel(s)).isEmpty())
                                || System.nanoTime() > dueNanos + Duration.ofSeconds(5).toNanos());

                long killNanos = System.nanoTime();
                int killedExit = bots.get(victim).kill();
                say("%s (shards %s, %d of the nights) killed with SIGKILL: exit %d", bots.get(victim).name(),
                        bots.get(victim).shards(), victimNights.size(), killedExit);
                result.seconds("kill -9 at", killNanos - startNanos);
                result.number("killed process", bots.get(victim).name() + " (shards " + bots.get(victim).shards()
                        + ", " + victimNights.size() + " nights), exit " + killedExit);
                if (killedExit != 137) {
                    result.problem("the killed process exited with " + killedExit + ", not 137 (SIGKILL)");
                }

                // The rolling restart, while the killed process is still down.
                pause(Duration.ofSeconds(3));
                SoakBot restarted = bots.get(rolling);
                long stopNanos = System.nanoTime();
                int stoppedExit = restarted.stop(STOP_WAIT);
                long stoppedNanos = System.nanoTime();
                restarted.start();
                restarted.awaitReady(READY_WAIT);
                long backNanos = System.nanoTime();
                say("%s (shards %s) restarted: SIGTERM exit %d after %.1f s, ready again %.1f s later",
                        restarted.name(), restarted.shards(), stoppedExit, (stoppedNanos - stopNanos) / 1e9,
                        (backNanos - stoppedNanos) / 1e9);
                result.number("rolling restart", restarted.name() + " (shards " + restarted.shards() + "): SIGTERM exit "
                        + stoppedExit + String.format(java.util.Locale.ROOT, " in %.1f s, ready again %.1f s later",
                        (stoppedNanos - stopNanos) / 1e9, (backNanos - stoppedNanos) / 1e9));
                if (stoppedExit != 0) {
                    result.problem(restarted.name() + " exited with " + stoppedExit + " on SIGTERM, not 0");
                }

                long restartAt = killNanos + options.downtime().toNanos();
                pause(Duration.ofNanos(Math.max(0, restartAt - System.nanoTime())));
                long victimStartNanos = System.nanoTime();
                bots.get(victim).start();
                Duration victimReady = bots.get(victim).awaitReady(READY_WAIT);
                say("%s started again after %.1f s down, ready in %.1f s", bots.get(victim).name(),
                        (victimStartNanos - killNanos) / 1e9, victimReady.toMillis() / 1e3);
                result.seconds("killed process started again after", victimStartNanos - killNanos);

                Duration settle = Duration.ofSeconds(60L + (long) options.questions() * (options.seconds() + 10));
                boolean settled = awaitQuietly(settle, () -> allSettled(database, nightServers.size(), servers.size()));
                if (!settled) {
                    result.problem("not settled within " + settle.toSeconds() + " s after the restarts");
                }
                players.close();
                long endNanos = System.nanoTime();
                for (SoakBot bot : bots) {
                    int exit = bot.stop(STOP_WAIT);
                    if (exit != 0) {
                        result.problem(bot.name() + " exited with " + exit + " on the final SIGTERM");
                    }
                }
                result.seconds("wall time", endNanos - startNanos);
                checkPosts(discord, database, servers, dueDates, dueNanos, shardsOf);
                checkNights(discord, database, nightServers);
                checkTakeover(discord, database, bots, victimNights, killNanos, victimStartNanos);
                checkAnswers(database, players.clicks());
            }
        } finally {
            for (SoakBot bot : bots) {
                bot.close();
            }
        }
        return result;
    }

    /** The nights' servers: round-robin over the processes, each process's nights on different shards. */
    private List<String> pickNightServers(List<String> servers, List<SortedSet<Integer>> shardsOf) {
        List<String> picked = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (int n = 0; n < options.nights(); n++) {
            int process = n % shardsOf.size();
            List<Integer> shards = List.copyOf(shardsOf.get(process));
            int shard = shards.get((n / shardsOf.size()) % shards.size());
            String chosen = servers.stream()
                    .filter(s -> !used.contains(s) && ShardPlan.shardOf(s, options.shardTotal()) == shard)
                    .findFirst()
                    .orElseGet(() -> servers.stream().filter(s -> !used.contains(s)).findFirst().orElseThrow());
            used.add(chosen);
            picked.add(chosen);
        }
        return picked;
    }

    private String nightsPerProcess(List<String> nightServers, List<SortedSet<Integer>> shardsOf) {
        List<String> parts = new ArrayList<>();
        for (int p = 0; p < shardsOf.size(); p++) {
            SortedSet<Integer> shards = shardsOf.get(p);
            long count = nightServers.stream().filter(s -> shards.contains(ShardPlan.shardOf(s, options.shardTotal())))
                    .count();
            parts.add("bot-" + (char) ('A' + p) + " " + count);
        }
        return String.join(", ", parts);
    }

    private Map<String, String> env(FakeDiscord discord, String shards) {
        Map<String, String> env = new HashMap<>();
        env.put("DISCORD_TOKEN", RunningBot.TOKEN);
        env.put("DISCORD_REST_URL", discord.restUrl());
        env.put("DISCORD_GATEWAY_URL", discord.gatewayUrl());
        env.put("BOT_DATABASE_URL", databaseUrl);
        env.put("BOT_SHARD_TOTAL", Integer.toString(options.shardTotal()));
        env.put("BOT_SHARDS", shards);
        return env;
    }

    /**
     * Each server's daily post, as {@code /config onthisday} leaves it (the same store call), in
     * one of a few time zones, with its first post at {@code due}: a second of the run's choosing
     * rather than the next whole minute, so a short run needs no minute's wait.
     */
    private Map<String, LocalDate> configureDailyPosts(Database database, List<String> servers, Instant due) {
        DailyPostStore store = new DailyPostStore(database);
        Map<String, LocalDate> dates = new HashMap<>();
        Instant now = Instant.now();
        for (int i = 0; i < servers.size(); i++) {
            String id = servers.get(i);
            ZoneId zone = ZONES.get(i % ZONES.size());
            ZonedDateTime local = due.atZone(zone);
            store.turnOn(id, dailyChannel(id), local.toLocalTime().truncatedTo(ChronoUnit.MINUTES), zone,
                    new Occurrence(local.toLocalDate(), due), now);
            dates.put(id, local.toLocalDate());
        }
        return dates;
    }

    /**
     * Starts the nights. A reply after Discord's 3 s (the host sees "did not respond") is counted,
     * not failed: the night still runs, and the checks hold it to finishing like any other.
     */
    private void startNights(FakeDiscord discord, List<String> nightServers) {
        int late = 0;
        for (String server : nightServers) {
            InteractionCallback reply = discord.slash(FakeGuild.ADMIN_USER_ID, quizChannel(server), "quiz", "start",
                    Map.of("questions", options.questions(), "seconds", options.seconds())).awaitResponse(Duration.ofSeconds(15));
            if (reply.ephemeral() || !reply.data().path("embeds").path(0).path("title").asText("").contains("Quiz night")) {
                result.problem("/quiz start in server " + server + " was refused: " + reply.content());
            } else if (!reply.accepted()) {
                late++;
            }
        }
        result.number("/quiz start answered after Discord's 3 s", late + " of " + nightServers.size());
        say("%d quiz nights started", nightServers.size());
    }

    private static boolean hasQuestion(FakeDiscord discord, String server, int number) {
        return discord.channelMessages(quizChannel(server)).stream()
                .anyMatch(m -> title(m).startsWith("Question " + number + " of "));
    }

    private static String title(FakeMessage m) {
        return m.embeds().path(0).path("title").asText("");
    }

    private boolean allSettled(Database database, int nights, int servers) {
        int unfinished = count(database, "SELECT count(*) FROM quiz_night WHERE status = 'running' OR end_post_pending = 1");
        int started = count(database, "SELECT count(*) FROM quiz_night");
        int unsent = servers - count(database, "SELECT count(*) FROM daily_post WHERE status = 'sent'");
        return started >= nights && unfinished == 0 && unsent == 0;
    }

    // ---- the checks ----

    private void checkPosts(FakeDiscord discord, Database database, List<String> servers,
                            Map<String, LocalDate> dueDates, long dueNanos, List<SortedSet<Integer>> shardsOf) {
        Map<String, List<Map<String, Object>>> claims = database.read(h -> h.select(
                        "SELECT guild_id, local_date, status, message_id FROM daily_post").mapToMap().list())
                .stream().collect(Collectors.groupingBy(r -> (String) r.get("guild_id")));
        List<String> missed = new ArrayList<>();
        List<String> doubled = new ArrayList<>();
        List<String> mismatched = new ArrayList<>();
        int requests = 0;
        long lastArrival = dueNanos;
        long[] lastOfProcess = new long[shardsOf.size()];
        for (String id : servers) {
            List<FakeMessage> posts = discord.channelMessages(dailyChannel(id));
            requests += discord.requests("POST", "/channels/" + dailyChannel(id) + "/messages").size();
            if (posts.isEmpty()) {
                missed.add(id);
            } else if (posts.size() > 1) {
                doubled.add(id + " x" + posts.size());
            }
            int shard = ShardPlan.shardOf(id, options.shardTotal());
            for (FakeMessage post : posts) {
                lastArrival = Math.max(lastArrival, post.createdNanos());
                for (int p = 0; p < shardsOf.size(); p++) {
                    if (shardsOf.get(p).contains(shard)) {
                        lastOfProcess[p] = Math.max(lastOfProcess[p], post.createdNanos());
                    }
                }
            }
            List<Map<String, Object>> rows = claims.getOrDefault(id, List.of());
            String date = dueDates.get(id).toString();
            boolean matches = rows.size() == 1 && date.equals(rows.get(0).get("local_date"))
                    && "sent".equals(rows.get(0).get("status")) && posts.size() == 1
                    && posts.get(0).id().equals(rows.get(0).get("message_id"));
            if (!matches) {
                mismatched.add(id + " claims " + rows + " vs " + posts.size() + " message(s)");
            }
        }
        result.number("daily posts due", servers.size());
        result.number("daily posts in Discord, exactly one per server", servers.size() - missed.size() - doubled.size());
        result.number("daily posts missed", missed.size());
        result.number("daily posts doubled", doubled.size());
        result.number("daily post requests (repeats carry the first one's nonce)", requests);
        result.seconds("last daily post after its due time", lastArrival - dueNanos);
        List<String> lastByProcess = new ArrayList<>();
        for (int p = 0; p < shardsOf.size(); p++) {
            lastByProcess.add(String.format(java.util.Locale.ROOT, "bot-%c %.1f s", (char) ('A' + p),
                    (lastOfProcess[p] - startNanos) / 1e9));
        }
        result.number("last daily post of each process's servers, from the start", String.join(", ", lastByProcess));
        if (!missed.isEmpty()) {
            result.problem(missed.size() + " server(s) got no daily post", missed);
        }
        if (!doubled.isEmpty()) {
            result.problem(doubled.size() + " server(s) got their daily post more than once", doubled);
        }
        if (!mismatched.isEmpty()) {
            result.problem(mismatched.size() + " server(s) whose claim in the database is not one 'sent' row with "
                    + "the message Discord has", mismatched);
        }
    }

    private void checkNights(FakeDiscord discord, Database database, List<String> nightServers) {
        List<Map<String, Object>> nights = database.read(h -> h.select(
                "SELECT id, guild_id, status, end_post_pending, question_count FROM quiz_night").mapToMap().list());
        Map<String, List<Map<String, Object>>> byServer = nights.stream()
                .collect(Collectors.groupingBy(r -> (String) r.get("guild_id")));
        List<String> unfinished = new ArrayList<>();
        List<String> standings = new ArrayList<>();
        List<String> reveals = new ArrayList<>();
        int finished = 0;
        int askedAgain = 0;
        for (String server : nightServers) {
            List<Map<String, Object>> rows = byServer.getOrDefault(server, List.of());
            if (rows.size() != 1 || !"finished".equals(rows.get(0).get("status"))
                    || ((Number) rows.get(0).get("end_post_pending")).intValue() != 0) {
                unfinished.add(server + " " + rows);
                continue;
            }
            finished++;
            long nightId = ((Number) rows.get(0).get("id")).longValue();
            int questions = ((Number) rows.get(0).get("question_count")).intValue();
            List<FakeMessage> messages = discord.channelMessages(quizChannel(server));
            long over = messages.stream().filter(m -> title(m).startsWith("🏆 Quiz night over")).count();
            if (over != 1) {
                standings.add(server + " x" + over);
            }
            int rounds = count(database, "SELECT count(*) FROM quiz_round WHERE night_id = " + nightId
                    + " AND status = 'closed' AND reveal_pending = 0");
            if (rounds != questions) {
                reveals.add(server + ": " + rounds + " of " + questions + " questions closed and revealed");
            }
            for (int n = 1; n <= questions; n++) {
                String prefix = "Question " + n + " of " + questions + " · Answer: ";
                long shown = messages.stream().filter(m -> title(m).startsWith(prefix)).count();
                if (shown != 1) {
                    reveals.add(server + " question " + n + " revealed x" + shown);
                }
            }
            askedAgain += (int) messages.stream()
                    .filter(m -> m.embeds().path(0).path("description").asText("").contains("Asked again after a restart"))
                    .count();
        }
        result.number("quiz nights finished, final standings posted once", finished + " of " + nightServers.size());
        result.number("questions asked again after a restart", askedAgain);
        if (!unfinished.isEmpty()) {
            result.problem(unfinished.size() + " night(s) not finished with their standings posted", unfinished);
        }
        if (!standings.isEmpty()) {
            result.problem("final standings not posted exactly once", standings);
        }
        if (!reveals.isEmpty()) {
            result.problem("answers not revealed exactly once per question", reveals);
        }
        // Every point counted once: each player's night score is the sum of their answers' points,
        // and the leaderboard is the sum of the nights.
        int scoreMismatches = count(database, """
                SELECT count(*) FROM quiz_player p
                WHERE p.score <> (SELECT COALESCE(SUM(a.points), 0) FROM quiz_answer a JOIN quiz_round r ON r.id = a.round_id
                                  WHERE r.night_id = p.night_id AND a.user_id = p.user_id)""");
        int boardMismatches = count(database, """
                SELECT count(*) FROM quiz_leaderboard b
                WHERE b.points <> (SELECT COALESCE(SUM(p.score), 0) FROM quiz_player p JOIN quiz_night n ON n.id = p.night_id
                                   WHERE n.guild_id = b.guild_id AND p.user_id = b.user_id)""");
        if (scoreMismatches > 0) {
            result.problem(scoreMismatches + " night score(s) differ from the sum of their answers' points");
        }
        if (boardMismatches > 0) {
            result.problem(boardMismatches + " leaderboard row(s) differ from the sum of their nights");
        }
    }

    /**
     * How long the killed process's nights stood still: from the kill to the first message in one
     * of their channels. Before the killed process was back, that is another process taking them
     * over (their leases ran out). Which process finished each night is its lease's owner at the
     * end: after a downtime longer than a lease and the wait for others, none may be the killed
     * process, in either life (the taker keeps a night it took).
     */
    private void checkTakeover(FakeDiscord discord, Database database, List<SoakBot> bots, List<String> victimNights,
                               long killNanos, long victimStartNanos) {
        // A request the killed process made just before it died may still be answered just after.
        long after = killNanos + Duration.ofMillis(500).toNanos();
        long first = Long.MAX_VALUE;
        for (String server : victimNights) {
            for (FakeMessage m : discord.channelMessages(quizChannel(server))) {
                if (m.createdNanos() > after) {
                    first = Math.min(first, m.createdNanos());
                }
            }
        }
        Map<String, String> owners = new HashMap<>();
        for (SoakBot bot : bots) {
            List<String> lives = bot.instances();
            for (int i = 0; i < lives.size(); i++) {
                owners.put(lives.get(i), bot.name() + (i == 0 ? "" : " (started again)"));
            }
        }
        Map<String, Integer> finishedBy = new TreeMap<>();
        Set<String> victimLives = new HashSet<>(bots.get(0).instances());
        int keptByVictim = 0;
        for (Map<String, Object> row : database.read(h -> h.select("SELECT guild_id, owner_id FROM quiz_night")
                .mapToMap().list())) {
            if (victimNights.contains((String) row.get("guild_id"))) {
                String owner = (String) row.get("owner_id");
                finishedBy.merge(owners.getOrDefault(owner, "unknown " + owner), 1, Integer::sum);
                if (victimLives.contains(owner)) {
                    keptByVictim++;
                }
            }
        }
        result.number("killed process's nights finished by", finishedBy);
        NightLease lease = NightLease.standard();
        Duration takeoverDue = lease.length().plus(lease.othersWait()).plus(lease.renewEvery());
        boolean takeoverExpected = options.downtime().compareTo(takeoverDue.plusSeconds(5)) >= 0;
        if (first == Long.MAX_VALUE) {
            result.number("killed process's nights went on after", "never");
            result.problem("the killed process's nights never went on");
            return;
        }
        boolean takenOver = first < victimStartNanos;
        result.number("killed process's nights went on after", String.format(java.util.Locale.ROOT, "%.1f s (%s)",
                (first - killNanos) / 1e9, takenOver ? "another process took them over"
                        : "the killed process, started again, resumed them"));
        if (takeoverExpected && keptByVictim > 0) {
            result.problem(keptByVictim + " of the killed process's nights were not taken over by another process "
                    + "within its " + options.downtime().toSeconds() + " s down (a lease lapses and is taken within "
                    + takeoverDue.toSeconds() + " s)");
        }
    }

    private void checkAnswers(Database database, List<Click> clicks) {
        Map<String, Integer> roundsOfNights = new HashMap<>();
        database.read(h -> h.select("SELECT id FROM quiz_round WHERE night_id IS NOT NULL").mapTo(Long.class).list())
                .forEach(id -> roundsOfNights.put(Long.toString(id), 1));
        Set<String> inDatabase = new HashSet<>(database.read(h -> h.select(
                "SELECT a.round_id, a.user_id FROM quiz_answer a JOIN quiz_round r ON r.id = a.round_id "
                        + "WHERE r.night_id IS NOT NULL").map((rs, ctx) -> rs.getLong(1) + "/" + rs.getString(2)).list()));
        Map<Outcome, Integer> byOutcome = new TreeMap<>();
        Map<String, Integer> counted = new HashMap<>();
        Set<String> delivered = new HashSet<>();
        Set<String> inDoubt = new HashSet<>();
        List<String> alreadyButMissing = new ArrayList<>();
        for (Click c : clicks) {
            byOutcome.merge(c.outcome(), 1, Integer::sum);
            String key = c.roundId() + "/" + c.userId();
            if (c.delivered()) {
                delivered.add(key);
            }
            switch (c.outcome()) {
                case COUNTED -> counted.merge(key, 1, Integer::sum);
                case NO_ACK, LATE -> inDoubt.add(key);
                case ALREADY_ANSWERED -> {
                    if (!inDatabase.contains(key)) {
                        alreadyButMissing.add(key);
                    }
                }
                default -> { }
            }
        }
        List<String> lost = counted.keySet().stream().filter(k -> !inDatabase.contains(k)).sorted().toList();
        List<String> twice = counted.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
        List<String> phantom = inDatabase.stream().filter(k -> !delivered.contains(k)).sorted().toList();
        inDoubt.removeAll(counted.keySet());
        long doubtLanded = inDoubt.stream().filter(inDatabase::contains).count();

        result.number("clicks", clicks.size() + " " + byOutcome);
        result.number("answers locked in (the player was told)", counted.size());
        result.number("answers in the database", inDatabase.size());
        result.number("answers lost", lost.size());
        result.number("answers counted twice", twice.size());
        result.number("answers in the database that no delivered click made", phantom.size());
        result.number("clicks without an answer in time, saved anyway", doubtLanded + " of " + inDoubt.size());
        if (!lost.isEmpty()) {
            result.problem(lost.size() + " answer(s) locked in but not in the database (round/user)", lost);
        }
        if (!twice.isEmpty()) {
            result.problem(twice.size() + " answer(s) locked in twice (round/user)", twice);
        }
        if (!phantom.isEmpty()) {
            result.problem(phantom.size() + " answer(s) in the database that no delivered click made", phantom);
        }
        if (!alreadyButMissing.isEmpty()) {
            result.problem(alreadyButMissing.size() + " click(s) told \"already answered\" with no answer saved",
                    alreadyButMissing);
        }
        if (counted.isEmpty()) {
            result.problem("no answer was locked in at all: the players never reached the bot");
        }
    }

    // ---- helpers ----

    private static int count(Database database, String sql) {
        return database.read(h -> h.select(sql).mapTo(Integer.class).one());
    }

    private void awaitOrFail(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        if (!awaitQuietly(timeout, condition)) {
            throw new IllegalStateException("soak: no " + what + " within " + timeout.toSeconds() + " s");
        }
    }

    private static boolean awaitQuietly(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(250);
        }
        return true;
    }

    private static void pause(Duration d) throws InterruptedException {
        Thread.sleep(d.toMillis());
    }

    private void say(String format, Object... args) {
        progress.printf(java.util.Locale.ROOT, "[soak %6.1f s] %s%n", (System.nanoTime() - startNanos) / 1e9,
                String.format(java.util.Locale.ROOT, format, args));
        progress.flush();
    }
}

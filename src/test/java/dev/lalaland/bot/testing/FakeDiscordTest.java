package dev.lalaland.bot.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.selections.StringSelectMenu;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.modals.Modal;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.SessionControllerAdapter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Drives a real, unmodified JDA client against {@link FakeDiscord}. One fake and one JDA are
 * shared by the class (a connect costs ~0.5 s); each test installs its own handlers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FakeDiscordTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final String TOKEN = "fake-token-for-tests";
    private static final String LOCKED_CHANNEL_ID = "300000000000000009";

    private FakeDiscord discord;
    private JDA jda;
    private final Handlers handlers = new Handlers();

    /** Per-test behaviour of the bot under test. */
    static final class Handlers extends ListenerAdapter {
        volatile Consumer<SlashCommandInteractionEvent> slash = e -> e.reply("pong").queue();
        volatile Consumer<CommandAutoCompleteInteractionEvent> autocomplete = e -> e.replyChoiceStrings("a").queue();
        volatile Consumer<ButtonInteractionEvent> button = e -> e.deferEdit().queue();
        volatile Consumer<ModalInteractionEvent> modal = e -> e.reply("got " + e.getValue("note").getAsString()
                + " / " + e.getValue("reason").getAsStringList()).queue();

        @Override
        public void onModalInteraction(ModalInteractionEvent event) {
            modal.accept(event);
        }

        @Override
        public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
            slash.accept(event);
        }

        @Override
        public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
            autocomplete.accept(event);
        }

        @Override
        public void onButtonInteraction(ButtonInteractionEvent event) {
            button.accept(event);
        }
    }

    @BeforeAll
    void startFakeAndBot() throws InterruptedException {
        TestLogging.quiet();
        discord = FakeDiscord.builder()
                .expectedToken(TOKEN)
                // The 3 s rule has its own test; a loaded 2-core CI box must not make these flaky.
                .interactionDeadline(Duration.ofSeconds(10))
                .guild(FakeGuild.standard()
                        .textChannel(LOCKED_CHANNEL_ID, "locked")
                        .denyBot(LOCKED_CHANNEL_ID, Permission.MESSAGE_SEND)
                        .players(200)
                        .build())
                .start();
        jda = JDABuilder.createLight(TOKEN)
                .setRestConfig(new RestConfig().setBaseUrl(discord.restUrl()))
                .setSessionController(gatewayAt(discord))
                .setCompression(Compression.NONE)
                .addEventListeners(handlers)
                .build()
                .awaitReady();
    }

    @AfterAll
    void stop() {
        if (jda != null) {
            jda.shutdownNow();
        }
        if (discord != null) {
            discord.close();
        }
    }

    @BeforeEach
    void resetBehaviour() {
        handlers.slash = e -> e.reply("pong").queue();
        handlers.autocomplete = e -> e.replyChoiceStrings("a").queue();
        handlers.button = e -> e.deferEdit().queue();
        discord.clearFailures();
    }

    static SessionControllerAdapter gatewayAt(FakeDiscord discord) {
        return new SessionControllerAdapter() {
            @Override
            public String getGateway() {
                return discord.gatewayUrl();
            }
        };
    }

    @Test
    @Order(1)
    void jdaConnectsAndSeesTheGuildModel() {
        assertThat(jda.getStatus()).isEqualTo(JDA.Status.CONNECTED);
        assertThat(discord.isConnected()).isTrue();
        assertThat(discord.awaitIdentified(WAIT).shardCount()).isEqualTo(1);
        assertThat(discord.restUrl()).matches("http://127\\.0\\.0\\.1:\\d+/api/v10/");
        assertThat(discord.gatewayUrl()).matches("ws://127\\.0\\.0\\.1:\\d+/");
        assertThat(discord.requests("GET", "/users/@me")).hasSize(1);
        assertThat(discord.tokenSeen(TOKEN)).isTrue();
        assertThat(discord.requests().get(0).headers()).doesNotContainKey("authorization");

        assertThat(jda.getSelfUser().getId()).isEqualTo(FakeDiscord.DEFAULT_BOT_ID);
        var guild = jda.getGuildById(FakeGuild.DEFAULT_GUILD_ID);
        assertThat(guild).isNotNull();
        assertThat(guild.getTextChannels()).extracting(TextChannel::getName).contains("general", "quiz", "locked");
        assertThat(guild.getNewsChannelById(FakeGuild.ANNOUNCEMENTS_CHANNEL_ID)).isNotNull();
        assertThat(guild.getRoleById(FakeGuild.ADMIN_ROLE_ID).hasPermission(Permission.MANAGE_SERVER)).isTrue();
        assertThat(guild.getPublicRole().hasPermission(Permission.MANAGE_SERVER)).isFalse();
        // The overwrite in GUILD_CREATE reaches JDA's permission checks.
        assertThat(guild.getTextChannelById(LOCKED_CHANNEL_ID).canTalk()).isFalse();
        assertThat(guild.getTextChannelById(FakeGuild.QUIZ_CHANNEL_ID).canTalk()).isTrue();
    }

    @Test
    @Order(2)
    void registersCommandsAndAnswersASlashCommandWithSubcommand() {
        jda.updateCommands()
                .addCommands(
                        Commands.slash("cast", "Who played whom")
                                .addOption(OptionType.STRING, "name", "actor", true, true),
                        Commands.slash("quiz", "Quiz night")
                                .addSubcommands(new SubcommandData("start", "Start a quiz")
                                        .addOption(OptionType.INTEGER, "rounds", "how many")))
                .complete();
        jda.getGuildById(FakeGuild.DEFAULT_GUILD_ID)
                .updateCommands()
                .addCommands(Commands.slash("setup", "Admin setup"))
                .complete();

        assertThat(discord.registeredGlobalCommands()).extracting(c -> c.get("name").asText())
                .containsExactly("cast", "quiz");
        assertThat(discord.registeredGlobalCommands()).allSatisfy(c -> assertThat(c.hasNonNull("id")).isTrue());
        assertThat(discord.registeredGuildCommands(FakeGuild.DEFAULT_GUILD_ID)).extracting(c -> c.get("name").asText())
                .containsExactly("setup");

        handlers.slash = e -> e.reply("quiz " + e.getSubcommandName() + " with " + e.getOption("rounds").getAsLong()
                        + " rounds by " + e.getUser().getName() + " admin=" + e.getMember().hasPermission(Permission.MANAGE_SERVER))
                .queue();
        InteractionHandle h = discord.slash(
                FakeGuild.ADMIN_USER_ID, FakeGuild.QUIZ_CHANNEL_ID, "quiz", "start", Map.of("rounds", 5));
        InteractionCallback cb = h.awaitResponse(WAIT);

        assertThat(cb.type()).isEqualTo(InteractionCallback.REPLY);
        assertThat(cb.content()).isEqualTo("quiz start with 5 rounds by alice admin=true");
        assertThat(cb.latency()).isPositive().isLessThan(WAIT);
        assertThat(h.originalMessage()).get().extracting(FakeMessage::content).isEqualTo(cb.content());
        assertThat(discord.channelMessages(FakeGuild.QUIZ_CHANNEL_ID)).extracting(FakeMessage::content)
                .contains(cb.content());

        // A plain member does not get Manage Server from @everyone.
        InteractionHandle bob = discord.slash(
                FakeGuild.BOB_USER_ID, FakeGuild.QUIZ_CHANNEL_ID, "quiz", "start", Map.of("rounds", 1));
        assertThat(bob.awaitResponse(WAIT).content()).endsWith("by bob admin=false");
    }

    @Test
    @Order(3)
    void autocompleteGetsChoices() {
        handlers.autocomplete = e -> e.replyChoiceStrings(
                        e.getFocusedOption().getName() + ":" + e.getFocusedOption().getValue(), "Ryan Gosling")
                .queue();
        InteractionHandle h = discord.autocomplete(
                FakeGuild.BOB_USER_ID, FakeGuild.GENERAL_CHANNEL_ID, "cast", null, "name", "Em");
        InteractionCallback cb = h.awaitResponse(WAIT);

        assertThat(cb.type()).isEqualTo(InteractionCallback.AUTOCOMPLETE_RESULT);
        assertThat(cb.choices()).extracting(c -> c.get("name").asText()).containsExactly("name:Em", "Ryan Gosling");
    }

    @Test
    @Order(4)
    void buttonClicksOnABotMessage() {
        TextChannel quiz = jda.getTextChannelById(FakeGuild.QUIZ_CHANNEL_ID);
        String messageId = quiz.sendMessage("Who directed La La Land?")
                .setComponents(ActionRow.of(Button.primary("answer:1", "Damien Chazelle"), Button.secondary("answer:2", "Someone else")))
                .complete()
                .getId();
        FakeMessage question = discord.message(messageId).orElseThrow();
        assertThat(question.customIds()).containsExactly("answer:1", "answer:2");

        handlers.button = e -> e.editMessage("Answered by " + e.getUser().getName() + " (" + e.getComponentId() + ")")
                .setComponents()
                .queue();
        InteractionHandle h = discord.button(FakeGuild.CAROL_USER_ID, FakeGuild.QUIZ_CHANNEL_ID, messageId, "answer:1");
        InteractionCallback cb = h.awaitResponse(WAIT);

        assertThat(cb.type()).isEqualTo(InteractionCallback.UPDATE_MESSAGE);
        assertThat(question.content()).isEqualTo("Answered by carol (answer:1)");
        assertThat(question.customIds()).isEmpty();
        assertThat(question.history()).hasSize(1);

        // deferEdit on a message id the fake never saw, then a follow-up through the hook.
        handlers.button = e -> e.deferEdit().queue(hook -> hook.sendMessage("noted").setEphemeral(true).queue());
        InteractionHandle other = discord.button(FakeGuild.DAVE_USER_ID, FakeGuild.QUIZ_CHANNEL_ID, "300000000000000123", "x");
        assertThat(other.awaitResponse(WAIT).type()).isEqualTo(InteractionCallback.DEFERRED_UPDATE);
        assertThat(other.awaitFollowUp(WAIT).content()).isEqualTo("noted");
        assertThat(other.followUps()).singleElement().satisfies(m -> assertThat(m.ephemeral()).isTrue());
    }

    @Test
    @Order(5)
    void deferredReplyIsEditedThroughTheOriginal() {
        handlers.slash = e -> e.deferReply(true).queue(hook -> hook.editOriginal("done thinking").queue());
        InteractionHandle h = discord.slash(FakeGuild.BOB_USER_ID, FakeGuild.GENERAL_CHANNEL_ID, "cast", Map.of("name", "x"));

        assertThat(h.awaitResponse(WAIT).type()).isEqualTo(InteractionCallback.DEFERRED_REPLY);
        assertThat(h.awaitOriginalEdit(WAIT).content()).isEqualTo("done thinking");
        FakeMessage original = h.originalMessage().orElseThrow();
        assertThat(original.content()).isEqualTo("done thinking");
        assertThat(original.ephemeral()).isTrue();
        // Ephemeral: not visible in the channel for everyone else.
        assertThat(discord.channelMessages(FakeGuild.GENERAL_CHANNEL_ID)).doesNotContain(original);
    }

    @Test
    @Order(6)
    void multipartUploadIsParsed() {
        byte[] csv = "player,score\nbob,3\n".getBytes(StandardCharsets.UTF_8);
        handlers.slash = e -> e.reply("scores attached").addFiles(FileUpload.fromData(csv, "scores.csv")).queue();
        InteractionHandle h = discord.slash(FakeGuild.BOB_USER_ID, FakeGuild.GENERAL_CHANNEL_ID, "quiz", "start", Map.of());
        InteractionCallback cb = h.awaitResponse(WAIT);

        assertThat(cb.content()).isEqualTo("scores attached");
        assertThat(cb.files()).singleElement().satisfies(f -> {
            assertThat(f.filename()).isEqualTo("scores.csv");
            assertThat(f.bytes()).isEqualTo(csv);
        });

        jda.getTextChannelById(FakeGuild.GENERAL_CHANNEL_ID)
                .sendMessage("leaderboard")
                .addFiles(FileUpload.fromData(csv, "board.csv"))
                .complete();
        RecordedRequest post = discord.awaitRequest(
                r -> r.is("POST", "/channels/" + FakeGuild.GENERAL_CHANNEL_ID + "/messages") && !r.files().isEmpty(), WAIT);
        assertThat(post.content()).isEqualTo("leaderboard");
        assertThat(post.files().get(0).text()).isEqualTo("player,score\nbob,3\n");
        FakeMessage m = discord.awaitChannelMessage(FakeGuild.GENERAL_CHANNEL_ID, x -> x.content().equals("leaderboard"), WAIT);
        assertThat(m.json().get("attachments").get(0).get("filename").asText()).isEqualTo("board.csv");
    }

    @Test
    @Order(7)
    void failedChannelMakesSendMessageFail() {
        discord.failChannel(FakeGuild.QUIZ_CHANNEL_ID, 403, 50013, "Missing Permissions");
        CompletableFuture<?> send = jda.getTextChannelById(FakeGuild.QUIZ_CHANNEL_ID).sendMessage("hi").submit();
        assertThatThrownBy(() -> send.get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOfSatisfying(ErrorResponseException.class,
                        e -> assertThat(e.getErrorResponse()).isEqualTo(ErrorResponse.MISSING_PERMISSIONS));

        discord.healChannel(FakeGuild.QUIZ_CHANNEL_ID);
        jda.getTextChannelById(FakeGuild.QUIZ_CHANNEL_ID).sendMessage("hi again").complete();

        // Revoking at runtime reaches JDA through CHANNEL_UPDATE.
        discord.denyBot(FakeGuild.QUIZ_CHANNEL_ID, Permission.MESSAGE_EMBED_LINKS);
        discord.awaitChannelMessage(FakeGuild.QUIZ_CHANNEL_ID, x -> x.content().equals("hi again"), WAIT);
        TextChannel quiz = jda.getTextChannelById(FakeGuild.QUIZ_CHANNEL_ID);
        awaitTrue(() -> !jda.getGuildById(FakeGuild.DEFAULT_GUILD_ID).getSelfMember()
                .hasPermission(quiz, Permission.MESSAGE_EMBED_LINKS));
        discord.clearBotOverwrite(FakeGuild.QUIZ_CHANNEL_ID);
        awaitTrue(() -> jda.getGuildById(FakeGuild.DEFAULT_GUILD_ID).getSelfMember()
                .hasPermission(quiz, Permission.MESSAGE_EMBED_LINKS));
    }

    @Test
    @Order(11)
    void transientFailuresAreRetriedByJda() {
        String path = "/channels/" + FakeGuild.GENERAL_CHANNEL_ID + "/messages";
        discord.failNext(1, 503, "POST", path);
        jda.getTextChannelById(FakeGuild.GENERAL_CHANNEL_ID).sendMessage("after a 503").complete();
        // A 429 the way Discord sends it (with Via): JDA waits Retry-After and retries this route only.
        discord.failNext(1, 429, "POST", path);
        jda.getTextChannelById(FakeGuild.GENERAL_CHANNEL_ID).sendMessage("after a 429").complete();

        List<Integer> statuses = discord.requests("POST", path).stream().map(RecordedRequest::status).toList();
        assertThat(statuses.subList(statuses.size() - 4, statuses.size())).containsExactly(503, 200, 429, 200);
    }

    @Test
    @Order(12)
    void directMessagesWork() {
        jda.openPrivateChannelById(FakeGuild.CAROL_USER_ID)
                .flatMap(dm -> dm.sendMessage("psst, the daily question is up"))
                .complete();
        String dm = discord.dmChannelOf(FakeGuild.CAROL_USER_ID).orElseThrow();
        assertThat(discord.channelMessages(dm)).extracting(FakeMessage::content)
                .containsExactly("psst, the daily question is up");
    }

    @Test
    @Order(8)
    void fiveHundredClicksInOneSecondAllGetAnAnswer() throws Exception {
        String questionId = jda.getTextChannelById(FakeGuild.QUIZ_CHANNEL_ID)
                .sendMessage("Q?")
                .setComponents(ActionRow.of(Button.primary("answer:2", "B")))
                .complete()
                .getId();
        handlers.button = e -> e.deferEdit().queue();

        InteractionBurst.Result r = InteractionBurst.run(500, Duration.ofSeconds(1), 4,
                i -> discord.button(FakeGuild.playerId(i % 200 + 1), FakeGuild.QUIZ_CHANNEL_ID, questionId, "answer:2"),
                WAIT);

        assertThat(r.unanswered()).isZero();
        assertThat(r.refused()).isZero();
        assertThat(r.answered()).isEqualTo(500);
        assertThat(r.sendSpan()).isGreaterThanOrEqualTo(Duration.ofMillis(900)); // paced, not all at once
        assertThat(r.handles()).allSatisfy(h -> assertThat(h.response().orElseThrow().type())
                .isEqualTo(InteractionCallback.DEFERRED_UPDATE));
        assertThat(r.percentile(50)).isPositive();
    }

    @Test
    @Order(10)
    void controlApiDrivesTheBotOverHttp() throws Exception {
        FakeDiscordMain.attachControl(discord);
        HttpClient http = HttpClient.newHttpClient();
        String control = "http://127.0.0.1:" + discord.restPort() + "/_control/";

        JsonNode status = Json.parse(http.send(HttpRequest.newBuilder(URI.create(control + "status")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        assertThat(status.get("connected").asBoolean()).isTrue();
        assertThat(status.get("sessions").asInt()).isEqualTo(1);

        JsonNode sessions = Json.parse(http.send(HttpRequest.newBuilder(URI.create(control + "sessions")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        assertThat(sessions.get("sessions")).anySatisfy(s -> {
            assertThat(s.get("connected").asBoolean()).isTrue();
            assertThat(s.get("shard").toString()).isEqualTo("[0,1]");
        });
        assertThat(sessions.get("identifies")).isNotEmpty()
                .allSatisfy(i -> assertThat(i.get("shard").toString()).isEqualTo("[0,1]"));
        JsonNode guilds = Json.parse(http.send(HttpRequest.newBuilder(URI.create(control + "guilds")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        assertThat(guilds).hasSize(1);
        assertThat(guilds.get(0).get("id").asText()).isEqualTo(FakeGuild.DEFAULT_GUILD_ID);
        assertThat(guilds.get(0).get("shard").asInt()).isZero();
        assertThat(guilds.get(0).get("channels").toString()).contains(FakeGuild.GENERAL_CHANNEL_ID, LOCKED_CHANNEL_ID);

        handlers.slash = e -> e.reply("cast: " + e.getOption("name").getAsString()).queue();
        HttpResponse<String> slash = http.send(HttpRequest.newBuilder(URI.create(control + "slash"))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"" + FakeGuild.BOB_USER_ID + "\",\"channel\":\""
                                + FakeGuild.GENERAL_CHANNEL_ID + "\",\"name\":\"cast\",\"sub\":null,"
                                + "\"options\":{\"name\":\"Emma Stone\"}}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(slash.statusCode()).isEqualTo(200);
        JsonNode cb = Json.parse(slash.body());
        assertThat(cb.get("type").asInt()).isEqualTo(4);
        assertThat(cb.get("data").get("content").asText()).isEqualTo("cast: Emma Stone");

        handlers.slash = e -> { }; // never answers
        HttpResponse<String> silent = http.send(HttpRequest.newBuilder(URI.create(control + "slash"))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"" + FakeGuild.BOB_USER_ID + "\",\"channel\":\""
                                + FakeGuild.GENERAL_CHANNEL_ID + "\",\"name\":\"cast\",\"timeout_ms\":200}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(silent.statusCode()).isEqualTo(504);

        JsonNode messages = Json.parse(http.send(
                HttpRequest.newBuilder(URI.create(control + "messages?channel=" + FakeGuild.GENERAL_CHANNEL_ID)).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        assertThat(messages.findValuesAsText("content")).contains("cast: Emma Stone");
    }

    @Test
    void serversPerShardAddsThatManyServersOnEachShard() {
        try (FakeDiscord sharded = FakeDiscordMain.configure(FakeDiscordMain.parseArgs(
                new String[] {"--shards", "4", "--servers-per-shard", "2"})).start()) {
            assertThat(sharded.shardCount()).isEqualTo(4);
            assertThat(sharded.guild().id()).isEqualTo(FakeGuild.DEFAULT_GUILD_ID);
            Map<Integer, Long> perShard = sharded.guilds().stream()
                    .filter(g -> !g.id().equals(FakeGuild.DEFAULT_GUILD_ID))
                    .collect(Collectors.groupingBy(
                            g -> FakeGateway.shardOf(g.id(), 4), Collectors.counting()));
            assertThat(perShard).containsOnlyKeys(0, 1, 2, 3).allSatisfy((shard, count) -> assertThat(count).isEqualTo(2));
        }
    }

    @Test
    @Order(9)
    void secondAcknowledgementIsRefusedLikeDiscord() throws Exception {
        InteractionHandle h = discord.slash(FakeGuild.BOB_USER_ID, FakeGuild.GENERAL_CHANNEL_ID, "cast", Map.of());
        assertThat(h.awaitResponse(WAIT).content()).isEqualTo("pong");
        assertThat(h.acknowledged()).isTrue();

        // JDA refuses a second ack itself; a second process (or a raw client) gets Discord's error.
        HttpResponse<String> again = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(discord.restUrl() + "interactions/" + h.id() + "/" + h.token() + "/callback"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"type\":4,\"data\":{\"content\":\"again\"}}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(Json.parse(again.body()).get("code").asInt()).isEqualTo(40060);
        assertThat(discord.unmatchedRequests()).isEmpty();
    }

    @Test
    @Order(13)
    void aModalIsCheckedAndSubmittedBackAsJdaParsesIt() throws Exception {
        handlers.slash = e -> e.replyModal(Modal.create("form:1", "Report")
                .addComponents(Label.of("Why", StringSelectMenu.create("reason").addOption("Typo", "typo")
                                .addOption("Unclear", "unclear").build()),
                        Label.of("Note", TextInput.create("note", TextInputStyle.PARAGRAPH).setMaxLength(1000).build()))
                .build()).queue();
        InteractionCallback form = discord.slash(FakeGuild.BOB_USER_ID, FakeGuild.GENERAL_CHANNEL_ID, "cast", Map.of())
                .awaitResponse(WAIT);
        assertThat(form.type()).isEqualTo(InteractionCallback.MODAL);
        assertThat(form.accepted()).as(form.toString()).isTrue();

        InteractionHandle submitted = discord.submitModal(FakeGuild.BOB_USER_ID, FakeGuild.GENERAL_CHANNEL_ID, form,
                Map.of("reason", "typo", "note", "hello"));
        assertThat(submitted.type()).isEqualTo(5);
        assertThat(submitted.awaitResponse(WAIT).content()).isEqualTo("got hello / [typo]");

        // Past Discord's limits (JDA checks the title itself; a raw client meets the fake's check).
        handlers.slash = e -> { };
        InteractionHandle h = discord.slash(FakeGuild.BOB_USER_ID, FakeGuild.GENERAL_CHANNEL_ID, "cast", Map.of());
        HttpResponse<String> tooLong = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(discord.restUrl() + "interactions/" + h.id() + "/" + h.token() + "/callback"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"type\":9,\"data\":{\"custom_id\":\"f\",\"title\":\""
                                + "t".repeat(46) + "\",\"components\":[]}}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("title");
        assertThat(h.acknowledged()).isFalse();
    }

    @Test
    @Order(20)
    void droppedGatewayTakesJdaOutOfConnectedAndBack() {
        discord.dropGateway();
        awaitTrue(() -> jda.getStatus() != JDA.Status.CONNECTED);
        discord.awaitDisconnected(WAIT);
        assertThatThrownBy(() -> discord.slash(FakeGuild.BOB_USER_ID, FakeGuild.GENERAL_CHANNEL_ID, "cast", Map.of()))
                .isInstanceOf(IllegalStateException.class);

        discord.allowGateway();
        awaitTrue(() -> jda.getStatus() == JDA.Status.CONNECTED, Duration.ofSeconds(10));
        assertThat(discord.sessions()).anySatisfy(s -> assertThat(s.resumes()).isPositive());
        assertThat(discord.slash(FakeGuild.BOB_USER_ID, FakeGuild.GENERAL_CHANNEL_ID, "cast", Map.of())
                        .awaitResponse(WAIT).content())
                .isEqualTo("pong");
    }

    @Test
    @Order(30)
    void shardManagerAsksForGatewayBotThenConnects() throws Exception {
        try (FakeDiscord other = FakeDiscord.builder()
                .guild(FakeGuild.standard().build())
                .guild(FakeGuild.builder("200000000000000099", "Second").textChannel("300000000000000099", "chat").build())
                .start()) {
            Handlers h = new Handlers();
            ShardManager shards = DefaultShardManagerBuilder.createLight("another-token")
                    .setRestConfigProvider(id -> new RestConfig().setBaseUrl(other.restUrl()))
                    .setSessionController(gatewayAt(other))
                    // default zlib-stream compression: the fake's plain text frames are fine with it
                    .addEventListeners(h)
                    .build();
            try {
                other.awaitIdentified(WAIT);
                JDA shard = shards.getShardById(0);
                shard.awaitReady();
                assertThat(other.requests("GET", "/gateway/bot")).isNotEmpty();
                assertThat(shards.getGuilds()).hasSize(2);
                InteractionHandle slash = other.slash(FakeGuild.BOB_USER_ID, "300000000000000099", "cast", Map.of());
                assertThat(slash.awaitResponse(WAIT).content()).isEqualTo("pong");
                assertThat(other.tokenSeen("another-token")).isTrue();
            } finally {
                shards.shutdown();
            }
        }
    }

    @Test
    @Order(31)
    void lateCallbackIsRefusedAsUnknownInteraction() throws Exception {
        try (FakeDiscord strict = FakeDiscord.builder().interactionDeadline(Duration.ofMillis(100)).start()) {
            CompletableFuture<Throwable> replyError = new CompletableFuture<>();
            Handlers slow = new Handlers();
            slow.slash = e -> {
                LockSupport.parkNanos(Duration.ofMillis(300).toNanos()); // a bot doing slow work before answering
                e.reply("too late").queue(ok -> replyError.complete(null), replyError::complete);
            };
            JDA late = JDABuilder.createLight("t")
                    .setRestConfig(new RestConfig().setBaseUrl(strict.restUrl()))
                    .setSessionController(gatewayAt(strict))
                    .addEventListeners(slow)
                    .build()
                    .awaitReady();
            try {
                InteractionHandle h = strict.slash(FakeGuild.BOB_USER_ID, FakeGuild.GENERAL_CHANNEL_ID, "cast", Map.of());
                InteractionCallback cb = h.awaitResponse(WAIT);
                assertThat(cb.accepted()).isFalse();
                assertThat(cb.status()).isEqualTo(404);
                assertThat(cb.latency()).isGreaterThan(Duration.ofMillis(100));
                assertThat(h.acknowledged()).isFalse();
                assertThat(replyError.get(5, TimeUnit.SECONDS))
                        .isInstanceOfSatisfying(ErrorResponseException.class,
                                e -> assertThat(e.getErrorResponse()).isEqualTo(ErrorResponse.UNKNOWN_INTERACTION));
            } finally {
                late.shutdownNow();
            }
        }
    }

    private static void awaitTrue(BooleanSupplier condition) {
        awaitTrue(condition, WAIT);
    }

    /** For JDA-side state, which the fake cannot signal: poll with a deadline. */
    private static void awaitTrue(BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + timeout);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}

package dev.lalaland.bot.testing;

import java.util.EnumSet;
import java.util.List;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.GenericComponentInteractionCreateEvent;
import net.dv8tion.jda.api.hooks.EventListener;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.requests.RestAction;
import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.utils.ChunkingFilter;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.MemberCachePolicy;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;
import net.dv8tion.jda.api.utils.cache.CacheFlag;

/**
 * The fastest possible JDA bot: the floor any real bot's interaction latency is measured
 * against. Same connection setup as a production bot would use with the fake (DefaultShardManager),
 * no intents, no caches, and every interaction answered right on JDA's event thread with a
 * constant: slash -> reply "ok", autocomplete -> one fixed choice, button/select -> deferEdit.
 *
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) \
 *      dev.lalaland.bot.testing.FloorBot http://127.0.0.1:18080/api/v10/ ws://127.0.0.1:18081/ [token]
 * </pre>
 * Prints {@code READY} on stdout once every shard is connected.
 */
public final class FloorBot implements EventListener {
    public static final String REPLY = "ok";
    public static final String CHOICE = "choice";

    /**
     * Set to {@code question} to answer slash commands with a message shaped like a practice
     * question (an embed and four buttons) instead of "ok". Like a real question, each one is built
     * for its interaction, with custom ids of its own: the floor for a message of that shape,
     * which docs/PERFORMANCE.md uses to tell JDA's cost of such a message from the bot's own work.
     */
    public static final String REPLY_PROPERTY = "floorbot.reply";
    /** The value of {@link #REPLY_PROPERTY} for question-shaped answers. */
    public static final String QUESTION_REPLY = "question";

    /** One permit per shard that fired ReadyEvent. */
    private final Semaphore readyShards = new Semaphore(0);
    private final boolean questionShaped;
    private final AtomicLong questionsAsked = new AtomicLong();

    private FloorBot() {
        this.questionShaped = QUESTION_REPLY.equals(System.getProperty(REPLY_PROPERTY));
    }

    private void replyWithQuestion(SlashCommandInteractionEvent e) {
        long n = questionsAsked.incrementAndGet();
        e.deferReply(false)
                .setContent("Answer <t:" + (1796000000 + n) + ":R>: one answer each.")
                .setAllowedMentions(List.of())
                .setEmbeds(new EmbedBuilder()
                        .setTitle("Quiz · Songs · easy")
                        .setDescription("Which song do Mia and Sebastian sing on the hill above Los Angeles, "
                                + "at dusk?")
                        .setFooter("Practice question: not scored. Hosting a scored game? /quiz start")
                        .setColor(0xF2C94C)
                        .build())
                .setComponents(ActionRow.of(
                        Button.primary("quiz:" + n + ":0", "City of Stars"),
                        Button.primary("quiz:" + n + ":1", "A Lovely Night"),
                        Button.primary("quiz:" + n + ":2", "Someone in the Crowd"),
                        Button.primary("quiz:" + n + ":3", "Start a Fire")))
                .queue();
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length < 2) {
            System.err.println("usage: FloorBot <rest url> <gateway url> [token]");
            System.exit(2);
        }
        TestLogging.quiet();
        FloorBot bot = new FloorBot();
        ShardManager shards = start(bot, args[0], args[1], args.length > 2 ? args[2] : "floor-bot-token");
        Runtime.getRuntime().addShutdownHook(new Thread(shards::shutdown, "floor-bot-shutdown"));
        // getShards() only lists shards started so far, so count ReadyEvents instead.
        bot.readyShards.acquire(shards.getShardsTotal());
        System.out.println("READY");
        System.out.flush();
    }

    /** Starts the bot in this JVM (tests may use it too); the caller awaits readiness. */
    public static ShardManager start(String restUrl, String gatewayUrl, String token) {
        return start(new FloorBot(), restUrl, gatewayUrl, token);
    }

    private static ShardManager start(FloorBot bot, String restUrl, String gatewayUrl, String token) {
        // As the bot does: JDA's per-request stack traces cost every reply, and the floor reads
        // none; cancelled interaction timeouts leave the gateway pool at once (the bot's
        // GatewayPools, written out here so that the harness can measure older jars).
        RestAction.setPassContext(false);
        return DefaultShardManagerBuilder.createLight(token, EnumSet.noneOf(GatewayIntent.class))
                .setRestConfigProvider(shard -> new RestConfig().setBaseUrl(restUrl))
                .setGatewayPoolProvider(shard -> {
                    ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(1, task -> {
                        Thread thread = new Thread(task, "JDA [" + shard + "] Gateway-Worker");
                        thread.setDaemon(true);
                        return thread;
                    });
                    pool.setRemoveOnCancelPolicy(true);
                    return pool;
                })
                // The shard manager's default controller, pointed at the fake gateway.
                .setSessionController(new ConcurrentSessionController() {
                    @Override
                    public String getGateway() {
                        return gatewayUrl;
                    }
                })
                .setCompression(Compression.NONE)
                .setMemberCachePolicy(MemberCachePolicy.NONE)
                .setChunkingFilter(ChunkingFilter.NONE)
                .disableCache(EnumSet.allOf(CacheFlag.class))
                .addEventListeners(bot)
                .build();
    }

    @Override
    public void onEvent(GenericEvent event) {
        // Plain instanceof checks: cheaper than ListenerAdapter's reflective dispatch.
        if (event instanceof SlashCommandInteractionEvent e) {
            if (questionShaped) {
                replyWithQuestion(e);
            } else {
                e.reply(REPLY).queue();
            }
        } else if (event instanceof CommandAutoCompleteInteractionEvent e) {
            e.replyChoice(CHOICE, CHOICE).queue();
        } else if (event instanceof GenericComponentInteractionCreateEvent e) {
            e.deferEdit().queue();
        } else if (event instanceof ReadyEvent) {
            readyShards.release();
        }
    }
}

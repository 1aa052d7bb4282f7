package dev.lalaland.bot.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lalaland.bot.Features;
import dev.lalaland.bot.db.Database;
import dev.lalaland.bot.facts.FactFiles;
import dev.lalaland.bot.facts.FactImporter;
import dev.lalaland.bot.facts.FactStore;
import dev.lalaland.bot.quiz.Difficulty;
import dev.lalaland.bot.quiz.QuestionBank;
import dev.lalaland.bot.quiz.QuizTimings;
import dev.lalaland.bot.testing.FakeDiscord;
import dev.lalaland.bot.testing.FakeGuild;
import dev.lalaland.bot.testing.InteractionCallback;
import dev.lalaland.bot.testing.RunningBot;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Report button, its form, {@code /quiz reports} and muting, through a real JDA client
 * against the fake Discord, on a SQLite file that outlives a restart. A practice question closes
 * at its first answer here, so the reveal is the answer click's reply.
 */
class ReportEndToEndTest {
    static final Duration WAIT = Duration.ofSeconds(15);
    static final String QUIZ = FakeGuild.QUIZ_CHANNEL_ID;
    static final String OTHER_GUILD = "200000000000000020";
    static final String OTHER_CHANNEL = "300000000000000020";
    static final String ADMIN = FakeGuild.ADMIN_USER_ID;
    static final String BOB = FakeGuild.BOB_USER_ID;
    static final String CAROL = FakeGuild.CAROL_USER_ID;
    static final Features.Tuning TUNING = Features.Tuning.defaults()
            .withQuiz(QuizTimings.standard().closingPracticeAfter(1));

    @TempDir
    Path dir;

    @Test
    void aReportedQuestionIsListedForAdminsMutedHereOnlyAndAllOfItSurvivesARestart() throws Exception {
        try (FakeDiscord discord = FakeDiscord.builder().guild(FakeGuild.standard().build())
                .guild(FakeGuild.builder(OTHER_GUILD, "Other").textChannel(OTHER_CHANNEL, "quiz").players(2).build())
                .start();
             RunningBot bot = RunningBot.start(discord, dir, Clock.systemUTC(), Map.of(), TUNING)) {

            // A practice question, answered: the reveal comes with a Report button naming the question.
            InteractionCallback question = reply(discord.slash(BOB, QUIZ, "quiz", "question", Map.of()));
            String cardTitle = question.data().path("embeds").path(0).path("title").asText();
            InteractionCallback reveal = reply(discord.button(BOB, QUIZ, messageOf(discord, question),
                    customIds(question).get(0)));
            List<String> revealButtons = customIds(reveal);
            assertThat(revealButtons).hasSize(1).allMatch(id -> id.startsWith("report:"));
            assertThat(labels(reveal)).containsExactly("Report");
            String reportId = revealButtons.get(0);
            String questionId = reportId.substring("report:".length());
            String questionText = fieldValue(reveal, "Question");

            // Report: a form with the four reasons and an optional note, within Discord's limits (the fake checks them).
            InteractionCallback form = discord.button(BOB, QUIZ, "900000000000000001", reportId).awaitResponse(WAIT);
            assertThat(form.type()).isEqualTo(InteractionCallback.MODAL);
            assertThat(form.accepted()).as(form.toString()).isTrue();
            assertThat(form.data().path("custom_id").asText()).isEqualTo(reportId);
            JsonNode select = form.data().path("components").path(0).path("component");
            List<String> reasons = new ArrayList<>();
            select.path("options").forEach(o -> reasons.add(o.path("value").asText()));
            assertThat(reasons).containsExactly("wrong-answer", "two-right-answers", "unclear", "typo");
            JsonNode note = form.data().path("components").path(1).path("component");
            assertThat(note.path("type").asInt()).isEqualTo(4);
            assertThat(note.path("max_length").asInt()).isEqualTo(ReportForm.NOTE_MAX);

            // Submitted, with a note that tries to ping: saved, and acknowledged privately.
            String pinging = "<@" + ADMIN + "> @everyone August 2016 is right too";
            InteractionCallback thanks = reply(discord.submitModal(BOB, QUIZ, form,
                    Map.of("reason", "two-right-answers", "note", pinging)));
            assertThat(thanks.ephemeral()).isTrue();
            assertThat(thanks.content()).contains("report (two right answers) is saved");
            assertThat(thanks.data().path("allowed_mentions").path("parse")).isEmpty();

            // One report per member per question: at the click, and at a second form sent anyway.
            InteractionCallback again = reply(discord.button(BOB, QUIZ, "900000000000000002", reportId));
            assertThat(again.type()).isEqualTo(InteractionCallback.REPLY);
            assertThat(again.ephemeral()).isTrue();
            assertThat(again.content()).contains("already reported");
            InteractionCallback secondForm = reply(discord.submitModal(BOB, QUIZ, form, Map.of("reason", "typo")));
            assertThat(secondForm.ephemeral()).isTrue();
            assertThat(secondForm.content()).contains("already reported");

            // A 4,000-character note (more than the form allows, so forged) is cut, and the reporter told.
            InteractionCallback carolForm = discord.button(CAROL, QUIZ, "900000000000000003", reportId)
                    .awaitResponse(WAIT);
            InteractionCallback cut = reply(discord.submitModal(CAROL, QUIZ, carolForm,
                    Map.of("reason", "wrong-answer", "note", "x".repeat(4000))));
            assertThat(cut.content()).contains("was cut there");
            // An unknown reason (forged) is refused, saying which are accepted.
            InteractionCallback daveForm = discord.button(FakeGuild.DAVE_USER_ID, QUIZ, "900000000000000004", reportId)
                    .awaitResponse(WAIT);
            InteractionCallback refused = reply(discord.submitModal(FakeGuild.DAVE_USER_ID, QUIZ, daveForm,
                    Map.of("reason", "boring")));
            assertThat(refused.ephemeral()).isTrue();
            assertThat(refused.content()).contains("wrong-answer, two-right-answers, unclear, typo");

            // /quiz reports: refused to a member without Manage Server, a private list for an admin.
            InteractionCallback notAdmin = reply(discord.slash(BOB, QUIZ, "quiz", "reports", Map.of()));
            assertThat(notAdmin.ephemeral()).isTrue();
            assertThat(notAdmin.content()).contains("Manage Server");
            assertThat(customIds(notAdmin)).isEmpty();
            InteractionCallback list = reply(discord.slash(ADMIN, QUIZ, "quiz", "reports", Map.of()));
            assertThat(list.ephemeral()).isTrue();
            JsonNode entry = list.data().path("embeds").path(0).path("fields").path(0);
            assertThat(entry.path("name").asText()).isEqualTo("1. 2 reports");
            assertThat(entry.path("value").asText())
                    .contains(questionText.length() > 130 ? questionText.substring(0, 130) : questionText)
                    .contains("Wrong answer 1").contains("Two right answers 1")
                    .contains("`" + pinging + "`")
                    .contains(questionId);
            assertThat(list.data().path("allowed_mentions").path("parse")).isEmpty();
            assertThat(customIds(list)).containsExactly("mute:on:" + questionId);

            // A forged Mute click from a member is refused; the admin's mutes it in this server.
            InteractionCallback forged = reply(discord.button(BOB, QUIZ, "900000000000000005", "mute:on:" + questionId));
            assertThat(forged.content()).contains("Manage Server");
            InteractionCallback muted = reply(discord.button(ADMIN, QUIZ, "900000000000000006", "mute:on:" + questionId));
            assertThat(muted.ephemeral()).isTrue();
            assertThat(muted.content()).startsWith("Muted: ");
            assertThat(customIds(muted)).containsExactly("mute:off:" + questionId);

            // Not asked here again; still asked in the other server. The picker goes through every question of a
            // category and difficulty before repeating one, so asking as many times as there are shows each.
            String[] filter = filterOf(cardTitle);
            int questionsInFilter = questionsMatching(filter[0], filter[1]);
            Map<String, String> options = Map.of("category", filter[0], "difficulty", filter[1]);
            assertThat(asked(discord, QUIZ, BOB, options, questionsInFilter)).doesNotContain(questionText);
            assertThat(asked(discord, OTHER_CHANNEL, FakeGuild.playerId(1), options, questionsInFilter))
                    .contains(questionText);

            // After a restart (a new bot on the same SQLite file): the report, the one-per-member rule and the mute hold.
            bot.restart();
            InteractionCallback listAfter = reply(discord.slash(ADMIN, QUIZ, "quiz", "reports", Map.of()));
            assertThat(listAfter.data().path("embeds").path(0).path("fields").path(0).path("name").asText())
                    .isEqualTo("1. 2 reports · muted");
            assertThat(customIds(listAfter)).containsExactly("mute:off:" + questionId);
            assertThat(reply(discord.button(BOB, QUIZ, "900000000000000007", reportId)).content())
                    .contains("already reported");
            assertThat(asked(discord, QUIZ, BOB, options, questionsInFilter)).doesNotContain(questionText);

            // Unmuted, it comes back.
            assertThat(reply(discord.button(ADMIN, QUIZ, "900000000000000008", "mute:off:" + questionId)).content())
                    .startsWith("Unmuted: ");
            assertThat(asked(discord, QUIZ, BOB, options, questionsInFilter)).contains(questionText);

            // Stored with the fact-store version the questions were built from.
            assertThat(storedFactVersions(bot)).containsExactly(factVersion(bot));
        }
    }

    private static InteractionCallback reply(dev.lalaland.bot.testing.InteractionHandle interaction) {
        InteractionCallback callback = interaction.awaitResponse(WAIT);
        assertThat(callback.accepted()).as(callback.toString()).isTrue();
        assertThat(callback.latency()).isLessThan(Duration.ofSeconds(3));
        return callback;
    }

    /** The texts of {@code times} practice questions asked in a channel with these options. */
    private static Set<String> asked(FakeDiscord discord, String channel, String userId, Map<String, ?> options,
                                     int times) {
        Set<String> texts = new HashSet<>();
        for (int i = 0; i < times; i++) {
            InteractionCallback q = reply(discord.slash(userId, channel, "quiz", "question", options));
            texts.add(q.data().path("embeds").path(0).path("description").asText());
        }
        return texts;
    }

    /** "Quiz · Songs · easy" gives songs and easy. */
    private static String[] filterOf(String cardTitle) {
        String[] parts = cardTitle.split(" · ");
        return new String[] {parts[1].toLowerCase(Locale.ROOT), parts[2]};
    }

    /** How many questions the bundled data gives for a category and difficulty. */
    private int questionsMatching(String category, String difficulty) {
        try (Database db = Database.open(dir.resolve("bank.db"))) {
            new FactImporter(db, Clock.systemUTC()).importIfChanged(FactFiles.load(null));
            return QuestionBank.from(new FactStore(db)).matching(category, Difficulty.of(difficulty)).size();
        }
    }

    private static List<String> storedFactVersions(RunningBot bot) {
        try (Database db = Database.open(bot.databaseFile())) {
            return db.read(c -> {
                List<String> out = new ArrayList<>();
                try (ResultSet rs = c.createStatement().executeQuery("SELECT DISTINCT fact_version FROM question_report")) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
                return out;
            });
        }
    }

    private static String factVersion(RunningBot bot) {
        try (Database db = Database.open(bot.databaseFile())) {
            return new FactStore(db).version();
        }
    }

    private static String messageOf(FakeDiscord discord, InteractionCallback reply) {
        return discord.interaction(reply.interactionId()).orElseThrow().originalMessage().orElseThrow().id();
    }

    static List<String> customIds(InteractionCallback reply) {
        List<String> ids = new ArrayList<>();
        reply.data().path("components").forEach(row -> row.path("components")
                .forEach(c -> ids.add(c.path("custom_id").asText())));
        return ids;
    }

    private static List<String> labels(InteractionCallback reply) {
        List<String> labels = new ArrayList<>();
        reply.data().path("components").forEach(row -> row.path("components")
                .forEach(c -> labels.add(c.path("label").asText())));
        return labels;
    }

    private static String fieldValue(InteractionCallback reply, String name) {
        for (JsonNode f : reply.data().path("embeds").path(0).path("fields")) {
            if (f.path("name").asText().equals(name)) {
                return f.path("value").asText();
            }
        }
        throw new AssertionError("no field " + name + " in " + reply);
    }
}

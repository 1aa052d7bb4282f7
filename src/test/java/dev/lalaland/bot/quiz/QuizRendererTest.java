package dev.lalaland.bot.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lalaland.bot.render.DiscordLimits;
import dev.lalaland.bot.render.PlainText;
import dev.lalaland.bot.render.Reply;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Every quiz message fits Discord's limits, even with 200 players, long names and the longest labels. */
class QuizRendererTest {
    private static final String LONG_LABEL = "L".repeat(DiscordLimits.BUTTON_LABEL);
    private final Instant now = Instant.parse("2026-11-28T20:00:00Z");
    private final Question longest = new Question("long", "awards", Difficulty.HARD, "Q".repeat(1500),
            List.of(LONG_LABEL, "M".repeat(80), "N".repeat(80), "O".repeat(80)), 0, "E".repeat(1000), List.of("S".repeat(500)));
    private final Night night = new Night(1, "g", "c", "host", "H".repeat(100), 50, 120, Duration.ofSeconds(120),
            "awards", Difficulty.HARD, Night.Status.RUNNING, now);
    private final Round round = new Round(123_456_789_012L, 1L, 50, "g", "c", longest, "m", now, now.plusSeconds(120), true);

    private static List<Standing> players(int n) {
        List<Standing> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new Standing("1000000000000000" + i, "*_Player_* with a very long display name " + i, 10_000 - i, 50));
        }
        return out;
    }

    private static List<RoundResult.Scored> scored(int n) {
        List<RoundResult.Scored> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new RoundResult.Scored("u" + i, "`Player`|| with a very long display name " + i, 390, 7));
        }
        return out;
    }

    private static void fits(Reply reply) {
        assertThat(DiscordLimits.violations(reply)).isEmpty();
    }

    /** A medal is for points: "🥇 you: 0 points" after a wrong first answer read as a joke. */
    @Test
    void nobodyGetsAMedalForZeroPoints() {
        assertThat(QuizRenderer.standingLines(List.of(new Standing("u1", "you", 0, 0)), 5)).isEqualTo("1. you: 0 points");
        assertThat(QuizRenderer.standingLines(List.of(new Standing("u1", "Ann", 150, 1), new Standing("u2", "you", 0, 0)), 5))
                .isEqualTo("🥇 Ann: 150 points\n2. you: 0 points");
    }

    @Test
    void questionsFitAndCarryOneButtonPerChoice() {
        for (Reply r : List.of(QuizRenderer.practiceQuestion(round, QuizRenderer.practiceCard(round.question())), QuizRenderer.nightQuestion(night, round, true),
                QuizRenderer.closedQuestion(round, "Question 50 of 50"))) {
            fits(r);
            assertThat(r.buttons()).extracting(b -> b.label()).isEqualTo(longest.choices());
            assertThat(r.buttons()).allSatisfy(b -> assertThat(b.id()).startsWith("quiz:123456789012:"));
        }
        assertThat(QuizRenderer.nightQuestion(night, round, false).embeds().get(0).description())
                .contains("<t:" + now.plusSeconds(120).getEpochSecond() + ":R>");
        assertThat(QuizRenderer.practiceQuestion(round, QuizRenderer.practiceCard(round.question())).content())
                .contains("<t:" + now.plusSeconds(120).getEpochSecond() + ":R>");
    }

    @Test
    void aQuestionDoesNotGiveItsAnswerAway() {
        Question q = TestQuestions.question(7, "cast", Difficulty.EASY);
        Round open = new Round(5, 1L, 1, "g", "c", q, null, now, now.plusSeconds(20), true);
        for (Reply r : List.of(QuizRenderer.practiceQuestion(open, QuizRenderer.practiceCard(q)), QuizRenderer.nightQuestion(night, open, false))) {
            assertThat(PlainText.render(r)).doesNotContain("Because").doesNotContain("Answer:");
            assertThat(r.buttons()).extracting(b -> b.style()).containsOnly(dev.lalaland.bot.render.Button.Style.PRIMARY);
        }
    }

    @Test
    void revealsNameTheRightChoiceByItsLabelVerbatimAndFitWith200Players() {
        RoundResult result = new RoundResult(round, List.of(200, 0, 0, 0), scored(200), players(200));
        Reply night = QuizRenderer.nightReveal(this.night, result, Duration.ofSeconds(6), null);
        Reply practice = QuizRenderer.practiceReveal(result);
        for (Reply r : List.of(night, practice)) {
            fits(r);
            assertThat(PlainText.render(r)).contains(LONG_LABEL);
            assertThat(PlainText.render(r)).contains("more");
        }
    }

    @Test
    void finalStandingsHaveTextAndAPodiumPicture() throws Exception {
        Reply over = QuizRenderer.nightOver(new NightResult(night, Night.Status.FINISHED, night.startedAt(), 50, players(200)));
        fits(over);
        assertThat(over.attachments()).singleElement().satisfies(a -> {
            assertThat(a.fileName()).isEqualTo("podium.png");
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(a.data()));
            assertThat(image.getWidth()).isEqualTo(PodiumImage.WIDTH);
            assertThat(image.getHeight()).isEqualTo(PodiumImage.HEIGHT);
        });
        assertThat(over.embeds().get(0).imageAttachment()).isEqualTo("podium.png");
        assertThat(PlainText.render(over)).contains("🥇").contains("10000 points");

        Reply nobody = QuizRenderer.nightOver(new NightResult(night, Night.Status.STOPPED, night.startedAt(), 0, List.of()));
        fits(nobody);
        assertThat(nobody.attachments()).isEmpty();
        assertThat(PlainText.render(nobody)).contains("Nobody scored");
    }

    @Test
    void otherMessagesFit() {
        fits(QuizRenderer.nightStarted(night, Duration.ofSeconds(5), "Only 3 questions match."));
        Period.Window week = Period.WEEK.containing(night.startedAt(), java.time.ZoneId.of("Pacific/Chatham"));
        List<QuizStore.Ranked> top = new java.util.ArrayList<>();
        List<Standing> ten = players(10);
        for (int i = 0; i < ten.size(); i++) {
            top.add(new QuizStore.Ranked(i + 1, ten.get(i), 4000));
        }
        QuizStore.Ranked me = new QuizStore.Ranked(3999, new Standing("me", "W".repeat(200), 1, 1), 4000);
        Reply board = QuizRenderer.leaderboard(week, new QuizStore.Board(top, java.util.Optional.of(me), 4000));
        fits(board);
        assertThat(PlainText.render(board)).contains("…\n3999. ").contains("4000 scored");
        fits(QuizRenderer.leaderboard(week, new QuizStore.Board(List.of(), java.util.Optional.empty(), 0)));
        fits(QuizRenderer.leaderboard(Period.ALL_TIME.containing(night.startedAt(), java.time.ZoneOffset.UTC),
                new QuizStore.Board(List.of(), java.util.Optional.empty(), 0)));
    }

    @Test
    void aProfileShowsEveryPlaceAndFits() {
        java.time.ZoneId zone = java.time.ZoneId.of("Europe/Paris");
        Map<Period.Window, java.util.Optional<QuizStore.Ranked>> places = new java.util.LinkedHashMap<>();
        Standing me = new Standing("u", "@everyone **x**", 1240, 9);
        places.put(Period.ALL_TIME.containing(night.startedAt(), zone), java.util.Optional.of(new QuizStore.Ranked(42, me, 57)));
        places.put(Period.MONTH.containing(night.startedAt(), zone), java.util.Optional.of(new QuizStore.Ranked(3, me, 4)));
        places.put(Period.WEEK.containing(night.startedAt(), zone), java.util.Optional.empty());
        Profile profile = new Profile("u", "@everyone\n" + "W".repeat(300), 4, 37, 19, 1240, 5, List.of(
                new Profile.CategoryPoints("songs", 9, 6, 900), new Profile.CategoryPoints("cast", 28, 13, 340)));
        Reply reply = QuizRenderer.profile(profile, places);
        fits(reply);
        String text = PlainText.render(reply);
        assertThat(text).contains("Answers: 37, 19 right (51%)").contains("Best streak: 5")
                .contains("All-time: #42 of 57, 1240 points").contains("no points yet").contains("Songs: 900 points (6 of 9 right)")
                .contains("time zone Europe/Paris").doesNotContain("@everyone");
    }

    @Test
    void displayNamesCannotFormatOrMention() {
        assertThat(QuizRenderer.name("**bold** @everyone\nnext")).isEqualTo("\\*\\*bold\\*\\* @\u200Beveryone next");
        assertThat(QuizRenderer.name(" ")).isEqualTo("someone");
    }

    @Test
    void thePodiumDrawsAnyNumberOfPlayersAndAnyName() throws Exception {
        for (int n = 0; n <= 3; n++) {
            byte[] png = PodiumImage.render(players(n).stream()
                    .map(s -> new Standing(s.userId(), "名前 😀 " + "W".repeat(60), s.points(), s.correct())).toList());
            assertThat(ImageIO.read(new ByteArrayInputStream(png))).isNotNull();
        }
    }

    @Test
    void teamAndHintMessagesFitWithFourTeamsAndTwoHundredPlayers() {
        Night teams = new Night(1, "g", "c", "host", "H".repeat(100), 50, 120, Duration.ofSeconds(120), "awards",
                Difficulty.HARD, Night.Status.RUNNING, now, new NightStyle(4, true));
        Reply open = QuizRenderer.nightStarted(teams, Duration.ofSeconds(5), "Only 3 questions match.", true);
        fits(open);
        assertThat(open.buttons()).extracting(b -> b.label()).containsExactly("Pause", "Resume", "Skip question",
                "End night", "Join The Messengers", "Join Seb's", "Join Lipton's", "Join The Lighthouse");
        assertThat(open.buttons()).noneMatch(b -> b.disabled());
        Reply closed = QuizRenderer.nightStarted(teams, Duration.ofSeconds(5), null, false);
        fits(closed);
        assertThat(closed.buttons()).filteredOn(b -> b.label().startsWith("Join ")).hasSize(4).allMatch(b -> b.disabled());
        assertThat(PlainText.render(closed)).contains("Joining by button has closed");

        Reply question = QuizRenderer.nightQuestion(teams, round, false);
        fits(question);
        assertThat(question.buttons()).extracting(b -> b.label()).endsWith(QuizRenderer.HINT_LABEL).hasSize(5);
        Reply hint = QuizRenderer.hint(round, 2, false);
        fits(hint);
        assertThat(hint.ephemeral()).isTrue();
        assertThat(hint.buttons()).extracting(b -> b.label()).containsExactly(LONG_LABEL, "M".repeat(80), "O".repeat(80));

        List<TeamStanding> ranked = Teams.standings(4, java.util.Map.of(1, players(100), 2, players(100)));
        List<String> hinted = players(200).stream().map(Standing::displayName).toList();
        RoundResult result = new RoundResult(round, List.of(200, 0, 0, 0), scored(200), players(200), hinted, ranked, null);
        Reply reveal = QuizRenderer.nightReveal(teams, result, Duration.ofSeconds(6), "⏭️ Skipped by " + "X".repeat(40));
        fits(reveal);
        assertThat(PlainText.render(reveal)).contains("💡 Used a hint: ").contains("The Lighthouse: 0 points");
        Reply over = QuizRenderer.nightOver(new NightResult(teams, Night.Status.FINISHED, now, 50, players(200), ranked, null));
        fits(over);
        assertThat(PlainText.render(over)).contains("🥇 The Messengers: ").contains("best: ");
    }
}

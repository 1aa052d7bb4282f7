package dev.lalaland.bot.quiz;

import dev.lalaland.bot.render.Attachment;
import dev.lalaland.bot.render.Button;
import dev.lalaland.bot.render.DiscordLimits;
import dev.lalaland.bot.render.Embed;
import dev.lalaland.bot.render.Palette;
import dev.lalaland.bot.render.Reply;
import dev.lalaland.bot.render.Sources;
import dev.lalaland.bot.report.Reports;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every message of the quiz, as {@link Reply} values. Answer buttons are labelled with the choice
 * itself, and the reveal names the right choice by that label, verbatim. Player names are
 * display names with Markdown neutralised; lists are cut to fit Discord's limits.
 */
final class QuizRenderer {
    static final String PODIUM_FILE = "podium.png";
    static final String HINT_LABEL = "💡 Hint";
    private static final Logger log = LoggerFactory.getLogger(QuizRenderer.class);
    // Compiled once: a reveal renders every right answerer's name.
    private static final Pattern LINE_BREAKS = Pattern.compile("[\\r\\n\\t]+");
    private static final Pattern MARKDOWN = Pattern.compile("([\\\\*_~`|>#\\[\\]()])");
    private static final String[] MEDALS = {"🥇", "🥈", "🥉"};
    private static final int LIST_LINES = 10;
    private static final int STANDINGS_AFTER_ROUND = 5;
    private static final int FOOTER_LENGTH = 300;

    private QuizRenderer() {
    }

    // ---- questions ----

    /**
     * A practice question's card. It is the same every time the question is asked, so it can be
     * built once and its Discord form reused (JdaMessages keeps it by identity); the countdown is in the message text.
     */
    static Embed practiceCard(Question q) {
        return Embed.builder("Quiz · " + title(q))
                .description(q.text())
                .footer("Practice question: not scored. Hosting a scored game? /quiz start")
                .color(Palette.MIA_YELLOW)
                .build();
    }

    /** The practice question asked as {@code round}, shown on its {@link #practiceCard}. */
    static Reply practiceQuestion(Round round, Embed card) {
        return Reply.builder().content("One answer each; the question closes " + relative(round.closesAt()) + ".")
                .embed(card).buttonRow(answerButtons(round, false)).build();
    }

    static Reply nightQuestion(Night night, Round round, boolean askedAgain) {
        Question q = round.question();
        String again = askedAgain ? "\n\n*Asked again after a restart: answers already given still count.*" : "";
        String hints = night.style().hints() ? " 💡 Hint: one wrong choice gone, half points." : "";
        Embed embed = Embed.builder("Question " + round.number() + " of " + night.questionCount() + " · " + title(q))
                .description(q.text() + "\n\n⏱️ Closes " + relative(round.closesAt()) + again)
                .footer(q.difficulty().basePoints() + " points, more for a fast answer and for a streak. One answer each."
                        + hints)
                .color(Palette.MIA_YELLOW)
                .build();
        Reply.Builder reply = Reply.builder().embed(embed).buttonRow(answerButtons(round, false));
        if (night.style().hints()) {
            reply.buttonRow(List.of(new Button(HintButtons.customId(round.id()), HINT_LABEL, Button.Style.SECONDARY,
                    false)));
        }
        return reply.build();
    }

    /**
     * A player's hint, only for them: which wrong choice is gone, and the other three as answer
     * buttons; {@code again} when they had asked already (the same choice, as it is kept).
     */
    static Reply hint(Round round, int removed, boolean again) {
        Question q = round.question();
        List<Button> row = new ArrayList<>();
        for (int i = 0; i < q.choices().size(); i++) {
            if (i != removed) {
                row.add(new Button(AnswerButtons.customIdAfterHint(round.id(), i), q.choices().get(i),
                        Button.Style.PRIMARY, false));
            }
        }
        String text = (again ? "💡 You already have your hint for question " + round.number() + ": **"
                : "💡 Hint for question " + round.number() + ": **") + q.choices().get(removed) + "** is not the answer. "
                + "Pick from the other " + row.size() + "; a right answer now scores half, without a streak bonus.";
        return Reply.builder().content(text).buttonRow(row).ephemeral(true).build();
    }

    /** The question as it looks once closed: buttons disabled, the right one green. */
    static Reply closedQuestion(Round round, String heading) {
        Question q = round.question();
        Embed embed = Embed.builder(heading + " · " + title(q))
                .description(q.text() + "\n\nClosed. Answer: **" + q.answerLabel() + "**")
                .color(Palette.NIGHT_BLUE)
                .build();
        return Reply.builder().embed(embed).buttonRow(answerButtons(round, true)).build();
    }

    private static List<Button> answerButtons(Round round, boolean closed) {
        List<Button> row = new ArrayList<>();
        List<String> choices = round.question().choices();
        for (int i = 0; i < choices.size(); i++) {
            Button.Style style = closed && i == round.question().answer() ? Button.Style.SUCCESS : Button.Style.PRIMARY;
            row.add(new Button(AnswerButtons.customId(round.id(), i), choices.get(i), style, closed));
        }
        return row;
    }

    // ---- reveals ----

    /** After a practice question: the answer, why, and who got it right. */
    static Reply practiceReveal(RoundResult result) {
        Question q = result.round().question();
        String right = result.right().isEmpty() ? "Nobody this time."
                : joinNames(result.right().stream().map(RoundResult.Scored::displayName).toList());
        // The title names the answer; the description says why, without naming it a second time.
        Embed embed = Embed.builder("Answer: " + q.answerLabel())
                .description(q.explanation())
                .field("Question", DiscordLimits.truncate(q.text(), DiscordLimits.FIELD_VALUE))
                .field("Got it right", right)
                .field("Answers", choiceCounts(result))
                .footer(footer(q))
                .color(Palette.WIN_GOLD)
                .build();
        return withReportButton(Reply.builder().embed(embed), q);
    }

    /** After a night question: the answer, why, how many chose what, points gained, the top standings. */
    static Reply nightReveal(Night night, RoundResult result, Duration nextIn, String note) {
        Question q = result.round().question();
        List<String> gained = new ArrayList<>();
        for (RoundResult.Scored s : result.right()) {
            gained.add("+" + s.points() + " " + name(s.displayName()) + (s.hinted() ? " (hint: half)"
                    : s.streak() > 1 ? " (streak " + s.streak() + ")" : ""));
        }
        boolean last = result.round().number() >= night.questionCount();
        String hints = result.hinted().isEmpty() ? "" : "\n\n💡 Used a hint: " + joinNames(result.hinted()) + ".";
        Embed embed = Embed.builder("Question " + result.round().number() + " of " + night.questionCount()
                        + " · Answer: " + q.answerLabel())
                .description(q.explanation() + (note == null ? "" : "\n\n" + note) + hints)
                .field("Answers", choiceCounts(result))
                .field("Points", gained.isEmpty() ? "Nobody got it right." : lines(gained))
                .field("Standings", night.style().teamsMode() ? teamLines(result.teams())
                        : standingLines(result.standings(), STANDINGS_AFTER_ROUND))
                .footer(last ? "That was the last question: final standings next." :
                        "Next question in " + Math.max(1, nextIn.toSeconds()) + " s.")
                .color(Palette.WIN_GOLD)
                .build();
        return withReportButton(Reply.builder().embed(embed), q);
    }

    /** Every reveal has a Report button: a player who thinks the answer is wrong says why. */
    private static Reply withReportButton(Reply.Builder reveal, Question q) {
        if (Reports.fitsButtonIds(q.id())) {
            reveal.buttonRow(List.of(Reports.reportButton(q.id())));
        } else {
            // QuestionBankTest keeps every id short enough; this only guards a future generator.
            log.warn("question id too long for a Report button: {}", q.id());
        }
        return reveal.build();
    }

    private static String choiceCounts(RoundResult result) {
        Question q = result.round().question();
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < q.choices().size(); i++) {
            int n = result.choiceCounts().get(i);
            rows.add((i == q.answer() ? "✅ " : "▫️ ") + q.choices().get(i) + ": " + n);
        }
        return String.join("\n", rows);
    }

    // ---- nights ----

    static Reply nightStarted(Night night, Duration firstIn, String note) {
        return nightStarted(night, firstIn, note, true);
    }

    /**
     * The night's opening message: what it is, the rules, the host's control panel and, in teams
     * mode, a Join button per team ({@code joinsOpen} false: the same message once joining has
     * closed, its Join buttons disabled).
     */
    static Reply nightStarted(Night night, Duration firstIn, String note, boolean joinsOpen) {
        NightStyle style = night.style();
        String what = night.questionCount() + " question" + (night.questionCount() == 1 ? "" : "s") + ", "
                + night.seconds() + " s each" + filters(night)
                + (style.teamsMode() ? ", " + style.teams() + " teams" : "") + (style.hints() ? ", hints on" : "");
        Embed.Builder embed = Embed.builder(style.teamsMode() ? "🎬 Quiz night in teams!" : "🎬 Quiz night!")
                .description("Hosted by " + name(night.hostName()) + ": " + what + ". First question in "
                        + Math.max(1, firstIn.toSeconds()) + " s." + (note == null ? "" : "\n" + note))
                .field("How to play", rulesSummary());
        if (style.teamsMode()) {
            embed.field("Teams", (joinsOpen ? "Join a team with its button within the first "
                    + Teams.JOIN_WINDOW_SECONDS + " s." : "Joining by button has closed.")
                    + " Whoever has not joined is put on the smallest team at their first answer. One team per "
                    + "night, no switching; a team's points are the sum of its members'.");
        }
        if (style.hints()) {
            embed.field("Hints", "Each question has a 💡 Hint button: one wrong choice disappears, for you only. "
                    + "A right answer after a hint scores half (rounded up) and no streak bonus; one hint per "
                    + "question, before you answer.");
        }
        embed.footer("Host controls: only the host or someone with Manage Server can use the buttons below "
                        + "(or /quiz stop).")
                .color(Palette.SEB_PURPLE);
        List<Button> panel = new ArrayList<>();
        for (HostControl control : HostControl.values()) {
            panel.add(new Button(HostButtons.customId(night.id(), control), control.label,
                    control == HostControl.END ? Button.Style.DANGER : Button.Style.SECONDARY, false));
        }
        // The control panel comes first: console mode knows it by its first button.
        Reply.Builder reply = Reply.builder().embed(embed.build()).buttonRow(panel);
        if (style.teamsMode()) {
            List<Button> join = new ArrayList<>();
            for (int team = 1; team <= style.teams(); team++) {
                join.add(new Button(TeamButtons.customId(night.id(), team), "Join " + Teams.name(team),
                        Button.Style.PRIMARY, !joinsOpen));
            }
            reply.buttonRow(join);
        }
        return reply.build();
    }

    /** Said in the channel when the host pauses; {@code question} is the open one's number, or null. */
    static Reply paused(Night night, String by, Integer question, NightPause pause) {
        String where = question == null ? "between questions"
                : "question " + question + " has " + seconds(pause.questionLeft()) + " left";
        return Reply.text("⏸️ Quiz night paused by " + name(by) + " (" + where + "). Answers wait until the host "
                + "resumes; if nobody does within " + NightPause.GIVE_UP_AFTER.toMinutes() + " minutes, the night ends "
                + "with its standings.");
    }

    /** Said in the channel when the host resumes: the open question's time left, or when the next one comes. */
    static Reply resumed(String by, Integer question, Duration left, Duration nextIn) {
        String what = question == null ? "next question in " + seconds(nextIn)
                : "question " + question + " is open again with " + seconds(left) + " left";
        return Reply.text("▶️ Quiz night resumed by " + name(by) + ": " + what + ".");
    }

    /** Whole seconds, rounded up, as the countdown shows them. */
    private static String seconds(Duration d) {
        return Math.max(1, (d.toMillis() + 999) / 1000) + " s";
    }

    /** Final standings: a text version and the podium picture beside it. */
    static Reply nightOver(NightResult result) {
        String heading = switch (result.endedAs()) {
            case STOPPED -> NightResult.PAUSED_TOO_LONG.equals(result.endReason())
                    ? "⏹️ Quiz night ended after " + NightPause.GIVE_UP_AFTER.toMinutes() + " minutes paused"
                    : "⏹️ Quiz night stopped";
            case FAILED -> "Quiz night ended early";
            default -> "🏆 Quiz night over";
        };
        List<Standing> scored = result.standings().stream().filter(s -> s.points() > 0).toList();
        String text = scored.isEmpty() ? "Nobody scored tonight." : standingLines(scored, LIST_LINES);
        // In teams mode the podium is the teams'.
        List<Standing> onPodium = scored;
        if (result.night().style().teamsMode()) {
            text = teamLines(result.teams()) + "\n\n**Players**\n" + text;
            onPodium = result.teams().stream().filter(t -> t.points() > 0)
                    .map(t -> new Standing("team:" + t.team(), t.name(), t.points(), t.correct())).toList();
        }
        List<Standing> podium = onPodium;
        Embed.Builder embed = Embed.builder(heading)
                .description("After " + result.questionsAsked() + " of " + result.night().questionCount()
                        + " questions.\n\n" + text)
                .footer(scored.isEmpty() ? "See /quiz leaderboard for the all-time standings."
                        : "Points added to this server's /quiz leaderboard.")
                .color(Palette.WIN_GOLD);
        Reply.Builder reply = Reply.builder();
        podium(podium).ifPresent(png -> {
            embed.image(PODIUM_FILE);
            reply.attachment(new Attachment(PODIUM_FILE, png, podiumDescription(podium)));
        });
        return reply.embed(embed.build()).build();
    }

    /**
     * A server's standings for a period: the top of the board, then the asker's own place if it is
     * further down, or a line saying they have not scored in it.
     */
    static Reply leaderboard(Period.Window window, QuizStore.Board board) {
        String text;
        if (board.top().isEmpty()) {
            text = window.period() == Period.ALL_TIME
                    ? "Nobody has scored in a quiz night here yet: /quiz start to host one."
                    : "Nobody has scored " + periodName(window) + " yet: /quiz start to host a quiz night.";
        } else {
            List<String> rows = new ArrayList<>();
            board.top().forEach(r -> rows.add(rankedLine(r)));
            text = lines(rows, rows.size());
            Optional<QuizStore.Ranked> below = board.askerBelowTop();
            if (below.isPresent()) {
                text += "\n…\n" + rankedLine(below.get());
            } else if (board.asker().isEmpty()) {
                text += "\n\nYou have not scored " + periodName(window) + " yet.";
            }
        }
        String footer = switch (window.period()) {
            case ALL_TIME -> "Points from every quiz night in this server. /quiz question is practice and not counted.";
            case WEEK, MONTH -> "Answers to questions asked " + periodName(window) + " (weeks start on Monday, "
                    + "time zone " + zoneName(window.zone()) + "), in nights that have ended. Practice is not counted.";
        };
        Embed embed = Embed.builder(leaderboardTitle(window))
                .description(text)
                .footer(footer + (board.players() > 0 ? " " + board.players() + " scored." : ""))
                .color(Palette.WIN_GOLD)
                .build();
        return Reply.embed(embed);
    }

    /** A player's record, and their place on the all-time, month and week boards. */
    static Reply profile(Profile p, Map<Period.Window, Optional<QuizStore.Ranked>> places) {
        String accuracy = p.accuracyPercent().isPresent()
                ? p.correct() + " right (" + p.accuracyPercent().getAsInt() + "%)" : "none yet";
        String record = "Nights played: " + p.nights() + "\nAnswers: " + p.answers()
                + (p.answers() > 0 ? ", " + accuracy : "")
                + "\nBest streak: " + p.bestStreak() + " right in a row"
                + "\nPoints: " + p.points();
        List<String> placeRows = new ArrayList<>();
        ZoneId zone = null;
        for (Map.Entry<Period.Window, Optional<QuizStore.Ranked>> e : places.entrySet()) {
            Period.Window w = e.getKey();
            zone = w.period() == Period.ALL_TIME ? zone : w.zone();
            String when = switch (w.period()) {
                case ALL_TIME -> "All-time";
                case MONTH -> "This month (" + w.label() + ")";
                case WEEK -> "This week (from Monday " + w.firstDay() + ")";
            };
            placeRows.add(when + ": " + e.getValue().map(r -> "#" + r.place() + " of " + r.players() + ", "
                    + r.standing().points() + " points").orElse("no points yet"));
        }
        List<String> categoryRows = new ArrayList<>();
        for (Profile.CategoryPoints c : p.categories()) {
            categoryRows.add(capitalise(c.category()) + ": " + c.points() + " points (" + c.correct() + " of "
                    + c.answers() + " right)");
        }
        Embed embed = Embed.builder("🎬 Quiz profile: " + DiscordLimits.truncate(flat(p.displayName()), 200))
                .description(record)
                .field("Places", lines(placeRows))
                .field("Points by category", categoryRows.isEmpty() ? "None yet." : lines(categoryRows))
                .footer("Quiz nights in this server only; practice is not counted. Weeks start on Monday"
                        + (zone == null ? "" : ", time zone " + zoneName(zone)) + ".")
                .color(Palette.SEB_PURPLE)
                .build();
        return Reply.embed(embed);
    }

    /** The final podium of a week or month that has ended: its top ten, and the picture of its top three. */
    static Reply periodPodium(Period.Window window, QuizStore.Board board) {
        List<String> rows = new ArrayList<>();
        board.top().forEach(r -> rows.add(rankedLine(r)));
        String what = window.period() == Period.WEEK ? "week" : "month";
        Embed.Builder embed = Embed.builder("🏆 Final podium: " + window.label())
                .description("The " + what + " is over. Congratulations to everyone who played!\n\n"
                        + lines(rows, board.players()))
                .footer("Points of the answers to questions asked in " + (window.period() == Period.WEEK
                        ? "that week (from Monday)" : "that month") + ", time zone " + zoneName(window.zone())
                        + ". A new " + what + " has begun: /quiz leaderboard period:" + window.period().id)
                .color(Palette.WIN_GOLD);
        Reply.Builder reply = Reply.builder();
        List<Standing> top = board.top().stream().map(QuizStore.Ranked::standing).toList();
        String heading = window.period() == Period.WEEK ? "Quiz podium · week of " + window.firstDay()
                : "Quiz podium · " + window.label();
        podium(top, heading).ifPresent(png -> {
            embed.image(PODIUM_FILE);
            reply.attachment(new Attachment(PODIUM_FILE, png, podiumDescription(top)));
        });
        return reply.embed(embed.build()).build();
    }

    static String leaderboardTitle(Period.Window window) {
        return window.period() == Period.ALL_TIME ? "🏆 All-time quiz standings"
                : "🏆 Quiz standings: " + window.label();
    }

    /** A time zone as people write it: UTC rather than Java's "Z". */
    static String zoneName(ZoneId zone) {
        return zone.normalized().equals(java.time.ZoneOffset.UTC) ? "UTC" : zone.getId();
    }

    /** "this week", "this month" as a board is asked for; the period's name once it has ended. */
    private static String periodName(Period.Window window) {
        return switch (window.period()) {
            case ALL_TIME -> "in any quiz night here";
            case WEEK -> "this week";
            case MONTH -> "this month";
        };
    }

    /** A place on a board: a medal for the first three, the number for the rest. */
    static String rankedLine(QuizStore.Ranked r) {
        String place = r.place() <= MEDALS.length ? MEDALS[r.place() - 1] : r.place() + ".";
        return place + " " + name(r.standing().displayName()) + ": " + r.standing().points() + " points";
    }

    /** The rules in a few lines, for the night's first message and for /help. */
    static String rulesSummary() {
        return "Click an answer before the countdown ends; one answer each, no changing it.\n"
                + "Right answers score 100 (easy), 150 (medium) or 200 (hard) points, plus up to half again "
                + "for answering fast, plus " + Scoring.STREAK_STEP + " per answer in a streak (up to "
                + Scoring.MAX_STREAK_BONUS + "). Wrong answers cost nothing.";
    }

    // ---- pieces ----

    private static Optional<byte[]> podium(List<Standing> scored) {
        return podium(scored, "La La Land quiz night");
    }

    private static Optional<byte[]> podium(List<Standing> scored, String heading) {
        if (scored.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(PodiumImage.render(scored.subList(0, Math.min(3, scored.size())), heading));
        } catch (RuntimeException | Error e) {
            // A machine without fonts cannot draw text; the standings in text are still there.
            log.warn("could not draw the podium picture: {}", e.toString());
            return Optional.empty();
        }
    }

    private static String podiumDescription(List<Standing> scored) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < Math.min(3, scored.size()); i++) {
            parts.add((i + 1) + ". " + scored.get(i).displayName() + " " + scored.get(i).points());
        }
        return DiscordLimits.truncate("Podium: " + String.join(", ", parts), 1000);
    }

    /** The teams ranked, each with its points and best player. */
    static String teamLines(List<TeamStanding> teams) {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < teams.size(); i++) {
            TeamStanding t = teams.get(i);
            String place = i < MEDALS.length && t.points() > 0 ? MEDALS[i] : (i + 1) + ".";
            String best = t.best() == null ? "no members yet"
                    : t.members() + " member" + (t.members() == 1 ? "" : "s") + ", best: " + name(t.best().displayName())
                    + " " + t.best().points();
            rows.add(place + " " + name(t.name()) + ": " + t.points() + " points (" + best + ")");
        }
        return rows.isEmpty() ? "No teams yet." : String.join("\n", rows);
    }

    static String standingLines(List<Standing> standings, int max) {
        if (standings.isEmpty()) {
            return "Nobody has scored yet.";
        }
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < standings.size(); i++) {
            Standing s = standings.get(i);
            // A medal is for points: a player still on 0 is listed, without one.
            String place = i < MEDALS.length && s.points() > 0 ? MEDALS[i] : (i + 1) + ".";
            rows.add(place + " " + name(s.displayName()) + ": " + s.points() + " points");
        }
        return lines(rows.subList(0, Math.min(rows.size(), Math.max(max, 1))), standings.size());
    }

    private static String lines(List<String> rows) {
        return lines(rows.subList(0, Math.min(rows.size(), LIST_LINES)), rows.size());
    }

    /** The rows that fit in an embed field, then how many more there are. */
    private static String lines(List<String> shown, int total) {
        StringBuilder out = new StringBuilder();
        int used = 0;
        for (String row : shown) {
            if (out.length() + row.length() + 40 > DiscordLimits.FIELD_VALUE) {
                break;
            }
            out.append(out.isEmpty() ? "" : "\n").append(row);
            used++;
        }
        if (total > used) {
            out.append("\n…and ").append(total - used).append(" more");
        }
        return out.toString();
    }

    private static String joinNames(List<String> names) {
        StringBuilder out = new StringBuilder();
        int used = 0;
        for (String n : names) {
            String safe = name(n);
            if (out.length() + safe.length() + 30 > DiscordLimits.FIELD_VALUE) {
                break;
            }
            out.append(out.isEmpty() ? "" : ", ").append(safe);
            used++;
        }
        if (names.size() > used) {
            out.append(" and ").append(names.size() - used).append(" more");
        }
        return out.toString();
    }

    /** A display name for a title, where Markdown is not rendered: one line, no mention syntax. */
    private static String flat(String displayName) {
        return displayName == null || displayName.isBlank() ? "someone"
                : LINE_BREAKS.matcher(displayName.strip()).replaceAll(" ").replace("@", "@\u200B");
    }

    /** A display name as plain text: no Markdown, no line breaks, no mention syntax, not too long. */
    static String name(String displayName) {
        String flat = displayName == null || displayName.isBlank() ? "someone"
                : LINE_BREAKS.matcher(displayName.strip()).replaceAll(" ").replace("@", "@\u200B");
        flat = DiscordLimits.truncate(flat, 40);
        return MARKDOWN.matcher(flat).replaceAll("\\\\$1");
    }

    private static String title(Question q) {
        return capitalise(q.category()) + " · " + q.difficulty().id();
    }

    private static String filters(Night night) {
        String category = night.category() == null ? "" : night.category();
        String difficulty = night.difficulty() == null ? "" : night.difficulty().id();
        String both = (category + " " + difficulty).strip();
        return both.isEmpty() ? "" : " (" + both + ")";
    }

    private static String footer(Question q) {
        return q.sources().isEmpty() ? "Practice question: not scored."
                : "Source: " + Sources.citation(q.sources().get(0), FOOTER_LENGTH - "Source: ".length());
    }

    static String relative(Instant at) {
        // Rounded up, so the countdown never shows the question closing before it does.
        long seconds = (at.toEpochMilli() + 999) / 1000;
        return "<t:" + seconds + ":R>";
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }
}

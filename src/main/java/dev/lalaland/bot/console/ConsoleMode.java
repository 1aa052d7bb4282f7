package dev.lalaland.bot.console;

import dev.lalaland.bot.command.ButtonClick;
import dev.lalaland.bot.command.CommandRequest;
import dev.lalaland.bot.command.Dispatcher;
import dev.lalaland.bot.command.FormSubmit;
import dev.lalaland.bot.command.Invoker;
import dev.lalaland.bot.command.UserInputException;
import dev.lalaland.bot.render.Button;
import dev.lalaland.bot.render.PlainText;
import dev.lalaland.bot.render.Reply;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Try the bot without Discord: reads commands from standard input, one a line, and prints each
 * reply as plain text followed by a blank line. {@code answer N} clicks the N-th button of the
 * last reply that had buttons; {@code pause}, {@code resume}, {@code skip} and {@code end} click the
 * running quiz night's control panel; {@code join TEAM} clicks a team night's Join button (a team's
 * name, or part of it, or its number); {@code hint} clicks the last question's Hint button;
 * {@code report <reason> [note]} reports the last answer shown, as its
 * Report button and form do. Bad lines print one error line and the session goes on.
 */
public final class ConsoleMode {
    /** Who the console user is to the commands: one member with every permission, in one channel. */
    public static final Invoker USER = new Invoker("100000000000000100", "you", "100000000000000200",
            "100000000000000300", true);
    private static final Pattern ANSWER = Pattern.compile("answer(?:\\s+(\\S+))?", Pattern.CASE_INSENSITIVE);
    /** A quiz night's control panel: its buttons' ids start so; the console clicks them by word. */
    private static final String PANEL_PREFIX = "host:";
    private static final Pattern CONTROL = Pattern.compile("(pause|resume|skip|end)", Pattern.CASE_INSENSITIVE);
    private static final Pattern JOIN = Pattern.compile("join(?:\\s+(.+))?", Pattern.CASE_INSENSITIVE);
    private static final Pattern HINT = Pattern.compile("hint", Pattern.CASE_INSENSITIVE);
    /** The quiz's Join, Hint and answer buttons' id prefixes, as the quiz feature names them. */
    private static final String JOIN_PREFIX = "team:";
    private static final String HINT_PREFIX = "hint:";
    private static final String ANSWER_PREFIX = "quiz:";
    /** {@code report}, or {@code report <reason> [note]}: the Report button of the last answer shown. */
    private static final Pattern REPORT = Pattern.compile("report(?:\\s+(\\S+)(?:\\s+(.+))?)?",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    /** The Report button's id prefix and its form's inputs, as the report feature names them. */
    private static final String REPORT_PREFIX = "report:";

    private final Dispatcher dispatcher;
    private final CommandLineParser parser;
    private final Clock clock;
    private final PrintStream out;
    private List<Button> lastButtons = List.of();
    private List<Button> controlPanel = List.of();
    /** The Report button of the last answer reveal shown, null before the first. */
    private Button lastReportButton;
    /** The Hint button of the last quiz question shown, null if it had none. */
    private Button lastHintButton;
    private int messageCounter;

    public ConsoleMode(Dispatcher dispatcher, Clock clock, PrintStream out) {
        this.dispatcher = dispatcher;
        this.parser = new CommandLineParser(dispatcher.registry());
        this.clock = clock;
        this.out = out;
    }

    /** Runs until end of input. */
    public void run(BufferedReader in) throws IOException {
        String line;
        while ((line = in.readLine()) != null) {
            if (!line.isBlank()) {
                execute(line.strip());
            }
        }
    }

    /** Prints a message the bot posts on its own (quiz reveals, daily posts). */
    public synchronized void printPosted(Reply message) {
        show(message);
    }

    synchronized void execute(String line) {
        try {
            Matcher answer = ANSWER.matcher(line);
            if (answer.matches()) {
                click(answer.group(1));
                return;
            }
            if (CONTROL.matcher(line).matches()) {
                control(line.toLowerCase(Locale.ROOT));
                return;
            }
            Matcher join = JOIN.matcher(line);
            if (join.matches()) {
                join(join.group(1));
                return;
            }
            if (HINT.matcher(line).matches()) {
                hint();
                return;
            }
            Matcher report = REPORT.matcher(line);
            if (report.matches()) {
                report(report.group(1), report.group(2));
                return;
            }
            CommandLineParser.Parsed parsed = parser.parse(line);
            show(dispatcher.command(new CommandRequest(parsed.command(), parsed.subcommand(), parsed.options(),
                    USER, clock.instant())));
        } catch (UserInputException e) {
            out.println("error: " + e.getMessage());
            out.println();
        }
    }

    private void click(String typed) {
        if (lastButtons.isEmpty()) {
            throw new UserInputException("there is nothing to answer yet: try /quiz question first");
        }
        int number = typed != null && typed.matches("\\d{1,3}") ? Integer.parseInt(typed) : 0;
        if (number < 1 || number > lastButtons.size()) {
            throw new UserInputException("answer a number from 1 to " + lastButtons.size());
        }
        Button button = lastButtons.get(number - 1);
        show(dispatcher.click(new ButtonClick(button.id(), "console-" + messageCounter, USER, clock.instant())));
    }

    /** {@code pause}, {@code resume}, {@code skip} or {@code end}: a click on the night's control panel. */
    private void control(String word) {
        Button button = controlPanel.stream()
                .filter(b -> b.label().toLowerCase(Locale.ROOT).startsWith(word))
                .findFirst()
                .orElseThrow(() -> new UserInputException("no quiz night to control: /quiz start hosts one"));
        show(dispatcher.click(new ButtonClick(button.id(), "console-" + messageCounter, USER, clock.instant())));
    }

    /** {@code join TEAM}: the Join button of that team (by number, or by a part of its name) on the night's opening. */
    private void join(String typed) {
        List<Button> teams = controlPanel.stream().filter(b -> b.id().startsWith(JOIN_PREFIX)).toList();
        if (teams.isEmpty()) {
            throw new UserInputException("no team night to join: /quiz start mode:teams hosts one");
        }
        String names = String.join(", ", teams.stream().map(b -> b.label().substring("Join ".length())).toList());
        String wanted = typed == null ? "" : simple(typed);
        Button button = null;
        if (wanted.matches("\\d")) {
            int number = Integer.parseInt(wanted);
            button = number >= 1 && number <= teams.size() ? teams.get(number - 1) : null;
        } else if (!wanted.isEmpty()) {
            button = teams.stream().filter(b -> simple(b.label()).contains(wanted)).findFirst().orElse(null);
        }
        if (button == null) {
            throw new UserInputException("join which team? " + names + " (or its number)");
        }
        show(dispatcher.click(new ButtonClick(button.id(), "console-opening", USER, clock.instant())));
    }

    /** Lower case, letters and digits only: {@code seb}, {@code Seb's} and {@code SEBS} all find Seb's. */
    private static String simple(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    private void hint() {
        if (lastHintButton == null) {
            throw new UserInputException("no question with a hint: /quiz start hints:true hosts a night with them");
        }
        show(dispatcher.click(new ButtonClick(lastHintButton.id(), "console-" + messageCounter, USER, clock.instant())));
    }

    /**
     * Reports the last answer shown: with no reason, shows the Report button's form (as Discord
     * would open it); with one, sends the form filled in with that reason and note.
     */
    private void report(String reason, String note) {
        if (lastReportButton == null) {
            throw new UserInputException("there is no answer to report yet: answer a /quiz question first");
        }
        if (reason == null) {
            show(dispatcher.click(new ButtonClick(lastReportButton.id(), "console-" + messageCounter, USER,
                    clock.instant())));
            return;
        }
        Map<String, String> values = new HashMap<>();
        values.put("reason", reason);
        if (note != null) {
            values.put("note", note);
        }
        show(dispatcher.submit(new FormSubmit(lastReportButton.id(), values, USER, clock.instant())));
    }

    private void show(Reply reply) {
        messageCounter++;
        if (!reply.buttons().isEmpty() && reply.buttons().get(0).id().startsWith(PANEL_PREFIX)) {
            controlPanel = reply.buttons();
        } else {
            // A reveal's Report button is for `report`: `answer N` keeps to the question's own buttons.
            List<Button> answerable = new ArrayList<>();
            // A question's own answer buttons (not a hint's private three) come with its Hint button, or none.
            if (reply.buttons().stream().anyMatch(b -> b.id().startsWith(ANSWER_PREFIX) && !b.id().endsWith(":h"))) {
                lastHintButton = null;
            }
            for (Button b : reply.buttons()) {
                if (b.id().startsWith(REPORT_PREFIX)) {
                    lastReportButton = b;
                } else if (b.id().startsWith(HINT_PREFIX)) {
                    lastHintButton = b;
                } else {
                    answerable.add(b);
                }
            }
            if (!answerable.isEmpty()) {
                lastButtons = answerable;
            }
        }
        out.println(PlainText.render(reply));
        if (reply.modal() != null && reply.modal().id().startsWith(REPORT_PREFIX)) {
            out.println("Send it with: report <reason> [note]");
        }
        out.println();
        out.flush();
    }
}

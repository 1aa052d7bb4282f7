package dev.lalaland.bot.quiz;

import dev.lalaland.bot.facts.Event;
import dev.lalaland.bot.facts.Fact;
import dev.lalaland.bot.facts.Nomination;
import dev.lalaland.bot.facts.Person;
import dev.lalaland.bot.facts.Song;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads a question as a player would and asks the fact store whether it is sound: that no wrong
 * choice is also right, that the text does not give the answer away, that a generated question
 * says what it is about, and that it does not state a contested or estimated figure as settled.
 * It re-derives what each generated question asks from its id and the facts, rather than trusting
 * the generator that built it, so a generator's mistake is caught here. The bank leaves out every
 * question this finds a problem with ({@link QuestionBank#leftOut}).
 */
public final class SoundnessCheck {

    /** Why a question cannot be asked. */
    public enum Reason {
        WRONG_DATE_ALSO_RIGHT("a wrong month or year falls within the event or is the date of another it could mean"),
        DATED_BY_PUBLICATION("the event's date is when a source published it, not when it happened"),
        WRONG_CHOICE_ALSO_CREDITED("a wrong choice holds the asked credit by the data's own account"),
        INCOMPLETE_CREDIT("the answer leaves out someone the data credits"),
        OTHER_READING_OF_FIGURE("a wrong choice is another reading of the figure (an estimate, another count)"),
        ESTIMATE_AS_FINAL("the answer is an estimate the question states as the final figure"),
        ANSWER_IN_TEXT("the question's text contains its answer"),
        VAGUE_SUBJECT("the subject is not identifiable from the question's text alone"),
        CONTESTED_CLAIM("the answer rests on one source's claim that the question does not attribute");

        private final String meaning;

        Reason(String meaning) {
            this.meaning = meaning;
        }

        public String meaning() {
            return meaning;
        }
    }

    /** The days something lasted, first and last included. */
    record DateSpan(LocalDate first, LocalDate last) {
    }

    /** One problem with one question. */
    public record Problem(String questionId, Reason reason, String detail) {
    }

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern MONTH_YEAR = Pattern.compile("[A-Z][a-z]+ \\d{4}");
    /** An amount of money ("$855,000", "about £14.9 million"): a figure that may have several readings. */
    private static final Pattern FIGURE = Pattern.compile("(?:about\\s+)?[$£€]\\d[\\d,.]*\\d(?:\\s*(?:million|billion))?",
            Pattern.CASE_INSENSITIVE);
    /** Words that say a claim is one source's, not settled: the question must then attribute it too. */
    private static final Pattern ATTRIBUTION = Pattern.compile(
            "(?i:\\b(?:according to|reportedly|some sources|sources differ|claims?|said to)\\b)|\\b[Pp]er\\s+(?:the\\s+)?[A-Z]");
    /** How a question names the source it asks about ("Per IMDb trivia, ...", "NPR reported that ..."). */
    private static final Pattern ATTRIBUTED_QUESTION = Pattern.compile(
            "(?i:\\b(?:according to|reportedly|reported|reports|told|tell|says?|said|gave|give|sources differ|some sources)\\b)"
                    + "|\\b[Pp]er\\s+(?:the\\s+)?[A-Z]");
    /** Words that mark a figure as one reading of several: the estimate beside the actual. */
    private static final Pattern READING = Pattern.compile("(?i)\\b(?:estimat\\w*|actual|final|revised)\\b");
    private static final Pattern ESTIMATE = Pattern.compile("\\bestimat", Pattern.CASE_INSENSITIVE);
    /** Words that name nothing on their own: a title made only of these (and character names) is vague. */
    private static final Set<String> VAGUE_WORDS = Set.of("the", "a", "an", "of", "in", "on", "at", "to", "and",
            "for", "with", "this", "that", "after", "before", "other", "another", "morning", "day", "night", "date",
            "release", "released", "wide", "clip", "bonus", "video", "meet", "story", "wasn't", "was", "is",
            "opening", "soundtrack", "number", "record", "home", "expansion", "expanding", "about", "premiere");

    /** Ordinary words a title may start with, capitalised only because they come first. */
    private static final Set<String> SENTENCE_STARTS = Set.of("wide", "seven", "meet", "two", "five", "six", "digital",
            "rated", "expanding", "how", "christmas", "birthday", "producers", "critics", "golden", "world");

    private final QuizFacts facts;
    private final Set<String> characterWords;
    /** Each event title's naming words, worked out once: every date question compares its title with all others. */
    private final java.util.Map<String, Set<String>> namingWordsByTitle = new java.util.HashMap<>();

    SoundnessCheck(QuizFacts facts) {
        this.facts = facts;
        Set<String> words = new LinkedHashSet<>();
        for (Person p : facts.people()) {
            if (p.character() != null) {
                words.addAll(List.of(Question.normalise(p.character()).split(" ")));
            }
        }
        this.characterWords = words;
    }

    /** Every problem with this question; empty when it is sound. */
    public List<Problem> problems(Question q) {
        List<Problem> out = new ArrayList<>();
        answerInText(q, out);
        contested(q, out);
        figures(q, out);
        String[] parts = q.id().split("\\.", 3);
        String kind = parts.length == 3 ? parts[0] + "." + parts[1] : "";
        String subject = parts.length == 3 ? parts[2] : "";
        switch (kind) {
            case "release.year", "release.month" -> event(subject).ifPresent(e -> eventDate(q, e, out));
            case "awards.month" -> facts.ceremony(subject).ifPresent(c -> dates(q, List.of(span(c.firstDate(), c.date())), out));
            case "cast.birth-year" -> person(subject).ifPresent(p -> dates(q, List.of(span(p.born(), p.born())), out));
            case "cast.who-played" -> person(subject).ifPresent(p -> credited(q, facts.cast().stream()
                    .filter(o -> o.character() != null && same(o.character(), p.character())).map(Person::name), out));
            case "cast.born-on" -> person(subject).ifPresent(p -> credited(q, facts.people().stream()
                    .filter(o -> p.born().equals(o.born())).map(Person::name), out));
            case "songs.performers" -> song(subject).ifPresent(s -> wholeCredit(q, s.performers(), out));
            case "songs.music" -> song(subject).ifPresent(s -> wholeCredit(q, s.music(), out));
            case "songs.lyrics" -> song(subject).ifPresent(s -> wholeCredit(q, s.lyrics(), out));
            case "production.who-was" -> person(subject).ifPresent(p -> credited(q, facts.crew().stream()
                    .filter(o -> ProductionQuestions.sharesAWord(o.role(), p.role())).map(Person::name), out));
            case "awards.won", "awards.lost" -> nomination(subject).ifPresent(n -> credited(q, atCeremony(n)
                    .filter(o -> o.won() == n.won()).map(Nomination::category), out));
            case "awards.winner-instead" -> nomination(subject).ifPresent(n -> credited(q, atCeremony(n)
                    .filter(o -> same(o.category(), n.category())).map(Nomination::wonBy).filter(Objects::nonNull), out));
            case "awards.nominee" -> nomination(subject).ifPresent(n -> credited(q, atCeremony(n)
                    .filter(o -> same(o.category(), n.category())).map(Nomination::nominee), out));
            default -> {
                // Hand-written and other questions: the checks above that read only the question.
            }
        }
        return out;
    }

    /** Whether a generated question about this event could be sound at all, before any choices are picked. */
    Optional<Reason> unaskable(Event e) {
        if (e.datedByPublication()) {
            return Optional.of(Reason.DATED_BY_PUBLICATION);
        }
        return vague(e.title()) ? Optional.of(Reason.VAGUE_SUBJECT) : Optional.empty();
    }

    /**
     * Whether this month ("August 2016") or year ("2016") also answers "when did it happen" for an
     * event that ran over these spans.
     */
    static boolean datedWithin(String choice, List<DateSpan> spans) {
        Optional<YearMonth> month = month(choice);
        for (DateSpan span : spans) {
            if (month.isPresent()) {
                if (!month.get().atEndOfMonth().isBefore(span.first()) && !month.get().atDay(1).isAfter(span.last())) {
                    return true;
                }
            } else if (YEAR.matcher(choice.strip()).matches()) {
                int year = Integer.parseInt(choice.strip());
                if (year >= span.first().getYear() && year <= span.last().getYear()) {
                    return true;
                }
            }
        }
        return false;
    }

    private void eventDate(Question q, Event e, List<Problem> out) {
        unaskable(e).ifPresent(reason -> out.add(new Problem(q.id(), reason, e.title())));
        dates(q, rightDates(e), out);
    }

    /**
     * Every span a "when did this happen" question about the event could rightly be answered by:
     * its own, and that of any other event its title could mean ("UK release", "UK opening weekend").
     */
    List<DateSpan> rightDates(Event e) {
        List<DateSpan> spans = new ArrayList<>();
        spans.add(span(e.date(), e.lastDate()));
        facts.events().stream().filter(o -> o != e && !"birthday".equals(o.kind())
                        && couldMean(namingWordsOf(e.title()), namingWordsOf(o.title())))
                .forEach(o -> spans.add(span(o.date(), o.lastDate())));
        return spans;
    }

    private void dates(Question q, List<DateSpan> spans, List<Problem> out) {
        for (String wrong : wrongChoices(q)) {
            if (datedWithin(wrong, spans)) {
                out.add(new Problem(q.id(), Reason.WRONG_DATE_ALSO_RIGHT, wrong));
            }
        }
    }

    private void credited(Question q, Stream<String> holders, List<Problem> out) {
        Set<String> held = new LinkedHashSet<>();
        holders.forEach(h -> held.add(Question.normalise(h)));
        for (String wrong : wrongChoices(q)) {
            if (held.contains(Question.normalise(wrong))) {
                out.add(new Problem(q.id(), Reason.WRONG_CHOICE_ALSO_CREDITED, wrong));
            }
        }
    }

    /** A credit asked as a whole ("who wrote the music"): the answer names everyone, and no wrong choice only credited people. */
    private void wholeCredit(Question q, String credit, List<Problem> out) {
        if (credit == null) {
            return;
        }
        Set<String> holders = Distractors.creditedParts(credit);
        Set<String> answered = Distractors.creditedParts(q.answerLabel());
        if (!answered.containsAll(holders)) {
            Set<String> missing = new LinkedHashSet<>(holders);
            missing.removeAll(answered);
            out.add(new Problem(q.id(), Reason.INCOMPLETE_CREDIT, String.join(", ", missing)));
        }
        for (String wrong : wrongChoices(q)) {
            Set<String> parts = Distractors.creditedParts(wrong);
            if (!parts.isEmpty() && holders.containsAll(parts)) {
                out.add(new Problem(q.id(), Reason.WRONG_CHOICE_ALSO_CREDITED, wrong));
            }
        }
    }

    /** The answer, as a whole phrase, in the question ("... 'City of Stars' (track 6) ..." asking for "Track 6"). */
    private static void answerInText(Question q, List<Problem> out) {
        String answer = Question.normalise(q.answerLabel());
        String text = " " + Question.normalise(q.text()) + " ";
        if (!answer.isEmpty() && text.contains(" " + answer + " ")) {
            out.add(new Problem(q.id(), Reason.ANSWER_IN_TEXT, q.answerLabel()));
        }
    }

    /**
     * An answer or explanation that attributes its claim ("per CBC it was his first role") to one
     * source while the question asks it as settled fact.
     */
    private static void contested(Question q, List<Problem> out) {
        boolean attributedInAnswer = ATTRIBUTION.matcher(q.answerLabel()).find()
                || ATTRIBUTION.matcher(q.explanation()).find();
        if (attributedInAnswer && !ATTRIBUTED_QUESTION.matcher(q.text()).find()) {
            out.add(new Problem(q.id(), Reason.CONTESTED_CLAIM, q.explanation()));
        }
    }

    /**
     * A figure asked for: no wrong choice is another figure the data gives for the same thing (a
     * number the explanation also states, as an estimate beside an actual), and an estimated answer
     * is asked as one.
     */
    private void figures(Question q, List<Problem> out) {
        String answer = q.answerLabel();
        if (!FIGURE.matcher(answer.strip()).matches()) {
            return;
        }
        Set<String> readings = new LinkedHashSet<>();
        List<String> texts = new ArrayList<>();
        texts.add(q.explanation());
        Stream.concat(facts.events().stream().map(Event::text), facts.facts().stream().map(Fact::text))
                .filter(Objects::nonNull).filter(t -> containsFigure(t, answer)).forEach(texts::add);
        for (String text : texts) {
            Matcher m = FIGURE.matcher(text);
            while (m.find()) {
                String around = text.substring(Math.max(0, m.start() - 40), Math.min(text.length(), m.end() + 40));
                if (READING.matcher(around).find()) {
                    readings.add(figure(m.group()));
                }
            }
        }
        for (String wrong : wrongChoices(q)) {
            if (readings.contains(figure(wrong))) {
                out.add(new Problem(q.id(), Reason.OTHER_READING_OF_FIGURE, wrong));
            }
        }
        boolean estimated = texts.stream().anyMatch(t -> estimateNamesFigure(t, answer));
        if (estimated && !ESTIMATE.matcher(q.text()).find() && !ESTIMATE.matcher(answer).find()) {
            out.add(new Problem(q.id(), Reason.ESTIMATE_AS_FINAL, answer));
        }
    }

    /** "an estimated $855,000" or "$855,000 (estimate)": the estimate word within a few words of the figure. */
    private static boolean estimateNamesFigure(String text, String figure) {
        String bare = figure.strip().replaceAll("(?i)^about\\s+", "");
        int at = text.indexOf(bare);
        if (at < 0) {
            return false;
        }
        String around = text.substring(Math.max(0, at - 25), Math.min(text.length(), at + bare.length() + 25));
        return ESTIMATE.matcher(around).find();
    }

    private static boolean containsFigure(String text, String figure) {
        return text.contains(figure.strip().replaceAll("(?i)^about\\s+", ""));
    }

    private static String figure(String text) {
        return text.strip().toLowerCase(Locale.ROOT).replaceAll("^about\\s+|[\\s,]", "");
    }

    /**
     * A title made only of general words and character names says nothing on its own ("The morning
     * after", "Meet Mia's husband"); a number, a quoted title or a name ("BAFTA", "Venice") does.
     */
    boolean vague(String title) {
        String[] words = title.strip().split("[\\s-]+");
        if (title.matches(".*\\d.*") || title.contains("\"")) {
            return false;
        }
        for (int i = 0; i < words.length; i++) {
            String word = words[i].replaceAll("'s$|'$", "");
            String w = Question.normalise(word);
            if (w.isEmpty() || VAGUE_WORDS.contains(w) || characterWords.contains(w)
                    || !Character.isUpperCase(word.charAt(0))) {
                continue;
            }
            boolean acronym = word.length() > 1 && Character.isUpperCase(word.charAt(1));
            // A sentence's first word is capitalised anyway: there only an acronym or a word no sentence starts with names something.
            if (i > 0 || acronym || !SENTENCE_STARTS.contains(w)) {
                return false;
            }
        }
        return true;
    }

    private Set<String> namingWordsOf(String title) {
        return namingWordsByTitle.computeIfAbsent(title, SoundnessCheck::namingWords);
    }

    /** Two titles that could be read as the same thing: one's naming words all in the other. */
    private static boolean couldMean(Set<String> wordsOfA, Set<String> wordsOfB) {
        if (wordsOfA.isEmpty() || wordsOfB.isEmpty()) {
            return false;
        }
        return wordsOfA.containsAll(wordsOfB) || wordsOfB.containsAll(wordsOfA);
    }

    private static Set<String> namingWords(String title) {
        Set<String> words = new LinkedHashSet<>();
        for (String w : Question.normalise(title).split(" ")) {
            if (w.length() > 1 && !VAGUE_WORDS.contains(w) || w.equals("release")) {
                words.add(w.replaceAll("s$", ""));
            }
        }
        return words;
    }

    private static List<String> wrongChoices(Question q) {
        List<String> wrong = new ArrayList<>(q.choices());
        wrong.remove(q.answer());
        return wrong;
    }

    private static Optional<YearMonth> month(String choice) {
        if (!MONTH_YEAR.matcher(choice.strip()).matches()) {
            return Optional.empty();   // most choices are no month: skip the parse and its exception
        }
        try {
            return Optional.of(YearMonth.parse(choice.strip(), MONTH));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    static DateSpan span(String first, String last) {
        return new DateSpan(day(first, true), day(last, false));
    }

    /** A full date, or a month-only date as its first or last day. */
    private static LocalDate day(String date, boolean first) {
        if (date.length() == 7) {
            YearMonth month = YearMonth.parse(date);
            return first ? month.atDay(1) : month.atEndOfMonth();
        }
        return LocalDate.parse(date);
    }

    private static boolean same(String a, String b) {
        return Question.normalise(a).equals(Question.normalise(b));
    }

    private Stream<Nomination> atCeremony(Nomination n) {
        return facts.nominations().stream().filter(o -> o.ceremony().equals(n.ceremony()));
    }

    private Optional<Event> event(String id) {
        return facts.events().stream().filter(e -> e.id().equals(id)).findFirst();
    }

    private Optional<Person> person(String id) {
        return facts.people().stream().filter(p -> p.id().equals(id)).findFirst();
    }

    private Optional<Song> song(String id) {
        return facts.songs().stream().filter(s -> s.id().equals(id)).findFirst();
    }

    private Optional<Nomination> nomination(String id) {
        return facts.nominations().stream().filter(n -> n.id().equals(id)).findFirst();
    }
}

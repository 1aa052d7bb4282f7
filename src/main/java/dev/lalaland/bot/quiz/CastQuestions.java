package dev.lalaland.bot.quiz;

import dev.lalaland.bot.facts.Person;
import dev.lalaland.bot.facts.QuizCategory;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Who played whom, and when and where cast and crew were born. Birth questions about crew
 * members count as production questions.
 */
final class CastQuestions implements QuestionGenerator {
    static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    @Override
    public List<Question> generate(QuizFacts facts) {
        List<Question> out = new ArrayList<>();
        List<Person> cast = facts.cast().stream().filter(p -> p.character() != null).toList();
        List<Person> born = facts.people().stream().filter(p -> p.born() != null).toList();
        for (Person p : cast) {
            // "Who played Josh?" with Josh Pence among the choices asks nothing.
            if (!ProductionQuestions.sharesAWord(p.character(), p.name())) {
                whoPlayed(p, cast).ifPresent(out::add);
                characterOf(p, cast).ifPresent(out::add);
            }
        }
        for (Person p : born) {
            out.add(birthYear(p));
            bornOn(p, born).ifPresent(out::add);
            if (p.birthplace() != null) {
                birthplace(p, born).ifPresent(out::add);
            }
        }
        return out;
    }

    private Optional<Question> whoPlayed(Person p, List<Person> cast) {
        String id = "cast.who-played." + p.id();
        return Distractors.pick(id, p.name(), names(cast, Person::name)).map(wrong -> Question.shuffled(id, QuizCategory.CAST,
                billing(p), "Who played " + p.character() + " in La La Land?", p.name(), wrong,
                playedWithSummary(p), p.sources()));
    }

    private Optional<Question> characterOf(Person p, List<Person> cast) {
        String id = "cast.character-of." + p.id();
        return Distractors.pick(id, p.character(), names(cast, Person::character)).map(wrong -> Question.shuffled(id,
                QuizCategory.CAST, billing(p), "Which character did " + p.name() + " play in La La Land?", p.character(), wrong,
                p.name() + " played " + p.character() + ".", p.sources()));
    }

    private Question birthYear(Person p) {
        String id = "cast.birth-year." + p.id();
        int year = LocalDate.parse(p.born()).getYear();
        return Question.shuffled(id, categoryOf(p), p.isCast() && p.order() <= 2 ? Difficulty.MEDIUM : Difficulty.HARD,
                "In which year was " + p.name() + " (" + describe(p) + ") born?", String.valueOf(year),
                Distractors.nearbyYears(id, year), p.name() + " was born on " + longDate(p.born()) + ".", p.sources());
    }

    private Optional<Question> bornOn(Person p, List<Person> born) {
        String id = "cast.born-on." + p.id();
        List<String> others = born.stream().filter(o -> !o.born().equals(p.born())).map(Person::name).toList();
        return Distractors.pick(id, p.name(), others).map(wrong -> Question.shuffled(id, categoryOf(p),
                Difficulty.HARD, "Who among these was born on " + longDate(p.born()) + "?", p.name(), wrong,
                p.name() + " (" + describe(p) + ") was born on " + longDate(p.born()) + ".", p.sources()));
    }

    private Optional<Question> birthplace(Person p, List<Person> born) {
        String id = "cast.birthplace." + p.id();
        List<String> places = born.stream().map(Person::birthplace).filter(b -> b != null).toList();
        return Distractors.pick(id, p.birthplace(), places).map(wrong -> Question.shuffled(id, categoryOf(p),
                p.isCast() && p.order() <= 2 ? Difficulty.MEDIUM : Difficulty.HARD,
                "Where was " + p.name() + " (" + describe(p) + ") born?", p.birthplace(), wrong,
                p.name() + " was born in " + p.birthplace() + ".", p.sources()));
    }

    /** The leads are easy, the supporting cast medium, the rest of the credits hard. */
    static Difficulty billing(Person p) {
        if (p.order() <= 2) {
            return Difficulty.EASY;
        }
        return p.order() <= 5 ? Difficulty.MEDIUM : Difficulty.HARD;
    }

    private static QuizCategory categoryOf(Person p) {
        return p.isCast() ? QuizCategory.CAST : QuizCategory.PRODUCTION;
    }

    private static String describe(Person p) {
        return p.isCast() && p.character() != null ? "who played " + p.character() : p.role();
    }

    /**
     * Who played whom, then the summary; a summary that starts "Plays <character>, ..." carries on
     * the sentence instead ("X played <character>, ..."), so that it is not said twice.
     */
    static String playedWithSummary(Person p) {
        String summary = p.summary() == null ? "" : p.summary().replaceAll("\\s+", " ").strip();
        if (summary.startsWith("Plays ")) {
            return p.name() + " played " + summary.substring("Plays ".length());
        }
        String played = p.name() + " played " + p.character() + ".";
        // A summary that describes the part in its own words ("Dancer who sets off ... as the woman in yellow").
        if (sharesWordsInARow(played, summary, 4)) {
            return p.name() + ": " + summary;
        }
        return withSummary(played, p);
    }

    /** Whether {@code a} and {@code b} have {@code n} words in a row in common, ignoring case and punctuation. */
    static boolean sharesWordsInARow(String a, String b, int n) {
        Set<String> runs = new HashSet<>(runs(a, n));
        return runs(b, n).stream().anyMatch(runs::contains);
    }

    private static List<String> runs(String text, int n) {
        List<String> words = Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}']+"))
                .filter(w -> !w.isEmpty()).toList();
        List<String> runs = new ArrayList<>();
        for (int i = 0; i + n <= words.size(); i++) {
            runs.add(String.join(" ", words.subList(i, i + n)));
        }
        return runs;
    }

    /** A sentence followed by the person's summary from the fact store, when there is one. */
    static String withSummary(String sentence, Person p) {
        if (p.summary() == null || p.summary().isBlank()) {
            return sentence;
        }
        return sentence + " " + p.summary().replaceAll("\\s+", " ").strip();
    }

    static String longDate(String isoDate) {
        return LocalDate.parse(isoDate).format(LONG_DATE);
    }

    private static List<String> names(List<Person> people, Function<Person, String> field) {
        return people.stream().map(field).toList();
    }
}

package dev.lalaland.bot.quiz;

import dev.lalaland.bot.facts.Person;
import dev.lalaland.bot.facts.QuizCategory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Who did which job behind the camera. */
final class ProductionQuestions implements QuestionGenerator {

    @Override
    public List<Question> generate(QuizFacts facts) {
        List<Person> crew = facts.crew();
        List<Question> out = new ArrayList<>();
        for (Person p : crew) {
            whoWas(p, crew).ifPresent(out::add);
            jobOf(p, crew).ifPresent(out::add);
        }
        return out;
    }

    private Optional<Question> whoWas(Person p, List<Person> crew) {
        String id = "production.who-was." + p.id();
        // Nobody who shares a word of the role ("Producer", "Executive producer") may be a wrong choice.
        List<String> others = crew.stream().filter(o -> !sharesAWord(o.role(), p.role())).map(Person::name).toList();
        return Distractors.pick(id, p.name(), others).map(wrong -> Question.shuffled(id, QuizCategory.PRODUCTION, difficulty(p),
                "Who is credited on La La Land as: " + p.role() + "?", p.name(), wrong,
                explanation(p), p.sources()));
    }

    private Optional<Question> jobOf(Person p, List<Person> crew) {
        String id = "production.job-of." + p.id();
        List<String> roles = crew.stream().map(Person::role).filter(r -> !sharesAWord(r, p.role())).toList();
        return Distractors.pick(id, p.role(), roles).map(wrong -> Question.shuffled(id, QuizCategory.PRODUCTION, difficulty(p),
                "What was " + p.name() + "'s credit on La La Land?", p.role(), wrong,
                explanation(p), p.sources()));
    }

    /** Who they were; many summaries begin with the credit itself ("Producer, Oscar-nominated ..."): say it once. */
    static String explanation(Person p) {
        String summary = p.summary() == null ? "" : p.summary().strip();
        if (summary.regionMatches(true, 0, p.role(), 0, p.role().length())) {
            return p.name() + ": " + summary.replaceAll("\\s+", " ");
        }
        return CastQuestions.withSummary(p.name() + ": " + p.role() + ".", p);
    }

    /** The writer-director and the composer are easy; the heads of department medium; the rest hard. */
    private static Difficulty difficulty(Person p) {
        if (p.order() <= 2) {
            return Difficulty.EASY;
        }
        return p.order() <= 6 ? Difficulty.MEDIUM : Difficulty.HARD;
    }

    static boolean sharesAWord(String a, String b) {
        List<String> wordsOfB = words(b);
        return words(a).stream().anyMatch(wordsOfB::contains);
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String w : Question.normalise(text).split(" ")) {
            // "and", "of", "the" say nothing about the job; a plural "producers" is the same job.
            if (w.length() > 3) {
                words.add(w.toLowerCase(Locale.ROOT).replaceAll("s$", ""));
            }
        }
        return words;
    }
}

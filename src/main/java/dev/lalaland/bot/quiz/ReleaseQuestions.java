package dev.lalaland.bot.quiz;

import dev.lalaland.bot.facts.Album;
import dev.lalaland.bot.facts.Event;
import dev.lalaland.bot.facts.QuizCategory;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * When things happened: the dated events of the film's history (festivals, releases, charts,
 * ceremonies, production milestones) and the soundtrack album's release. Each event's kind decides
 * its category; birthdays are left to {@link CastQuestions}.
 */
final class ReleaseQuestions implements QuestionGenerator {
    private static final Set<String> ABBREVIATIONS =
            Set.of("No", "Jr", "Sr", "Mr", "Mrs", "Ms", "Dr", "St", "Mt", "vs");


    @Override
    public List<Question> generate(QuizFacts facts) {
        List<Question> out = new ArrayList<>();
        SoundnessCheck check = new SoundnessCheck(facts);
        for (Event e : facts.events()) {
            category(e).ifPresent(category -> {
                // A title that already names a year ("2010 draft") would answer its own question.
                if (!e.title().matches(".*\\b\\d{4}\\b.*")) {
                    List<SoundnessCheck.DateSpan> right = check.rightDates(e);
                    out.add(year(e, category, right));
                    out.add(month(e, category, right));
                }
            });
        }
        facts.album().ifPresent(album -> out.add(albumRelease(album)));
        return out;
    }

    /** Wrong years and months are never ones the event, or another its title could mean, also falls in. */
    private Question year(Event e, QuizCategory category, List<SoundnessCheck.DateSpan> right) {
        String id = "release.year." + e.id();
        return Question.shuffled(id, category, Difficulty.MEDIUM, "In which year did this happen: " + e.title() + "?",
                String.valueOf(e.year()), Distractors.nearbyYears(id, e.year(),
                        choice -> SoundnessCheck.datedWithin(choice, right)), explain(e), e.sources());
    }

    private Question month(Event e, QuizCategory category, List<SoundnessCheck.DateSpan> right) {
        String id = "release.month." + e.id();
        YearMonth month = YearMonth.from(LocalDate.parse(e.date()));
        return Question.shuffled(id, category, Difficulty.HARD, "In which month did this happen: " + e.title() + "?",
                Distractors.month(month), Distractors.nearbyMonths(id, month,
                        choice -> SoundnessCheck.datedWithin(choice, right)), explain(e), e.sources());
    }

    private Question albumRelease(Album album) {
        String id = "release.album-month";
        YearMonth month = YearMonth.from(LocalDate.parse(album.releaseDate()));
        return Question.shuffled(id, QuizCategory.RELEASE, Difficulty.MEDIUM, "When was the soundtrack album " + album.title()
                        + " released?", Distractors.month(month), Distractors.nearbyMonths(id, month),
                album.title() + " was released on " + CastQuestions.longDate(album.releaseDate()) + " by "
                        + album.label() + ".", album.sources());
    }

    /**
     * When it happened and what: the event's text, which tells what its title names, or the title
     * when there is no text. Not both: the text mostly says the title again ("La La Land Day. LA
     * Mayor Eric Garcetti declares 25 April "La La Land Day" ..."), and the question showed it.
     */
    private static String explain(Event e) {
        String when = CastQuestions.longDate(e.date());
        return e.text() == null || e.text().isBlank() ? when + ": " + e.title() + "." : when + ": " + firstSentence(e.text());
    }

    /**
     * The text up to its first full stop that ends a sentence: not one after an initial
     * ("J. K. Simmons") or an abbreviation ("No. 1", "Jr. Day"), and followed by a capital.
     */
    static String firstSentence(String text) {
        String line = text.lines().findFirst().orElse("").strip();
        for (int stop = line.indexOf(". "); stop >= 0; stop = line.indexOf(". ", stop + 1)) {
            int wordStart = line.lastIndexOf(' ', stop) + 1;
            String word = line.substring(wordStart, stop);
            boolean abbreviation = word.length() == 1 || ABBREVIATIONS.contains(word);
            if (!abbreviation && stop + 2 < line.length() && Character.isUpperCase(line.charAt(stop + 2))) {
                return line.substring(0, stop + 1);
            }
        }
        return line;
    }

    static Optional<QuizCategory> category(Event e) {
        return switch (e.kind()) {
            case "birthday" -> Optional.empty();
            case "awards" -> Optional.of(QuizCategory.AWARDS);
            case "production" -> Optional.of(QuizCategory.PRODUCTION);
            default -> Optional.of(QuizCategory.RELEASE);
        };
    }
}

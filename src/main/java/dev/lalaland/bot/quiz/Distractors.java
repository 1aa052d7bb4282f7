package dev.lalaland.bot.quiz;

import dev.lalaland.bot.render.DiscordLimits;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Picks the three wrong choices of a generated question from values of the same kind (other
 * cast members, other songs, other years). A wrong choice must be plainly wrong: never equal to
 * the answer and never sharing a credited name with it ("Ryan Gosling" is no wrong choice when
 * the answer is "Ryan Gosling & Emma Stone"). Picks depend only on the question id, so the same
 * question always offers the same choices.
 */
final class Distractors {
    static final int NEEDED = Question.CHOICES - 1;
    private static final Pattern CREDIT_SEPARATORS =
            Pattern.compile("\\s*(?:,|&|;|/|\\(|\\)|\\band\\b|\\bfeaturing\\b|\\bfeat\\.)\\s*", Pattern.CASE_INSENSITIVE);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);

    private Distractors() {
    }

    /**
     * Three wrong choices, taken from the first group first (shuffled by the question id), then
     * from the next; empty when there are not enough plainly wrong candidates, or when the answer
     * does not fit on a button.
     */
    @SafeVarargs
    static Optional<List<String>> pick(String questionId, String answer, Collection<String>... groups) {
        if (answer == null || answer.isBlank() || answer.length() > DiscordLimits.BUTTON_LABEL) {
            return Optional.empty();   // an answer too long for a button cannot be asked
        }
        Random random = new Random(questionId.hashCode());
        Set<String> taken = new LinkedHashSet<>();
        List<String> chosen = new ArrayList<>(NEEDED);
        for (Collection<String> group : groups) {
            List<String> shuffled = new ArrayList<>(new LinkedHashSet<>(group));
            Collections.shuffle(shuffled, random);
            for (String candidate : shuffled) {
                if (chosen.size() == NEEDED) {
                    break;
                }
                if (candidate == null || candidate.isBlank() || candidate.length() > DiscordLimits.BUTTON_LABEL
                        || overlaps(candidate, answer) || chosen.stream().anyMatch(c -> overlaps(c, candidate))
                        || !taken.add(Question.normalise(candidate))) {
                    continue;
                }
                chosen.add(candidate);
            }
        }
        return chosen.size() == NEEDED ? Optional.of(chosen) : Optional.empty();
    }

    /** Three other years within three of {@code year}. */
    static List<String> nearbyYears(String questionId, int year) {
        List<String> years = new ArrayList<>();
        for (int delta = -3; delta <= 3; delta++) {
            if (delta != 0) {
                years.add(String.valueOf(year + delta));
            }
        }
        Collections.shuffle(years, new Random(questionId.hashCode()));
        return years.subList(0, NEEDED);
    }

    /** Three other months within three of {@code month}, written like {@link #month}. */
    static List<String> nearbyMonths(String questionId, YearMonth month) {
        List<String> months = new ArrayList<>();
        for (int delta = -3; delta <= 3; delta++) {
            if (delta != 0) {
                months.add(month(month.plusMonths(delta)));
            }
        }
        Collections.shuffle(months, new Random(questionId.hashCode()));
        return months.subList(0, NEEDED);
    }

    static String month(YearMonth month) {
        return month.format(MONTH);
    }

    /** Same value, or a credited name in common. */
    static boolean overlaps(String a, String b) {
        if (Question.normalise(a).equals(Question.normalise(b))) {
            return true;
        }
        Set<String> partsOfA = creditedParts(a);
        for (String part : creditedParts(b)) {
            if (partsOfA.contains(part)) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> creditedParts(String text) {
        Set<String> parts = new LinkedHashSet<>();
        for (String part : CREDIT_SEPARATORS.split(text)) {
            String normalised = Question.normalise(part);
            if (normalised.length() > 2) {
                parts.add(normalised);
            }
        }
        return parts;
    }
}

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
import java.util.function.IntFunction;
import java.util.function.Predicate;
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
        return nearbyYears(questionId, year, choice -> false);
    }

    /**
     * Three other years near {@code year}, none of which {@code alsoRight} accepts (an event that ran
     * into the next year): within three where there are enough, else within six.
     */
    static List<String> nearbyYears(String questionId, int year, Predicate<String> alsoRight) {
        return nearby(questionId, delta -> String.valueOf(year + delta), alsoRight);
    }

    /** Three other months within three of {@code month}, written like {@link #month}. */
    static List<String> nearbyMonths(String questionId, YearMonth month) {
        return nearbyMonths(questionId, month, choice -> false);
    }

    /** Three other months near {@code month} that {@code alsoRight} does not accept (a festival's other month). */
    static List<String> nearbyMonths(String questionId, YearMonth month, Predicate<String> alsoRight) {
        return nearby(questionId, delta -> month(month.plusMonths(delta)), alsoRight);
    }

    private static List<String> nearby(String questionId, IntFunction<String> at, Predicate<String> alsoRight) {
        for (int reach = 3; ; reach += 3) {
            List<String> candidates = new ArrayList<>();
            for (int delta = -reach; delta <= reach; delta++) {
                if (delta != 0 && !alsoRight.test(at.apply(delta))) {
                    candidates.add(at.apply(delta));
                }
            }
            if (candidates.size() >= NEEDED || reach >= 12) {
                Collections.shuffle(candidates, new Random(questionId.hashCode()));
                return candidates.subList(0, Math.min(NEEDED, candidates.size()));
            }
        }
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

    /** The names a credit string lists ("A, B & C"), normalised. */
    static Set<String> creditedParts(String text) {
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

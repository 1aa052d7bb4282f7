package dev.lalaland.bot.quiz;

import dev.lalaland.bot.facts.AwardGroup;
import dev.lalaland.bot.facts.Ceremony;
import dev.lalaland.bot.facts.Nomination;
import dev.lalaland.bot.facts.QuizCategory;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Awards: what the film won and lost at each ceremony, who beat it, who its nominees were, and
 * the ceremonies themselves. Wrong choices come from the same ceremony's other results, so
 * "it did not win X at C" is always something the fact store says, never a guess.
 */
final class AwardQuestions implements QuestionGenerator {
    /** Ceremonies with at least this many nominations in the store are listed in full, so counts are safe to ask. */
    private static final int FULLY_LISTED = 5;

    @Override
    public List<Question> generate(QuizFacts facts) {
        List<Question> out = new ArrayList<>();
        List<String> allWinnersInstead = facts.nominations().stream().map(Nomination::wonBy)
                .filter(Objects::nonNull).distinct().toList();
        List<Nomination> all = facts.nominations();
        for (Ceremony c : facts.ceremonies()) {
            List<Nomination> here = facts.nominations().stream().filter(n -> n.ceremony().equals(c.id())).toList();
            // A category both won and lost here (two songs up for one award) is never asked about nor offered.
            Set<String> ambiguous = new HashSet<>(categories(here, true));
            ambiguous.retainAll(categories(here, false));
            for (Nomination n : here) {
                if (!ambiguous.contains(Question.normalise(n.category()))) {
                    (n.won() ? won(c, n, here, ambiguous) : lost(c, n, here, ambiguous)).ifPresent(out::add);
                }
                if (!n.won() && n.wonBy() != null) {
                    winnerInstead(c, n, facts.nominations(), allWinnersInstead).ifPresent(out::add);
                }
                nominee(c, n, here, all).ifPresent(out::add);
            }
            if (here.size() >= FULLY_LISTED) {
                out.add(count(c, "wins", (int) here.stream().filter(Nomination::won).count(), here));
                out.add(count(c, "nominations", here.size(), here));
            }
            ceremonyFacts(c, facts.ceremonies(), out);
        }
        return out;
    }

    private Optional<Question> won(Ceremony c, Nomination n, List<Nomination> here, Set<String> ambiguous) {
        String id = "awards.won." + n.id();
        List<String> lost = here.stream().filter(o -> !o.won()).map(Nomination::category)
                .filter(x -> !ambiguous.contains(Question.normalise(x))).toList();
        return Distractors.pick(id, n.category(), lost).map(wrong -> Question.shuffled(id, QuizCategory.AWARDS, difficulty(c),
                "Which of these did La La Land win at the " + c.name() + "?", n.category(), wrong,
                "At the " + c.name() + ", La La Land won " + n.category() + " (" + n.nominee() + ")"
                        + lostNote(wrong) + ".", n.sources()));
    }

    private Optional<Question> lost(Ceremony c, Nomination n, List<Nomination> here, Set<String> ambiguous) {
        String id = "awards.lost." + n.id();
        List<String> won = here.stream().filter(Nomination::won).map(Nomination::category)
                .filter(x -> !ambiguous.contains(Question.normalise(x))).toList();
        return Distractors.pick(id, n.category(), won).map(wrong -> Question.shuffled(id, QuizCategory.AWARDS, difficulty(c),
                "At the " + c.name() + ", which of these was La La Land nominated for but did not win?",
                n.category(), wrong, "At the " + c.name() + ", La La Land was nominated for " + n.category()
                        + (n.wonBy() == null ? "" : ", won by " + n.wonBy()) + "; it won the other three.", n.sources()));
    }

    private Optional<Question> winnerInstead(Ceremony c, Nomination n, List<Nomination> all, List<String> allWinners) {
        String id = "awards.winner-instead." + n.id();
        // Winners in a similar category ("Best Actor", "Male Actor in a Leading Role") first, then winners of
        // the same kind (a song for a song); never the film itself, which did not win instead of itself.
        List<String> winners = allWinners.stream().filter(w -> !w.contains("La La Land")).toList();
        List<String> similar = all.stream().filter(o -> o.wonBy() != null && similarCategory(o.category(), n.category()))
                .map(Nomination::wonBy).filter(winners::contains).toList();
        List<String> sameKind = winners.stream().filter(w -> isSongTitle(w) == isSongTitle(n.wonBy())).toList();
        return Distractors.pick(id, n.wonBy(), similar, sameKind, winners).map(wrong -> Question.shuffled(id, QuizCategory.AWARDS,
                Difficulty.HARD, "At the " + c.name() + ", La La Land's nominee for " + n.category() + " was "
                        + n.nominee() + ". Who won it?", n.wonBy(), wrong,
                n.category() + " at the " + c.name() + " went to " + n.wonBy() + ".", n.sources()));
    }

    private Optional<Question> nominee(Ceremony c, Nomination n, List<Nomination> here, List<Nomination> all) {
        long inThisCategory = here.stream().filter(o -> Question.normalise(o.category())
                .equals(Question.normalise(n.category()))).count();
        if (isTheFilm(n.nominee()) || inThisCategory > 1) {
            return Optional.empty();
        }
        String id = "awards.nominee." + n.id();
        // Other nominees of the same kind first: people for a person's award, songs for a song's.
        List<String> others = all.stream().map(Nomination::nominee).filter(x -> !isTheFilm(x)).distinct().toList();
        List<String> sameKind = all.stream().filter(o -> isSongTitle(o.nominee()) == isSongTitle(n.nominee()))
                .map(Nomination::nominee).filter(others::contains).toList();
        return Distractors.pick(id, n.nominee(), sameKind, others).map(wrong -> Question.shuffled(id, QuizCategory.AWARDS,
                AwardGroup.OSCARS.is(c.group()) ? Difficulty.EASY : Difficulty.MEDIUM,
                "Who or what was La La Land's nominee for " + n.category() + " at the " + c.name() + "?",
                n.nominee(), wrong, "La La Land's nominee for " + n.category() + " at the " + c.name() + ": "
                        + n.nominee() + (n.won() ? " (won)." : " (did not win)."), n.sources()));
    }

    /** "at" a hall ("Dolby Theatre, Hollywood"), "in" a city ("Toronto"). */
    private static String venuePreposition(String venue) {
        return venue.contains(",") ? "at" : "in";
    }

    private static boolean isTheFilm(String nominee) {
        return Question.normalise(nominee).startsWith("la la land");
    }

    /** Song nominees and winners are written as a quoted title. */
    private static boolean isSongTitle(String text) {
        return text.startsWith("\"");
    }

    private Question count(Ceremony c, String what, int answer, List<Nomination> here) {
        String id = "awards.count-" + what + "." + c.id();
        List<String> wrong = new ArrayList<>();
        for (int delta : new int[] {-3, -2, -1, 1, 2, 3}) {
            if (answer + delta >= 0) {
                wrong.add(String.valueOf(answer + delta));
            }
        }
        Collections.shuffle(wrong, new Random(id.hashCode()));
        long wins = here.stream().filter(Nomination::won).count();
        return Question.shuffled(id, QuizCategory.AWARDS, AwardGroup.OSCARS.is(c.group()) ? Difficulty.MEDIUM : Difficulty.HARD,
                "How many " + what + " did La La Land get at the " + c.name() + "?", String.valueOf(answer),
                wrong.subList(0, Distractors.NEEDED), "At the " + c.name() + ", La La Land had " + here.size()
                        + " nominations and won " + wins + ".",
                here.get(0).sources());
    }

    private void ceremonyFacts(Ceremony c, List<Ceremony> all, List<Question> out) {
        if (c.host() != null) {
            String id = "awards.host." + c.id();
            Distractors.pick(id, c.host(), all.stream().map(Ceremony::host).filter(Objects::nonNull).toList())
                    .map(wrong -> Question.shuffled(id, QuizCategory.AWARDS, Difficulty.HARD, "Who hosted the " + c.name() + "?",
                            c.host(), wrong, "The " + c.name() + " was hosted by " + c.host() + ".", c.sources()))
                    .ifPresent(out::add);
        }
        if (c.venue() != null) {
            String id = "awards.venue." + c.id();
            Distractors.pick(id, c.venue(), all.stream().map(Ceremony::venue).filter(Objects::nonNull).toList())
                    .map(wrong -> Question.shuffled(id, QuizCategory.AWARDS, Difficulty.HARD, "Where was the " + c.name() + " held?",
                            c.venue(), wrong, "The " + c.name() + " was held " + venuePreposition(c.venue()) + " "
                                    + c.venue() + ".", c.sources()))
                    .ifPresent(out::add);
        }
        if (c.date() != null && !c.name().matches(".*\\d{4}.*")) {
            String id = "awards.month." + c.id();
            YearMonth month = YearMonth.parse(c.date().substring(0, 7));
            // A festival that ran over two months ("31 August to 10 September") is right in either.
            List<SoundnessCheck.DateSpan> ran = List.of(SoundnessCheck.span(c.firstDate(), c.date()));
            String held = c.startDate() == null ? "was held in " + Distractors.month(month)
                    : "ran from " + CastQuestions.longDate(c.startDate()) + " to " + CastQuestions.longDate(c.date());
            out.add(Question.shuffled(id, QuizCategory.AWARDS, Difficulty.HARD, "When was the " + c.name() + " held?",
                    Distractors.month(month), Distractors.nearbyMonths(id, month, m -> SoundnessCheck.datedWithin(m, ran)),
                    "The " + c.name() + " " + held + ".", c.sources()));
        }
    }

    private static Difficulty difficulty(Ceremony c) {
        return AwardGroup.OSCARS.is(c.group()) || AwardGroup.GOLDEN_GLOBES.is(c.group())
                ? Difficulty.MEDIUM : Difficulty.HARD;
    }

    private static String lostNote(List<String> wrong) {
        return "; it was nominated for " + String.join(", ", wrong) + " but did not win them";
    }

    private static Set<String> categories(List<Nomination> nominations, boolean won) {
        return nominations.stream().filter(n -> n.won() == won).map(n -> Question.normalise(n.category()))
                .collect(Collectors.toSet());
    }

    private static boolean similarCategory(String a, String b) {
        List<String> ignored = List.of("best", "outstanding", "award", "motion", "picture", "film", "original");
        Set<String> wordsOfB = new HashSet<>(List.of(Question.normalise(b).split(" ")));
        for (String w : Question.normalise(a).split(" ")) {
            if (w.length() > 3 && !ignored.contains(w) && wordsOfB.contains(w)) {
                return true;
            }
        }
        return false;
    }
}

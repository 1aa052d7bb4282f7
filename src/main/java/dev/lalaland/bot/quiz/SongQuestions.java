package dev.lalaland.bot.quiz;

import dev.lalaland.bot.facts.Person;
import dev.lalaland.bot.facts.QuizCategory;
import dev.lalaland.bot.facts.Song;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The soundtrack: who sings what, track numbers, who wrote the music and the words, which scene. */
final class SongQuestions implements QuestionGenerator {

    @Override
    public List<Question> generate(QuizFacts facts) {
        List<Song> songs = facts.songs();
        List<String> titles = songs.stream().map(Song::title).toList();
        List<String> people = facts.people().stream().map(Person::name).toList();
        // Credits are crew work: the crew make more plausible wrong choices than the actors.
        List<String> crewFirst = java.util.stream.Stream.concat(facts.crew().stream(), facts.cast().stream())
                .map(Person::name).toList();
        List<Question> out = new ArrayList<>();
        for (Song s : songs) {
            String named = named(s, songs);
            if ("song".equals(s.kind())) {
                performers(s, named, songs, people).ifPresent(out::add);
                credit(s, named, "music", s.music(), songs.stream().map(Song::music).toList(), crewFirst).ifPresent(out::add);
                credit(s, named, "lyrics", s.lyrics(), songs.stream().map(Song::lyrics).toList(), crewFirst).ifPresent(out::add);
            }
            trackNumber(s, byPerformers(s, songs), songs).ifPresent(out::add);
            whichTrack(s, titles).ifPresent(out::add);
            scene(s, titles).ifPresent(out::add);
        }
        return out;
    }

    private Optional<Question> performers(Song s, String named, List<Song> songs, List<String> people) {
        String id = "songs.performers." + s.id();
        List<String> otherPerformers = songs.stream().map(Song::performers).toList();
        return Distractors.pick(id, s.performers(), otherPerformers, people).map(wrong -> Question.shuffled(id, QuizCategory.SONGS,
                s.track() <= 6 ? Difficulty.EASY : Difficulty.MEDIUM,
                "Who performs " + named + " on the soundtrack album?", s.performers(), wrong,
                named + " is performed by " + s.performers() + ".", s.sources()));
    }

    private Optional<Question> credit(Song s, String named, String what, String answer, List<String> sameCredits,
                                      List<String> people) {
        if (answer == null) {
            return Optional.empty();
        }
        String id = "songs." + what + "." + s.id();
        String question = "music".equals(what) ? "Who is credited with the music of " + named + "?"
                : "Who is credited with the lyrics of " + named + "?";
        return Distractors.pick(id, answer, sameCredits.stream().filter(Objects::nonNull).toList(), people)
                .map(wrong -> Question.shuffled(id, QuizCategory.SONGS, Difficulty.MEDIUM, question, answer, wrong,
                        named + ": " + what + " by " + answer + ".", s.sources()));
    }

    private Optional<Question> trackNumber(Song s, String named, List<Song> songs) {
        String id = "songs.track-number." + s.id();
        String answer = "Track " + s.track();
        List<String> nearby = songs.stream()
                .filter(o -> !o.title().equalsIgnoreCase(s.title()))
                .sorted((a, b) -> Integer.compare(Math.abs(a.track() - s.track()), Math.abs(b.track() - s.track())))
                .limit(6).map(o -> "Track " + o.track()).toList();
        return Distractors.pick(id, answer, nearby).map(wrong -> Question.shuffled(id, QuizCategory.SONGS, Difficulty.HARD,
                "Which track number is " + named + " on the soundtrack album?", answer, wrong,
                named + " is track " + s.track() + " of the soundtrack album.", s.sources()));
    }

    private Optional<Question> whichTrack(Song s, List<String> titles) {
        String id = "songs.which-track." + s.id();
        return Distractors.pick(id, s.title(), titles).map(wrong -> Question.shuffled(id, QuizCategory.SONGS,
                s.track() == 1 ? Difficulty.MEDIUM : Difficulty.HARD,
                "Which of these is track " + s.track() + " of the soundtrack album?", s.title(), wrong,
                "Track " + s.track() + " is \"" + s.title() + "\", performed by " + s.performers() + ".", s.sources()));
    }

    private Optional<Question> scene(Song s, List<String> titles) {
        // A scene note that names its own song would give the answer away.
        if (s.scene() == null || Question.normalise(s.scene()).contains(Question.normalise(s.title()))) {
            return Optional.empty();
        }
        String id = "songs.scene." + s.id();
        return Distractors.pick(id, s.title(), titles).map(wrong -> Question.shuffled(id, QuizCategory.SONGS, Difficulty.MEDIUM,
                "Which track goes with this scene? " + s.scene(), s.title(), wrong,
                "\"" + s.title() + "\" is track " + s.track() + ", performed by " + s.performers() + ".", s.sources()));
    }

    /**
     * A title in quotes, with its performers when another track has the same title: for asking a
     * track's number, where naming the track by its number would give the answer away.
     */
    static String byPerformers(Song s, List<Song> songs) {
        return sharesItsTitle(s, songs) ? "\"" + s.title() + "\" (performed by " + s.performers() + ")"
                : "\"" + s.title() + "\"";
    }

    private static boolean sharesItsTitle(Song s, List<Song> songs) {
        return songs.stream().anyMatch(o -> o != s && o.track() != s.track() && o.title().equalsIgnoreCase(s.title()));
    }

    /** A title in quotes, with its track number when another track has the same title. */
    static String named(Song s, List<Song> songs) {
        return "\"" + s.title() + "\"" + (sharesItsTitle(s, songs) ? " (track " + s.track() + ")" : "");
    }
}

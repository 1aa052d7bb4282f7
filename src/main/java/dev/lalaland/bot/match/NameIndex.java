package dev.lalaland.bot.match;

import com.github.benmanes.caffeine.cache.Cache;
import dev.lalaland.bot.cache.Caches;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Forgiving lookup of things by their names: case and accents are ignored, any word may be
 * typed from its start ("Seb" finds Sebastian, "fools" finds "Audition (The Fools Who Dream)"),
 * and small typos still match ("Gosleng"). Built once from the fact store; read-only afterwards,
 * so autocomplete can run on JDA's event thread.
 */
public final class NameIndex<T> {
    static final int SEARCHES_KEPT = 512;

    private final List<Entry<T>> entries = new ArrayList<>();
    /** By folded label, the first added; then the entries having each folded name exactly. */
    private final Map<String, Entry<T>> byLabel = new HashMap<>();
    private final Map<String, List<Entry<T>>> byName = new HashMap<>();
    /**
     * Recent results by limit and folded query: autocomplete asks for the same prefixes keystroke
     * by keystroke, and ranking every name with typos allowed made garbage enough to show in the
     * benchmark. Emptied when an item is added, since a new item may rank in any result.
     */
    private final Cache<String, List<T>> recentSearches = Caches.bounded(SEARCHES_KEPT);

    /** Folded once when added: lookups run per keystroke and must not fold or split every name again. */
    private record Entry<T>(T item, String label, String foldedLabel, List<Key> keys) {
    }

    private record Key(String text, String[] words) {
        Key(String text) {
            this(text, text.split(" "));
        }
    }

    private record Scored<T>(Entry<T> entry, int score) {
    }

    /** Adds {@code item}, shown as {@code label}, findable by any of {@code names}. */
    public NameIndex<T> add(T item, String label, List<String> names) {
        List<Key> keys = names.stream().map(Normalizer::fold).filter(k -> !k.isEmpty()).distinct().map(Key::new)
                .toList();
        Entry<T> entry = new Entry<>(item, label, Normalizer.fold(label), keys);
        entries.add(entry);
        byLabel.putIfAbsent(entry.foldedLabel(), entry);
        keys.forEach(k -> byName.computeIfAbsent(k.text(), t -> new ArrayList<>()).add(entry));
        recentSearches.invalidateAll();
        return this;
    }

    /** The best matches for what was typed, best first; everything (in order) for blank input. */
    public List<T> search(String typed, int limit) {
        String query = Normalizer.fold(typed);
        if (query.isEmpty()) {
            return entries.stream().limit(limit).map(Entry::item).toList();
        }
        // Looked up first, so that a hit, the usual case while typing, makes no capturing lambda.
        String key = limit + " " + query;
        List<T> known = recentSearches.getIfPresent(key);
        if (known != null) {
            return known;
        }
        List<T> found = ranked(query, false).stream().limit(limit).map(s -> s.entry().item()).toList();
        recentSearches.put(key, found);
        return found;
    }

    /** How many searches are kept, once upkeep has run: for the test of the bound. */
    long searchesKept() {
        recentSearches.cleanUp();
        return recentSearches.estimatedSize();
    }

    /**
     * The one item the user meant: an exact name, or the single best match when it clearly
     * wins. Empty when nothing matches or the input is ambiguous.
     */
    public Optional<T> resolve(String typed) {
        String query = Normalizer.fold(typed);
        if (query.isEmpty()) {
            return Optional.empty();
        }
        Entry<T> labelled = byLabel.get(query);
        if (labelled != null) {
            return Optional.of(labelled.item());
        }
        // A name only one entry has, typed in full, is the best match ranking would find too.
        List<Entry<T>> named = byName.getOrDefault(query, List.of());
        if (named.size() == 1) {
            return Optional.of(named.get(0).item());
        }
        List<Scored<T>> ranked = ranked(query, false);
        if (ranked.isEmpty()) {
            return Optional.empty();
        }
        if (ranked.size() == 1 || ranked.get(0).score() > ranked.get(1).score()) {
            return Optional.of(ranked.get(0).entry().item());
        }
        return Optional.empty();
    }

    /** The items having exactly this name, in the order they were added: two things can share a title. */
    public List<T> named(String typed) {
        return byName.getOrDefault(Normalizer.fold(typed), List.of()).stream().map(Entry::item).toList();
    }

    /** Close matches, typos included, for "did you mean" messages. */
    public List<String> suggestions(String typed, int limit) {
        String query = Normalizer.fold(typed);
        if (query.isEmpty()) {
            return List.of(); // only emoji or symbols: every name would "match"
        }
        return ranked(query, true).stream().limit(limit).map(s -> s.entry().label()).toList();
    }

    private List<Scored<T>> ranked(String query, boolean loose) {
        String[] queryWords = query.split(" ");
        List<Scored<T>> ranked = new ArrayList<>();
        for (Entry<T> e : entries) {
            int score = 0;
            for (Key key : e.keys()) {
                score = Math.max(score, score(key.text(), key.words(), query, queryWords, loose));
            }
            if (score > 0) {
                ranked.add(new Scored<>(e, score));
            }
        }
        ranked.sort(Comparator.comparingInt((Scored<T> s) -> -s.score()));
        return ranked;
    }

    /** Higher is better; 0 is no match. */
    private static int score(String key, String[] words, String query, String[] queryWords, boolean loose) {
        if (key.equals(query)) {
            return 100;
        }
        if (key.startsWith(query)) {
            return 80;
        }
        if (allWordsStartSomeWord(words, queryWords)) {
            return 60;
        }
        if (key.contains(query)) {
            return 40;
        }
        int allowed = query.length() >= 8 ? 2 : query.length() >= 4 ? 1 : 0;
        if (loose) {
            allowed = Math.max(allowed, query.length() >= 3 ? 2 : 1);
        }
        if (allowed > 0) {
            if (Levenshtein.within(key, query, allowed)) {
                return 30;
            }
            for (String w : words) {
                if (w.length() >= 3 && Levenshtein.within(w, query, allowed)) {
                    return 20;
                }
            }
        }
        return 0;
    }

    private static boolean allWordsStartSomeWord(String[] words, String[] queryWords) {
        for (String q : queryWords) {
            boolean found = false;
            for (String w : words) {
                if (w.startsWith(q)) {
                    found = true;
                    break;
                }
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }
}

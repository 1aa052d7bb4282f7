package dev.lalaland.bot.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lalaland.bot.facts.FactFiles;
import dev.lalaland.bot.facts.FactSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Citations are shortened, never cut inside a URL: a cut link leads nowhere. */
class SourcesTest {
    private static final Pattern URL = Pattern.compile("https?://[^\\s<>]+");

    /** Every source of every record in the bundled data, as names (footers) and as a field (cards). */
    @Test
    void noSourceInTheDataIsShownWithACutUrl() {
        FactSet facts = FactFiles.load(null);
        List<String> sources = Stream.of(facts.people().stream().flatMap(p -> p.sources().stream()),
                facts.songs().stream().flatMap(s -> s.sources().stream()),
                facts.ceremonies().stream().flatMap(c -> c.sources().stream()),
                facts.nominations().stream().flatMap(n -> n.sources().stream()),
                facts.events().stream().flatMap(e -> e.sources().stream()),
                facts.facts().stream().flatMap(f -> f.sources().stream()),
                facts.questions().stream().flatMap(q -> q.sources().stream())).flatMap(s -> s).distinct().toList();
        List<String> cut = new ArrayList<>();
        for (String source : sources) {
            for (String shown : List.of(Sources.names(List.of(source)), Sources.citation(source, 60),
                    Sources.citation(source, 100), Sources.citation(source, 300))) {
                cutUrls(shown, source).forEach(url -> cut.add(url + " in " + shown));
            }
        }
        assertThat(sources).hasSizeGreaterThan(100);
        assertThat(cut).isEmpty();
    }

    @Test
    void aLongCitationIsCutBeforeItsUrlOrNamedByItsSite() {
        String withMirror = "Lionsgate production notes (mirror: https://example.org/" + "a".repeat(80) + ")";
        assertThat(Sources.citation(withMirror, 60)).isEqualTo("Lionsgate production notes (mirror…");
        assertThat(Sources.names(List.of(withMirror))).isEqualTo("Lionsgate production notes");
        String longUrl = "https://www.example.org/" + "b".repeat(300);
        assertThat(Sources.citation(longUrl, 100)).isEqualTo("example.org");
        assertThat(Sources.citation(longUrl, 400)).isEqualTo(longUrl);
    }

    private static List<String> cutUrls(String shown, String source) {
        Set<String> whole = new HashSet<>();
        URL.matcher(source).results().forEach(m -> whole.add(m.group()));
        return URL.matcher(shown).results().map(m -> m.group()).filter(u -> !whole.contains(u)).toList();
    }
}

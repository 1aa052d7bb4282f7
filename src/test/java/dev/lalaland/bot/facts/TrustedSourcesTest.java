package dev.lalaland.bot.facts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every source in data/ is on a trusted site or names a trusted publisher first (TrustedSources),
 * with no exceptions; no citation hides a URL or names a mirror or a copy.
 */
class TrustedSourcesTest {
    private static final Path DATA = Path.of("data");
    private static final List<String> ALL_SOURCES = new ArrayList<>();

    @BeforeAll
    static void readSources() throws IOException {
        ObjectMapper json = new ObjectMapper();
        for (String file : FactFiles.ALL) {
            collect(json.readTree(DATA.resolve(file).toFile()), ALL_SOURCES);
        }
    }

    private static void collect(JsonNode node, List<String> out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                if (field.getKey().equals("sources")) {
                    field.getValue().forEach(s -> out.add(s.asText()));
                } else {
                    collect(field.getValue(), out);
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> collect(child, out));
        }
    }

    @Test
    void everySourceIsTrusted() {
        Set<String> untrusted = new TreeSet<>();
        for (String source : ALL_SOURCES) {
            if (!TrustedSources.trustedSource(source)) {
                untrusted.add(source);
            }
        }
        assertThat(untrusted).as("sources on no trusted site: cite the primary source (data/README.md)").isEmpty();
        System.out.println("sources: " + ALL_SOURCES.size() + " cited, " + new LinkedHashSet<>(ALL_SOURCES).size()
                + " distinct, all trusted");
    }

    @Test
    void noCitationHidesAUrlOrNamesAMirrorOrACopy() {
        for (String source : ALL_SOURCES) {
            if (TrustedSources.host(source).isPresent()) {
                assertThat(source).as("a URL source is the URL alone").doesNotContain(" ");
            } else {
                assertThat(source).as("a citation that is no URL").doesNotContain("http").doesNotContainIgnoringCase("mirror")
                        .doesNotContain("(via ");
            }
        }
    }

    @Test
    void trustsTheAcademyTheTradesAndArchivedCopiesButNotMirrorsOrFarms() {
        assertThat(TrustedSources.trusted("https://www.oscars.org/oscars/ceremonies/2017")).isTrue();
        assertThat(TrustedSources.trusted("https://variety.com/2016/music/news/x/")).isTrue();
        assertThat(TrustedSources.trusted("http://articles.chicagotribune.com/2017/x")).isTrue();
        assertThat(TrustedSources.trusted(
                "http://web.archive.org/web/20161217032345/https://en.wikipedia.org/wiki/La_La_Land_(film)")).isTrue();
        assertThat(TrustedSources.trusted("https://www.know.cf/enciclopedia/en/La_La_Land_(film)")).isFalse();
        assertThat(TrustedSources.trusted("https://variety.com.example.net/x")).isFalse();
        assertThat(TrustedSources.trustedSource("Variety, 31 August 2016")).isTrue();
        assertThat(TrustedSources.trustedSource("pinkblog (Venice closing ceremony report)")).isFalse();
        assertThat(Files.exists(DATA.resolve("README.md"))).isTrue();
    }
}

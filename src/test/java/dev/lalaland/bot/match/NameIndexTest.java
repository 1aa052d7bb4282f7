package dev.lalaland.bot.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NameIndexTest {
    private final NameIndex<String> songs = new NameIndex<String>()
            .add("audition", "12. Audition (The Fools Who Dream)", List.of("Audition (The Fools Who Dream)"))
            .add("city", "6. City of Stars", List.of("City of Stars"))
            .add("lovely", "4. A Lovely Night", List.of("A Lovely Night"));
    private final NameIndex<String> people = new NameIndex<String>()
            .add("gosling", "Ryan Gosling", List.of("Ryan Gosling", "Sebastian \"Seb\" Wilder", "Seb"))
            .add("hurwitz", "Justin Hurwitz", List.of("Justin Hurwitz"))
            .add("paul", "Justin Paul", List.of("Justin Paul"))
            .add("zoe", "Zoë Example", List.of("Zoë Example"));

    @Test
    void findsAnyWordFromItsStart() {
        assertThat(songs.search("fools", 25)).containsExactly("audition");
        assertThat(people.search("Seb", 25)).containsExactly("gosling");
        assertThat(songs.search("stars", 25)).containsExactly("city");
    }

    @Test
    void ignoresCaseAndAccents() {
        assertThat(people.resolve("ZOE example")).contains("zoe");
        assertThat(people.resolve("ryan GOSLING")).contains("gosling");
    }

    @Test
    void toleratesSmallTypos() {
        assertThat(people.resolve("Gosleng")).contains("gosling");
        assertThat(people.suggestions("Hurwits", 5)).containsExactly("Justin Hurwitz");
    }

    @Test
    void namedGivesEveryItemWithThatExactNameInTheOrderAdded() {
        NameIndex<String> tracks = new NameIndex<String>()
                .add("solo", "6. City of Stars", List.of("City of Stars"))
                .add("duet", "9. City of Stars", List.of("City of Stars", "city of stars duet"));
        assertThat(tracks.resolve("city of stars")).isEmpty();
        assertThat(tracks.named("CITY OF STARS")).containsExactly("solo", "duet");
        assertThat(tracks.named("city of stars duet")).containsExactly("duet");
        assertThat(tracks.named("city")).isEmpty();
    }

    @Test
    void inputWithNoLettersOrDigitsSuggestsNothing() {
        assertThat(people.suggestions("🎹🎬", 5)).isEmpty();
        assertThat(songs.suggestions("\u0000\u0001 ?!", 5)).isEmpty();
        assertThat(people.search("🎹", 25)).as("autocomplete still lists everything for blank input").hasSize(4);
    }

    @Test
    void ambiguousInputResolvesToNothing() {
        assertThat(people.resolve("Justin")).isEmpty();
        assertThat(people.search("justin", 25)).containsExactlyInAnyOrder("hurwitz", "paul");
        NameIndex<String> shared = new NameIndex<String>()
                .add("a", "Justin A", List.of("Justin A", "JJ"))
                .add("b", "Justin B", List.of("Justin B", "JJ"));
        assertThat(shared.resolve("jj")).as("a name two entries have exactly").isEmpty();
        assertThat(shared.resolve("justin b")).contains("b");
    }

    @Test
    void blankInputListsEverythingInOrderAndLimits() {
        assertThat(songs.search("", 2)).containsExactly("audition", "city");
        assertThat(songs.resolve("   ")).isEmpty();
    }

    @Test
    void unknownNamesMatchNothing() {
        assertThat(people.resolve("Keanu Reeves")).isEmpty();
        assertThat(people.search("@everyone", 25)).isEmpty();
    }

    @Test
    void aRepeatedSearchIsAnsweredFromTheLastOne() {
        List<String> first = people.search("Justin", 25);
        assertThat(people.search("justin", 25)).as("the same folded query").isSameAs(first);
        assertThat(people.search("Justin", 1)).as("another limit is another search").containsExactly("hurwitz");
    }

    @Test
    void anItemAddedAfterASearchIsFoundByTheNextOne() {
        assertThat(people.search("Justin", 25)).containsExactly("hurwitz", "paul");
        people.add("justin-example", "Justin Example", List.of("Justin Example"));
        assertThat(people.search("Justin", 25)).containsExactly("hurwitz", "paul", "justin-example");
    }

    @Test
    void atMostSearchesKeptAreKept() {
        for (int i = 0; i < 2 * NameIndex.SEARCHES_KEPT; i++) {
            people.search("query " + i, 25);
        }
        assertThat(people.searchesKept()).isPositive().isLessThanOrEqualTo(NameIndex.SEARCHES_KEPT);
    }
}

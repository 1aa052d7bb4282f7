package dev.lalaland.bot.onthisday;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lalaland.bot.db.Database;
import dev.lalaland.bot.db.StoreKind;
import dev.lalaland.bot.facts.Fact;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(StoreKind.class)
class FactRotationTest {
    @Parameter
    StoreKind kind;

    private static final LocalDate START = LocalDate.parse("2026-06-01");

    @TempDir
    Path dir;
    private Database database;
    private FactRotation rotation;

    @BeforeEach
    void open() {
        database = TestFacts.open(kind, dir);
        rotation = new FactRotation(database);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private List<String> picks(String guild, int days, List<Fact> facts) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < days; i++) {
            ids.add(rotation.next(guild, START.plusDays(i), facts).orElseThrow().id());
        }
        return ids;
    }

    @Test
    void noFactRepeatsUntilAllHaveBeenUsedThenANewRoundStarts() {
        int n = TestFacts.FACTS.size();
        List<String> ids = picks("g1", 3 * n, TestFacts.FACTS);
        for (int round = 0; round < 3; round++) {
            assertThat(ids.subList(round * n, (round + 1) * n)).doesNotHaveDuplicates().hasSize(n);
        }
        Map<String, Long> counts = ids.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(counts.values()).containsOnly(3L);
    }

    @Test
    void eachServerHasItsOwnRotation() {
        List<String> first = picks("g1", 2, TestFacts.FACTS);
        List<String> other = picks("g2", TestFacts.FACTS.size(), TestFacts.FACTS);
        assertThat(other).doesNotHaveDuplicates().hasSize(TestFacts.FACTS.size());
        assertThat(picks("g1", 3, TestFacts.FACTS)).doesNotContainAnyElementsOf(first);
    }

    @Test
    void factsThatLeftTheDataAreIgnoredAndNewOnesJoinTheRound() {
        List<String> used = picks("g1", 3, TestFacts.FACTS);
        List<Fact> changed = new ArrayList<>(TestFacts.FACTS.subList(2, 5));
        changed.add(TestFacts.fact("f9", "A new fact."));
        List<String> unused = changed.stream().map(Fact::id).filter(id -> !used.contains(id)).toList();

        // The round goes on with what is left of it, f9 included, before any fact comes back.
        assertThat(picks("g1", unused.size(), changed)).containsExactlyInAnyOrderElementsOf(unused).contains("f9");
        assertThat(picks("g1", changed.size(), changed)).hasSize(changed.size()).doesNotHaveDuplicates();
    }

    @Test
    void noFactsMeansNoFact() {
        assertThat(rotation.next("g1", START, List.of())).isEmpty();
    }
}

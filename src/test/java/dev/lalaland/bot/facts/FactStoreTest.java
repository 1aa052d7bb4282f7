package dev.lalaland.bot.facts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lalaland.bot.db.Database;
import dev.lalaland.bot.db.StoreKind;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(StoreKind.class)
class FactStoreTest {
    @Parameter
    StoreKind kind;

    @TempDir
    Path dir;
    private Database database;
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);

    @BeforeEach
    void open() {
        database = kind.open(dir);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void importsOnceAndAnswersInDisplayOrder() throws Exception {
        FactSet facts = FactFiles.load(FactFilesTest.minimal());
        FactImporter importer = new FactImporter(database, clock);
        assertThat(importer.importIfChanged(facts)).isTrue();
        assertThat(importer.importIfChanged(facts)).as("unchanged data is not imported again").isFalse();
        assertThat(importer.holds(facts.checksum())).isTrue();
        assertThat(importer.holds("other")).isFalse();
        assertThat(importer.holds(null)).isFalse();

        FactStore store = new FactStore(database);
        assertThat(store.people()).extracting(Person::id).containsExactly("ryan-gosling", "emma-stone", "justin-hurwitz");
        assertThat(store.people("crew")).extracting(Person::id).containsExactly("justin-hurwitz");
        assertThat(store.songs()).extracting(Song::track).containsExactly(6, 12);
        assertThat(store.song("city-of-stars")).get().extracting(Song::performerIds)
                .isEqualTo(List.of("ryan-gosling"));
        assertThat(store.nominationsForPerson("emma-stone")).extracting(Nomination::category).containsExactly("Best Actress");
        assertThat(store.nominationsForSong("city-of-stars")).extracting(Nomination::result).containsExactly("won");
        assertThat(store.events("12-09")).extracting(Event::title).containsExactly("US limited release");
        assertThat(store.ceremonies("oscars")).extracting(Ceremony::name).containsExactly("89th Academy Awards");
        assertThat(store.writtenQuestions()).hasSize(1);
        assertThat(store.album()).isPresent();
    }

    @Test
    void aChangedDataSetReplacesTheOldOneWithoutTouchingServerState() throws Exception {
        FactImporter importer = new FactImporter(database, clock);
        importer.importIfChanged(FactFiles.load(FactFilesTest.minimal()));
        database.transaction(h -> {
            h.execute("CREATE TABLE IF NOT EXISTS test_server_state (guild TEXT PRIMARY KEY)");
            return h.execute("INSERT INTO test_server_state VALUES ('g1')");
        });

        FactSet changed = FactFiles.load(FactFilesTest.minimal());
        changed = new FactSet(changed.people().subList(0, 2), changed.songs(), changed.album(), changed.ceremonies(),
                changed.nominations().subList(0, 2), changed.events(), changed.facts(), changed.questions(), "other");
        assertThat(importer.importIfChanged(changed)).isTrue();

        FactStore store = new FactStore(database);
        assertThat(store.people()).hasSize(2);
        assertThat(store.allNominations()).hasSize(2);
        int serverRows = database.read(h -> h.select("SELECT count(*) FROM test_server_state")
                .mapTo(Integer.class).one());
        assertThat(serverRows).isEqualTo(1);
    }
}

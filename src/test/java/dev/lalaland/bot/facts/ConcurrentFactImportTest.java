package dev.lalaland.bot.facts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lalaland.bot.db.Database;
import dev.lalaland.bot.db.StoreKind;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Several bot processes started at the same moment against one database, each importing the
 * fact files at start. Each "process" here is a {@link Database} of its own (its own SQLite
 * connection, or its own PostgreSQL connection pool), so nothing but the database serialises
 * them; a start line lets them all go at once. On PostgreSQL they also create the schema together.
 */
@ParameterizedClass
@EnumSource(StoreKind.class)
class ConcurrentFactImportTest {
    private static final int PROCESSES = 4;

    @Parameter
    StoreKind kind;

    @TempDir
    Path dir;
    private final Clock clock = Clock.fixed(Instant.parse("2026-12-02T12:00:00Z"), ZoneOffset.UTC);
    private final ExecutorService threads = Executors.newFixedThreadPool(PROCESSES + 1);
    private final List<Database> opened = new ArrayList<>();

    @AfterEach
    void close() throws InterruptedException {
        threads.shutdownNow();
        assertThat(threads.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        synchronized (opened) {
            opened.forEach(Database::close);
        }
    }

    @Test
    void processesStartingTogetherOnAnEmptyDatabaseImportTheFactsExactlyOnce() throws Exception {
        FactSet facts = FactFiles.load(null);
        if (kind == StoreKind.SQLITE) {
            // Flyway serialises processes migrating one PostgreSQL database (a lock of its own) but
            // not one new SQLite file, so here the file's tables are made first, by one process.
            open();
        }
        CountDownLatch startLine = new CountDownLatch(1);
        List<Future<Boolean>> starts = new ArrayList<>();
        for (int i = 0; i < PROCESSES; i++) {
            starts.add(threads.submit(() -> {
                startLine.await();
                return new FactImporter(open(), clock).importIfChanged(facts);
            }));
        }
        startLine.countDown();

        List<Boolean> imported = new ArrayList<>();
        for (Future<Boolean> start : starts) {
            imported.add(start.get(60, TimeUnit.SECONDS)); // a process that failed to start throws here
        }
        assertThat(imported).as("which process imported").containsOnlyOnce(true);
        assertHolds(open(), facts);
    }

    @Test
    void processesStartingWhileTheDataFolderChangedReplaceTheOldFactsOnceAndNobodySeesHalfOfIt()
            throws Exception {
        FactSet old = FactFiles.load(FactFilesTest.minimal());
        FactSet current = FactFiles.load(null);
        Database first = open();
        assertThat(new FactImporter(first, clock).importIfChanged(old)).isTrue();

        // Someone looking at the store the whole time sees the old facts or the new ones, never a mix.
        AtomicBoolean importing = new AtomicBoolean(true);
        Set<Integer> peopleSeen = ConcurrentHashMap.newKeySet();
        Future<?> looker = threads.submit(() -> {
            Database db = open();
            while (importing.get()) {
                peopleSeen.add(db.read(h -> h.select("SELECT count(*) FROM person").mapTo(Integer.class).one()));
            }
            return null;
        });
        CountDownLatch startLine = new CountDownLatch(1);
        List<Future<Boolean>> starts = new ArrayList<>();
        for (int i = 0; i < PROCESSES; i++) {
            starts.add(threads.submit(() -> {
                Database db = open();
                startLine.await();
                return new FactImporter(db, clock).importIfChanged(current);
            }));
        }
        startLine.countDown();

        List<Boolean> imported = new ArrayList<>();
        try {
            for (Future<Boolean> start : starts) {
                imported.add(start.get(60, TimeUnit.SECONDS));
            }
        } finally {
            importing.set(false);
        }
        looker.get(30, TimeUnit.SECONDS);
        assertThat(imported).as("which process imported").containsOnlyOnce(true);
        assertThat(peopleSeen).isSubsetOf(old.people().size(), current.people().size());
        assertHolds(first, current);
    }

    private Database open() {
        Database database = kind.open(dir);
        synchronized (opened) {
            opened.add(database);
        }
        return database;
    }

    private void assertHolds(Database database, FactSet facts) {
        assertThat(new FactImporter(database, clock).holds(facts.checksum())).isTrue();
        FactStore store = new FactStore(database);
        assertThat(store.people()).hasSize(facts.people().size());
        assertThat(store.songs()).hasSize(facts.songs().size());
        assertThat(store.allNominations()).hasSize(facts.nominations().size());
        assertThat(store.writtenQuestions()).hasSize(facts.questions().size());
    }
}

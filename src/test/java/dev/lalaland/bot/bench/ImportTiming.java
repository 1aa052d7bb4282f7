package dev.lalaland.bot.bench;

import dev.lalaland.bot.db.Database;
import dev.lalaland.bot.facts.FactFiles;
import dev.lalaland.bot.facts.FactImporter;
import dev.lalaland.bot.facts.FactSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Times the bot's first start-up work on a fresh SQLite file, in a fresh JVM (run with the image's
 * flags, as the bot does it once per start): reading and validating the bundled fact files,
 * creating the schema (Flyway), and importing. Prints one line:
 * {@code load_ms=.. migrate_ms=.. import_ms=.. db_bytes=..}.
 *
 * <pre>java [flags] -cp target/lalaland-bot.jar:target/test-classes dev.lalaland.bot.bench.ImportTiming FILE</pre>
 */
public final class ImportTiming {
    private ImportTiming() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: ImportTiming <new database file>");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        if (Files.exists(file)) {
            System.err.println(file + " exists: give a new file");
            System.exit(2);
        }
        long t0 = System.nanoTime();
        FactSet facts = FactFiles.load(null);
        long t1 = System.nanoTime();
        long t2;
        long t3;
        try (Database database = Database.open(file)) {
            t2 = System.nanoTime();
            if (!new FactImporter(database, Clock.systemUTC()).importIfChanged(facts)) {
                throw new IllegalStateException("a fresh database already held the facts");
            }
            t3 = System.nanoTime();
        }
        // Closing folds the write-ahead log into the file, so its size is the whole database.
        System.out.printf("load_ms=%.1f migrate_ms=%.1f import_ms=%.1f db_bytes=%d%n",
                (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6, Files.size(file));
    }
}

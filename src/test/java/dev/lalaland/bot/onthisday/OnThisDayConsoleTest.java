package dev.lalaland.bot.onthisday;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lalaland.bot.Features;
import dev.lalaland.bot.command.Dispatcher;
import dev.lalaland.bot.console.ConsoleMode;
import dev.lalaland.bot.console.ConsoleOutbox;
import dev.lalaland.bot.db.Database;
import dev.lalaland.bot.facts.FactFiles;
import dev.lalaland.bot.facts.FactImporter;
import dev.lalaland.bot.facts.FactStore;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Console mode on 9 December 2026, the 10th anniversary of the US release, with the bundled data. */
class OnThisDayConsoleTest {
    @TempDir
    Path dir;

    @Test
    void theTenthAnniversaryOfTheUsReleaseIsTheSpecialCardInTheConsole() throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-12-09T10:00:00Z"), ZoneOffset.UTC);
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try (Database database = Database.open(dir.resolve("console.db"))) {
            new FactImporter(database, clock).importIfChanged(FactFiles.load(null));
            ConsoleOutbox outbox = new ConsoleOutbox();
            Features features = new Features(database, new FactStore(database), clock, scheduler, outbox,
                    (guild, channel) -> Optional.empty(), Features.Tuning.defaults());
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
            ConsoleMode console = new ConsoleMode(new Dispatcher(features.registry()), clock, out);

            console.run(new BufferedReader(new StringReader("/onthisday\n/onthisday date:12-10\n")));

            String text = bytes.toString(StandardCharsets.UTF_8);
            assertThat(text).contains("On this day: December 9 · 10 years of La La Land\n"
                    + "10th anniversary today: US limited release (9 December 2016).");
            assertThat(text).contains("On this day: December 10").doesNotContain("December 10 · ");
        } finally {
            scheduler.shutdownNow();
        }
    }
}

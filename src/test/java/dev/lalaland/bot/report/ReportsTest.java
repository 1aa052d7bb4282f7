package dev.lalaland.bot.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lalaland.bot.command.ButtonClick;
import dev.lalaland.bot.command.CommandRegistry;
import dev.lalaland.bot.command.Dispatcher;
import dev.lalaland.bot.command.FormSubmit;
import dev.lalaland.bot.command.Invoker;
import dev.lalaland.bot.db.Database;
import dev.lalaland.bot.render.Reply;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The feature through the dispatcher, as Discord and the console reach it: where reports are refused. */
class ReportsTest {
    static final Invoker MEMBER = new Invoker("2", "bob", "10", "20", false);
    static final Invoker ADMIN = new Invoker("1", "alice", "10", "20", true);
    static final Invoker IN_A_DM = new Invoker("2", "bob", null, "30", false);

    @TempDir
    Path dir;
    Database database;
    Dispatcher dispatcher;
    Reports reports;

    @BeforeEach
    void open() {
        database = Database.open(dir.resolve("r.db"));
        reports = new Reports(database, "v7", id -> id.equals("q.1") ? Optional.of("Who sang?") : Optional.empty(),
                Clock.systemUTC());
        dispatcher = new Dispatcher(new CommandRegistry(List.of(), reports.buttonHandlers()));
    }

    @AfterEach
    void close() {
        database.close();
    }

    Reply click(String id, Invoker who) {
        return dispatcher.click(new ButtonClick(id, "m", who, Instant.EPOCH));
    }

    @Test
    void aReportOpensTheFormAndIsSavedWithTheFactVersion() {
        assertThat(click("report:q.1", MEMBER).modal().id()).isEqualTo("report:q.1");
        Reply saved = dispatcher.submit(new FormSubmit("report:q.1", Map.of("reason", "typo"), MEMBER, Instant.EPOCH));
        assertThat(saved.content()).startsWith("Thanks");
        String stored = database.read(c -> {
            try (var rs = c.createStatement().executeQuery("SELECT fact_version, reason, note FROM question_report")) {
                rs.next();
                return rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3);
            }
        });
        assertThat(stored).isEqualTo("v7 typo null");
    }

    @Test
    void reportsAreRefusedOutsideServersAndForQuestionsNoLongerInTheBank() {
        assertThat(click("report:q.1", IN_A_DM).content()).contains("from a server's channel");
        assertThat(click("report:q.gone", MEMBER).content()).contains("no longer in the question bank");
        assertThat(click("report:", MEMBER).content()).contains("no longer in the question bank");
        assertThat(dispatcher.submit(new FormSubmit("report:q.gone", Map.of("reason", "typo"), MEMBER, Instant.EPOCH))
                .content()).contains("no longer in the question bank");
    }

    @Test
    void theListAndMutingAreForAdminsInAServerOnly() {
        assertThat(dispatcherList(MEMBER)).contains("Manage Server");
        assertThat(dispatcherList(IN_A_DM)).contains("belong to a server");
        assertThat(dispatcherList(ADMIN)).contains("No question has been reported");
        assertThat(click("mute:on:q.1", MEMBER).content()).contains("Manage Server");
        assertThat(reports.mutedIn("10")).isEmpty();
        assertThat(click("mute:on:q.1", ADMIN).content()).startsWith("Muted: Who sang?");
        assertThat(click("mute:on:q.1", ADMIN).content()).startsWith("Already muted: ");
        assertThat(reports.mutedIn("10")).containsExactly("q.1");
        assertThat(reports.mutedIn("11")).isEmpty();
        assertThat(click("mute:sideways:q.1", ADMIN).content()).contains("not one I know");
        assertThat(click("mute:off:q.1", ADMIN).content()).startsWith("Unmuted: Who sang?");
        assertThat(reports.mutedIn("10")).isEmpty();
    }

    private String dispatcherList(Invoker who) {
        try {
            return reports.list(who).content() + reports.list(who).embeds();
        } catch (dev.lalaland.bot.command.UserInputException e) {
            return e.getMessage();
        }
    }
}

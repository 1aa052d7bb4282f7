package dev.lalaland.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Start-up errors an admin meets. A bad local setting is named (exit 2) even while
 * Discord cannot be reached: the admin fixes the file first, not the network. The bot checks them
 * beside connecting, to start faster.
 */
class StartUpErrorsTest {
    @TempDir
    Path dir;

    @Test
    void aBrokenDatabaseIsNamedWhileDiscordIsUnreachable() throws Exception {
        Path database = dir.resolve("not-a-database.db");
        Files.write(database, "this is not an SQLite file, and it is long enough to have a header".repeat(100)
                .getBytes(StandardCharsets.UTF_8));
        MainProcess.Result r = MainProcess.run(dir, Map.of("DISCORD_TOKEN", "abc.def.ghi",
                "DISCORD_REST_URL", unreachableRestUrl(), "BOT_DATABASE", database.toString()), "", "run");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains("error: BOT_DATABASE").doesNotContain("cannot reach Discord", "\tat ", "abc.def.ghi");
    }

    @Test
    void brokenDataFilesAreNamedWhileDiscordIsUnreachable() throws Exception {
        Path broken = Files.createDirectories(dir.resolve("empty-data"));
        MainProcess.Result r = MainProcess.run(dir, Map.of("DISCORD_TOKEN", "abc.def.ghi",
                "DISCORD_REST_URL", unreachableRestUrl(), "BOT_DATABASE", dir.resolve("bot.db").toString(),
                "BOT_DATA_DIR", broken.toString()), "", "run");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains("people.json $: file is missing", "BOT_DATA_DIR")
                .doesNotContain("cannot reach Discord", "\tat ");
    }

    @Test
    void anUnknownModeIsAnErrorLineLikeEveryOther() throws Exception {
        MainProcess.Result r = MainProcess.run(dir, Map.of(), "", "consol");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("error: unknown mode 'consol': use run, console, check-data [DIR], backup FILE or restore FILE");
    }

    /** One bad field, one line, and the summary names the folder checked. */
    @Test
    void checkDataNamesAMistakeOnceAndTheFolderItChecked() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        for (String name : dev.lalaland.bot.facts.FactFiles.ALL) {
            Files.copy(Path.of("data", name), data.resolve(name));
        }
        Path people = data.resolve("people.json");
        Files.writeString(people, Files.readString(people).replaceFirst("\"born\": \"1988-11-06\"",
                "\"born\": \"Nov 6 1988\""));
        MainProcess.Result r = MainProcess.run(dir, Map.of(), "", "check-data", data.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip().lines()).containsExactly(
                "error: people.json $.people[1].born: must be a date YYYY-MM-DD, got \"Nov 6 1988\"",
                "error: 1 problem(s) in the data files in " + data);
    }

    /** A REST URL on a port nothing listens on (it was free a moment ago). */
    private static String unreachableRestUrl() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "http://127.0.0.1:" + socket.getLocalPort() + "/api/v10/";
        }
    }
}

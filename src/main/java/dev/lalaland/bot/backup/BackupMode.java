package dev.lalaland.bot.backup;

import dev.lalaland.bot.db.DatabaseException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code backup} and {@code restore} modes:
 * {@code backup FILE|- [--force]} and {@code restore FILE|- [--force]}; {@code -} is standard
 * output or input, so a container can hand the backup over without writing to the host.
 * Exit codes: 0 done, 1 unexpected failure, 2 refused (what was wrong is said on one line).
 */
public final class BackupMode {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int BAD_INPUT = 2;
    static final String FORCE = "--force";

    private BackupMode() {
    }

    /** Runs {@code mode} ("backup" or "restore") with its arguments against the configured {@code database}. */
    public static int run(String mode, List<String> args, Path database, InputStream in, PrintStream out,
                          PrintStream err) {
        boolean force = args.contains(FORCE);
        List<String> files = new ArrayList<>(args);
        files.remove(FORCE);
        if (files.size() != 1 || files.get(0).startsWith("--")) {
            err.println("error: usage: " + mode + " FILE [--force]   (FILE - is standard "
                    + ("backup".equals(mode) ? "output" : "input") + ")");
            return BAD_INPUT;
        }
        String file = files.get(0);
        try {
            if ("backup".equals(mode)) {
                DatabaseCopies.Contents backedUp;
                if ("-".equals(file)) {
                    backedUp = DatabaseCopies.backupTo(database, out);
                } else {
                    backedUp = DatabaseCopies.backup(database, Path.of(file), force);
                }
                // With "-", standard output is the backup itself: the report goes to standard error.
                ("-".equals(file) ? err : out).println("ok: backed up " + database + " to "
                        + ("-".equals(file) ? "standard output" : file) + " (" + backedUp.describe() + ")");
            } else {
                DatabaseCopies.Contents restored = "-".equals(file)
                        ? DatabaseCopies.restore(null, in, database, force)
                        : DatabaseCopies.restore(Path.of(file), null, database, force);
                out.println("ok: restored " + ("-".equals(file) ? "standard input" : file) + " into " + database
                        + " (" + restored.describe() + ")");
            }
            return OK;
        } catch (BackupException e) {
            err.println("error: " + e.getMessage());
            return BAD_INPUT;
        } catch (DatabaseException | IOException e) {
            err.println("error: " + mode + " failed: " + e.getMessage());
            return FAILED;
        }
    }
}

package dev.lalaland.bot.quiz;

import dev.lalaland.bot.db.Database;
import dev.lalaland.bot.db.Dialect;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Hands out quiz question (round) ids without asking the database for each: a practice question
 * is answered with its id before it is saved. On SQLite, one bot per file, a counter from the
 * highest id ever used; on PostgreSQL, where several processes may share the database, blocks of
 * {@link #POSTGRES_BLOCK} ids taken from the sequence {@code quiz_round_ids}, so no two processes
 * hand out the same id and a restart never reuses one.
 */
abstract class RoundIds {
    /** Must equal the sequence's INCREMENT BY (postgresql/V2__quiz.sql). */
    static final int POSTGRES_BLOCK = 100;

    abstract long next();

    static RoundIds of(Database database) {
        return database.dialect() == Dialect.SQLITE ? new Counter(database) : new SequenceBlocks(database);
    }

    private static final class Counter extends RoundIds {
        private final AtomicLong last;

        Counter(Database database) {
            // sqlite_sequence remembers ids of rows since deleted, so an id is never handed out twice.
            this.last = new AtomicLong(database.read(h -> h.select("SELECT MAX("
                    + "COALESCE((SELECT MAX(id) FROM quiz_round), 0), "
                    + "COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'quiz_round'), 0))")
                    .mapTo(Long.class).one()));
        }

        @Override
        long next() {
            return last.incrementAndGet();
        }
    }

    private static final class SequenceBlocks extends RoundIds {
        private final Database database;
        private long nextId = 1;
        private long blockEnd = 0;

        SequenceBlocks(Database database) {
            this.database = database;
        }

        @Override
        synchronized long next() {
            if (nextId > blockEnd) {
                long start = database.read(h -> h.select("SELECT nextval('quiz_round_ids')").mapTo(Long.class).one());
                nextId = start;
                blockEnd = start + POSTGRES_BLOCK - 1;
            }
            return nextId++;
        }
    }
}

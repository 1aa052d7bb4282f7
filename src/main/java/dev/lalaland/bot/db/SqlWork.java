package dev.lalaland.bot.db;

import org.jdbi.v3.core.Handle;

/**
 * Work done with the database: plain SQL through a JDBI {@link Handle}, rows mapped by column
 * name. The handle belongs to the {@link Database} running the work; keep no reference to it.
 */
@FunctionalInterface
public interface SqlWork<T> {
    T run(Handle handle);
}

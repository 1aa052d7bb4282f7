package dev.lalaland.bot.routine;

/**
 * Background work that starts once the bot is connected and stops on shutdown (quiz timers,
 * the daily-post scheduler). {@link #stop} must leave all state saved and return quickly.
 */
public interface Lifecycle {

    void start();

    void stop();
}

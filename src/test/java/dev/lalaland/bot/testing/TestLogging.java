package dev.lalaland.bot.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/**
 * Without a logback config, logback logs everything at DEBUG, and JDA is chatty. Set in code
 * rather than in a logback-test.xml so the fixture does not impose a config on the project.
 */
final class TestLogging {
    private TestLogging() {}

    static void quiet() {
        if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof Logger root
                && System.getProperty("fake.discord.debug") == null) {
            root.setLevel(Level.WARN);
        }
    }
}

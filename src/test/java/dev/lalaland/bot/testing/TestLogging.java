package dev.lalaland.bot.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/**
 * Without a logback config, logback logs everything at DEBUG, and JDA is chatty. Done in code
 * and only when the project has no logback config, so the fixture never overrides one.
 * {@code -Dfake.discord.debug} keeps the DEBUG output.
 */
final class TestLogging {
    private TestLogging() {}

    static void quiet() {
        ClassLoader cl = TestLogging.class.getClassLoader();
        boolean configured = cl.getResource("logback-test.xml") != null || cl.getResource("logback.xml") != null;
        if (!configured
                && System.getProperty("fake.discord.debug") == null
                && LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof Logger root) {
            root.setLevel(Level.WARN);
        }
    }
}

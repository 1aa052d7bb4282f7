package dev.lalaland.bot.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JVM flags the Docker image runs the bot with ({@code ENV JAVA_OPTS="..."} in the
 * Dockerfile), so that both bots are measured the way the image runs them.
 *
 * @param flags  one flag per element
 * @param source where they came from, for the report
 */
record JvmFlags(List<String> flags, String source) {
    /** The image's flags when this was written; used only when there is no Dockerfile to read. */
    static final String IMAGE_DEFAULT = "-XX:+UseSerialGC -Xms32m -Xmx128m -XX:MetaspaceSize=48m "
            + "-XX:MaxMetaspaceSize=128m -XX:ReservedCodeCacheSize=32m -XX:TieredStopAtLevel=1 -Xss512k "
            + "-XX:+ExitOnOutOfMemoryError";

    private static final Pattern JAVA_OPTS = Pattern.compile("(?m)^\\s*ENV\\s+JAVA_OPTS=\"([^\"]*)\"");

    /** From {@code dockerfile} if it exists and sets JAVA_OPTS, else {@link #IMAGE_DEFAULT}. */
    static JvmFlags fromDockerfile(Path dockerfile) {
        if (Files.isRegularFile(dockerfile)) {
            try {
                Matcher m = JAVA_OPTS.matcher(Files.readString(dockerfile));
                if (m.find()) {
                    return new JvmFlags(split(m.group(1)), dockerfile + " (ENV JAVA_OPTS)");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new JvmFlags(split(IMAGE_DEFAULT), "built-in copy of the image's JAVA_OPTS (no Dockerfile found)");
    }

    static JvmFlags of(String flags, String source) {
        return new JvmFlags(split(flags), source);
    }

    static List<String> split(String flags) {
        return Arrays.stream(flags.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
    }

    @Override
    public String toString() {
        return String.join(" ", flags);
    }
}

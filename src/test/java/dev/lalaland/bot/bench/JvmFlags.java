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

    private static final Pattern XMX = Pattern.compile("-Xmx(\\d+)([kKmMgG])");
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

    /** The same flags with the heap cap {@code -Xmx} set to {@code mib} MiB (added if there was none). */
    JvmFlags withMaxHeapMib(int mib) {
        List<String> changed = new java.util.ArrayList<>(flags.stream().filter(f -> !f.startsWith("-Xmx")).toList());
        changed.add("-Xmx" + mib + "m");
        return new JvmFlags(List.copyOf(changed), source + ", with -Xmx" + mib + "m");
    }

    /** The heap cap {@code -Xmx} in MiB; 0 if the flags set none. */
    int maxHeapMib() {
        Matcher m = XMX.matcher("");
        int mib = 0;
        for (String flag : flags) {
            if (m.reset(flag).matches()) {
                long n = Long.parseLong(m.group(1));
                mib = (int) switch (Character.toLowerCase(m.group(2).charAt(0))) {
                    case 'k' -> n / 1024;
                    case 'g' -> n * 1024;
                    default -> n;
                };
            }
        }
        return mib;
    }

    @Override
    public String toString() {
        return String.join(" ", flags);
    }
}

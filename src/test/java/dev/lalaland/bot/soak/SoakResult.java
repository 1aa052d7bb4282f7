package dev.lalaland.bot.soak;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a soak run measured, and every way it fell short of "each post once, each night finished,
 * each answer counted once". Numbers are kept in the order they are reported.
 */
final class SoakResult {
    private final Map<String, String> numbers = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();

    void number(String name, Object value) {
        numbers.put(name, String.valueOf(value));
    }

    void seconds(String name, long nanos) {
        numbers.put(name, String.format(java.util.Locale.ROOT, "%.1f s", nanos / 1e9));
    }

    /** A broken promise; {@code examples} are a few of the cases, for the message. */
    void problem(String what, List<?> examples) {
        problems.add(what + (examples.isEmpty() ? "" : " (e.g. " + examples.subList(0, Math.min(5, examples.size()))
                + ")"));
    }

    void problem(String what) {
        problems.add(what);
    }

    List<String> problems() {
        return List.copyOf(problems);
    }

    Map<String, String> numbers() {
        return Map.copyOf(numbers);
    }

    String number(String name) {
        return numbers.get(name);
    }

    /** One {@code name: value} a line, then the problems, or {@code no problems}. */
    String report() {
        StringBuilder sb = new StringBuilder();
        numbers.forEach((k, v) -> sb.append(k).append(": ").append(v).append('\n'));
        if (problems.isEmpty()) {
            sb.append("no problems: every due post posted once, every night finished, every answer counted once\n");
        } else {
            sb.append(problems.size()).append(" problem(s):\n");
            problems.forEach(p -> sb.append("  - ").append(p).append('\n'));
        }
        return sb.toString();
    }
}

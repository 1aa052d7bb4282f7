package dev.lalaland.bot.bench;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code jcmd PID GC.heap_info} says, for any collector: the heap's generations or regions
 * ("def new generation total 9792K, used 1226K", "garbage-first heap total 262144K, used 1234K")
 * summed, and metaspace.
 *
 * @param usedBytes          heap in use, live and not yet collected
 * @param committedBytes     heap the JVM has committed
 * @param metaspaceUsedBytes class metadata
 */
record HeapInfo(long usedBytes, long committedBytes, long metaspaceUsedBytes) {
    private static final Pattern HEAP = Pattern.compile("(?m)^\\s*\\S.*?\\s+total (\\d+)K, used (\\d+)K");
    private static final Pattern METASPACE = Pattern.compile("(?m)^\\s*Metaspace\\s+used (\\d+)K");

    static HeapInfo parse(String heapInfo) {
        long used = 0;
        long committed = 0;
        boolean found = false;
        Matcher m = HEAP.matcher(heapInfo);
        while (m.find()) {
            found = true;
            committed += Long.parseLong(m.group(1)) * 1024;
            used += Long.parseLong(m.group(2)) * 1024;
        }
        if (!found) {
            throw new IllegalArgumentException("no heap in GC.heap_info output:\n" + heapInfo);
        }
        Matcher meta = METASPACE.matcher(heapInfo);
        long metaspace = meta.find() ? Long.parseLong(meta.group(1)) * 1024 : 0;
        return new HeapInfo(used, committed, metaspace);
    }
}

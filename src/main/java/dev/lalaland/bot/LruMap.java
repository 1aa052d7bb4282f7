package dev.lalaland.bot;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A map that keeps at most {@code capacity} entries, dropping the one used least recently: the
 * bot's small in-memory caches. Not thread-safe; its owner guards it.
 */
public final class LruMap<K, V> extends LinkedHashMap<K, V> {
    private final int capacity;

    public LruMap(int capacity) {
        super(16, 0.75f, true);
        this.capacity = capacity;
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > capacity;
    }
}

package dev.lalaland.bot.bench;

import java.time.Duration;
import java.util.List;

/** The arithmetic of the growth curves, kept apart so that tests can check it. */
final class GrowthMath {
    private GrowthMath() {
    }

    /**
     * The least-squares slope of {@code y} over {@code x}, times 1,000: how much {@code y} grows per
     * 1,000 of {@code x} (per 1,000 servers).
     */
    static double slopePerThousand(List<double[]> xy) {
        if (xy.size() < 2) {
            throw new IllegalArgumentException("a slope needs two points");
        }
        double mx = xy.stream().mapToDouble(p -> p[0]).average().orElseThrow();
        double my = xy.stream().mapToDouble(p -> p[1]).average().orElseThrow();
        double num = 0;
        double den = 0;
        for (double[] p : xy) {
            num += (p[0] - mx) * (p[1] - my);
            den += (p[0] - mx) * (p[0] - mx);
        }
        if (den == 0) {
            throw new IllegalArgumentException("a slope needs two different x");
        }
        return num / den * 1000;
    }

    /** The least time {@code posts} requests can take at {@code perSecond}: Discord's global limit. */
    static Duration physicalLimit(int posts, int perSecond) {
        return Duration.ofNanos(Math.round(posts * 1e9 / perSecond));
    }

    /** The measured time over the physical limit: 1.0 is as fast as Discord allows. */
    static double ratioToLimit(Duration measured, int posts, int perSecond) {
        return measured.toNanos() / (double) physicalLimit(posts, perSecond).toNanos();
    }

    /** Shards for {@code servers} as Discord recommends them (about one per 1,000 servers), at least one. */
    static int recommendedShards(int servers, int serversPerShard) {
        return Math.max(1, (servers + serversPerShard - 1) / serversPerShard);
    }
}

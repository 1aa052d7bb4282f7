package dev.lalaland.bot.bench;

import java.util.Arrays;
import java.util.Collection;

/** Several runs of one measurement: their median and the lowest and highest, which give the spread. */
record Spread(double median, double low, double high, int runs) {
    static Spread of(Collection<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no runs");
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        return new Spread(median, sorted[0], sorted[n - 1], n);
    }

    static Spread of(double... values) {
        return of(Arrays.stream(values).boxed().toList());
    }

    /** The same runs in another unit. */
    Spread scaled(double factor) {
        return new Spread(median * factor, low * factor, high * factor, runs);
    }
}

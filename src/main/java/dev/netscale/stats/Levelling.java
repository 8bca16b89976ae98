package dev.netscale.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a scaling curve (throughput ratio against sender count) stops growing.
 *
 * <p>Definition: the curve stops growing at the smallest sender count {@code s} for which the
 * median ratio of all points from {@code s} to the largest count is at most {@code 1 +
 * tolerance} times the ratio at {@code s}; that is, adding senders beyond {@code s} typically
 * gains no more than the tolerance. The median, not the maximum, is used so that one lucky
 * point (the published Wasmer curve has two at 36 and 37 senders) does not hide a plateau.
 * The last point always satisfies the rule; when it is the only one that does, or when the
 * maximum ratio is at the largest count, the curve may still be growing.
 *
 * @param stopsAtSenders the sender count the curve stops growing at, by the rule above
 * @param maxRatio the largest ratio measured
 * @param maxAtSenders the sender count of {@code maxRatio} (the smallest, on ties)
 * @param largestSenders the largest sender count with a ratio
 * @param lastRatio the ratio at {@code largestSenders}
 */
public record Levelling(
        int stopsAtSenders, double maxRatio, int maxAtSenders, int largestSenders,
        double lastRatio) {

    /** The tolerance used in reports: at most 10% more beyond the point. */
    public static final double TOLERANCE = 0.10;

    /**
     * @param senders sender counts in ascending order
     * @param ratios the ratio at each count, NaN where none was measured (those are skipped)
     * @return empty when no point has a ratio
     * @throws IllegalArgumentException when the arrays differ in length
     */
    public static Optional<Levelling> of(int[] senders, double[] ratios, double tolerance) {
        if (senders.length != ratios.length) {
            throw new IllegalArgumentException(senders.length + " sender counts but "
                    + ratios.length + " ratios");
        }
        List<Integer> measured = new ArrayList<>();
        for (int i = 0; i < senders.length; i++) {
            if (!Double.isNaN(ratios[i])) {
                measured.add(i);
            }
        }
        if (measured.isEmpty()) {
            return Optional.empty();
        }

        int max = measured.get(0);
        for (int i : measured) {
            max = ratios[i] > ratios[max] ? i : max;
        }
        int last = measured.get(measured.size() - 1);
        int stops = last;
        for (int k = 0; k < measured.size(); k++) {
            int i = measured.get(k);
            double tailMedian = median(measured.subList(k, measured.size()), ratios);
            if (tailMedian <= (1 + tolerance) * ratios[i]) {
                stops = i;
                break;
            }
        }
        return Optional.of(new Levelling(
                senders[stops], ratios[max], senders[max], senders[last], ratios[last]));
    }

    /** Whether the largest ratio is at the largest sender count. */
    public boolean maxAtLargest() {
        return maxAtSenders == largestSenders;
    }

    /**
     * Whether the curve may still be growing at its largest sender count: its maximum is
     * there, or no smaller count meets the rule.
     */
    public boolean stillGrowing() {
        return maxAtLargest() || stopsAtSenders == largestSenders;
    }

    private static double median(List<Integer> indexes, double[] values) {
        double[] sorted = indexes.stream().mapToDouble(i -> values[i]).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}

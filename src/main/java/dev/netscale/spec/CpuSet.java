package dev.netscale.spec;

import java.util.BitSet;
import java.util.Optional;

/**
 * A set of CPU numbers as written in Linux lists ({@code "0-3,8"}), or {@code auto}, which the
 * planner resolves by splitting the host's CPUs between receiver and senders.
 */
public record CpuSet(Optional<BitSet> cpus) {

    public static final CpuSet AUTO = new CpuSet(Optional.empty());

    public boolean isAuto() {
        return cpus.isEmpty();
    }

    public static CpuSet of(BitSet cpus) {
        return new CpuSet(Optional.of((BitSet) cpus.clone()));
    }

    /**
     * Parses a Linux CPU list such as {@code "0-3,8,10-11"}.
     *
     * @throws IllegalArgumentException with the reason, for text that is not such a list
     */
    public static BitSet parseList(String text) {
        BitSet set = new BitSet();
        if (text.isBlank()) {
            throw new IllegalArgumentException("empty CPU list");
        }
        for (String part : text.trim().split(",")) {
            String p = part.trim();
            String[] range = p.split("-", -1);
            try {
                if (range.length == 1) {
                    set.set(Integer.parseInt(range[0]));
                } else if (range.length == 2) {
                    int lo = Integer.parseInt(range[0]);
                    int hi = Integer.parseInt(range[1]);
                    if (lo > hi) {
                        throw new IllegalArgumentException("range '" + p + "' runs backwards");
                    }
                    set.set(lo, hi + 1);
                } else {
                    throw new IllegalArgumentException("'" + p + "' is not a CPU or range");
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + p + "' is not a CPU number or range");
            }
        }
        return set;
    }

    /** Formats a set as a compact Linux CPU list ({@code "0-3,8"}). */
    public static String format(BitSet set) {
        StringBuilder sb = new StringBuilder();
        int i = set.nextSetBit(0);
        while (i >= 0) {
            int end = set.nextClearBit(i) - 1;
            if (!sb.isEmpty()) {
                sb.append(',');
            }
            sb.append(i);
            if (end > i) {
                sb.append('-').append(end);
            }
            i = set.nextSetBit(end + 1);
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return cpus.map(CpuSet::format).orElse("auto");
    }
}

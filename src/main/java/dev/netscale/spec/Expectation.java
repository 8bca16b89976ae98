package dev.netscale.spec;

import java.util.Locale;
import java.util.OptionalDouble;

/**
 * One entry of a spec's {@code expect:} list: a shape the figure must show, such as "native's
 * throughput at 15 senders is 8.5 to 10.5 times its throughput at 1 sender". {@code netscale
 * check} evaluates each against a results folder.
 *
 * <p>An expectation may need a host large enough for the shape to be possible at all: with
 * {@code minReceiverCpus} set, a run whose receiver had fewer CPUs makes the expectation not
 * applicable, neither passed nor failed.
 */
public sealed interface Expectation {

    /** The receiver id the expectation is about. */
    String receiver();

    /** The fewest receiver CPUs the expectation needs; 0 when it holds on any host. */
    int minReceiverCpus();

    /** The expectation in a few words, as tables show it. */
    String describe();

    /**
     * The receiver's throughput at {@code senders} divided by its throughput at its smallest
     * sender count (1 in every shipped spec) lies within {@code [min, max]}; either bound may be
     * absent.
     */
    record RatioAt(String receiver, int senders, OptionalDouble min, OptionalDouble max,
            int minReceiverCpus) implements Expectation {

        @Override
        public String describe() {
            String range = min.isPresent() && max.isPresent()
                    ? number(min.getAsDouble()) + " to " + number(max.getAsDouble())
                    : min.isPresent() ? "at least " + number(min.getAsDouble())
                            : "at most " + number(max.orElseThrow());
            return "ratio at " + senders + " senders " + range;
        }
    }

    /**
     * The receiver's scaling curve stops growing (by {@code stats.Levelling}'s rule) within
     * {@code tolerance} sender counts of {@code senders}, before its largest sender count.
     */
    record StopsGrowingAt(String receiver, int senders, int tolerance, int minReceiverCpus)
            implements Expectation {

        @Override
        public String describe() {
            return "stops growing at " + senders + (tolerance > 0 ? " +-" + tolerance : "")
                    + " senders";
        }
    }

    /**
     * The receiver spends more receiver CPU time per message than {@code other} at every
     * sender count both measured.
     */
    record CpuPerMessageAbove(String receiver, String other, int minReceiverCpus)
            implements Expectation {

        @Override
        public String describe() {
            return "CPU per message above " + other + "'s";
        }
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v);
    }
}

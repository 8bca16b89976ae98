package dev.netscale.report;

import dev.netscale.measure.Warning;
import dev.netscale.results.PointSummary;
import dev.netscale.results.TrialRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Result-quality warnings gathered by kind: those the trials recorded, and those only visible
 * once repetitions are aggregated (wide intervals, points without an interval). Each kind is
 * listed once with the points it touches and what to do about it.
 */
final class QualityWarnings {

    /** Points with one successful trial have a mean but no interval. */
    static final String SINGLE_REPETITION = "single-repetition";
    static final String SINGLE_REPETITION_ADVICE = "one successful trial gives a mean but no"
            + " interval; raise repetitions to 3 or more";
    /** A wide interval: its half width above this share of the mean. */
    static final double HIGH_VARIANCE_SHARE = 0.10;

    /**
     * @param kind the warning's id, such as {@code short-window}
     * @param points where it happened, as {@code receiver at N senders}, in first-seen order
     * @param trials how many trials recorded it; 0 for warnings found in the aggregates
     */
    record Kind(String kind, Set<String> points, int trials, String advice) {
    }

    private QualityWarnings() {
    }

    static List<Kind> of(List<TrialRecord> trials, List<PointSummary> points) {
        Map<String, Tally> tallies = new LinkedHashMap<>();
        for (TrialRecord t : trials) {
            for (String warning : t.warnings()) {
                Tally tally = tally(tallies, kindOf(warning), null);
                tally.points.add(where(t.receiver(), t.senders()));
                tally.trials++;
            }
        }
        for (PointSummary p : points) {
            if (p.throughput().n() == 1) {
                tally(tallies, SINGLE_REPETITION, SINGLE_REPETITION_ADVICE).points
                        .add(where(p.receiver(), p.senders()));
            }
            if (superlinear(p)) {
                tally(tallies, Warning.SUPERLINEAR.id(), Warning.SUPERLINEAR.advice()).points
                        .add(where(p.receiver(), p.senders()));
            }
            if (p.throughput().ci95HalfWidth() > HIGH_VARIANCE_SHARE * p.throughput().mean()) {
                tally(tallies, Warning.HIGH_VARIANCE.id(), Warning.HIGH_VARIANCE.advice()).points
                        .add(where(p.receiver(), p.senders()));
            }
        }
        List<Kind> out = new ArrayList<>();
        tallies.forEach((kind, t) -> out.add(new Kind(kind, t.points, t.trials, t.advice)));
        return out;
    }

    /**
     * Whether a point's ratio to the first point exceeds the ratio of their sender counts
     * (linear scaling) even at the low end of its 95% interval. Without an interval (one
     * repetition on either side) there is no verdict.
     */
    static boolean superlinear(PointSummary p) {
        if (p.firstSenders() <= 0 || p.senders() <= p.firstSenders()) {
            return false;
        }
        double linear = (double) p.senders() / p.firstSenders();
        return Double.isFinite(p.ratioToFirst().ci95Low()) && p.ratioToFirst().ci95Low() > linear;
    }

    private static final class Tally {
        final Set<String> points = new LinkedHashSet<>();
        int trials;
        String advice;
    }

    private static Tally tally(Map<String, Tally> tallies, String kind, String advice) {
        Tally t = tallies.computeIfAbsent(kind, k -> new Tally());
        if (t.advice == null) {
            t.advice = advice != null ? advice : Warning.byId(kind).map(Warning::advice)
                    .orElse("see the warnings column of trials.csv");
        }
        return t;
    }

    /**
     * The kind of a recorded warning: its id, the text before the first colon when there is
     * one (trials may add a detail after it).
     */
    static String kindOf(String warning) {
        int colon = warning.indexOf(':');
        return (colon < 0 ? warning : warning.substring(0, colon)).strip();
    }

    private static String where(String receiver, int senders) {
        return receiver + " at " + Format.senders(senders);
    }
}

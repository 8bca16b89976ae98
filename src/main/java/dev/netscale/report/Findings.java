package dev.netscale.report;

import dev.netscale.results.PointSummaries;
import dev.netscale.results.PointSummary;
import dev.netscale.stats.Levelling;
import dev.netscale.stats.Ratio;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The findings in plain words, one paragraph per receiver, each sentence computed from the
 * points: throughput at the smallest and largest sender count, the scaling factor, where the
 * ratio stops growing, and how the receiver compares with the baseline.
 */
final class Findings {

    static final String HOW_TO_READ = """
            How to read this: a receiver's *ratio* is its mean throughput at N senders over its \
            own at 1 sender (or at its smallest sender count that worked). A receiver *stops \
            growing* at the smallest sender count S for which the median ratio over S and all \
            larger counts is at most 10% above the ratio at S: adding senders beyond S \
            typically gains less than 10%. It is *still growing* when its largest ratio is at \
            the largest count measured, or when only that count meets the rule. Intervals are \
            95% Student's t intervals over the repetitions; ratios carry intervals propagated \
            from both means. Lower or higher than the baseline means the whole interval lies on \
            that side of 1.""";

    private Findings() {
    }

    static List<String> paragraphs(List<PointSummary> points, String baseline) {
        Map<String, List<PointSummary>> curves = PointSummaries.byReceiver(points);
        List<String> out = new ArrayList<>();
        curves.forEach((receiver, curve) -> out.add(receiver(receiver, curve, baseline,
                curves.containsKey(baseline))));
        return out;
    }

    private static String receiver(String receiver, List<PointSummary> curve, String baseline,
            boolean baselineMeasured) {
        List<PointSummary> measured = curve.stream().filter(p -> p.throughput().n() > 0)
                .toList();
        String head = "**" + receiver + "**" + runtime(receiver, curve.get(0)) + ": ";
        if (measured.isEmpty()) {
            return head + "every trial failed, so there is nothing to report.";
        }
        PointSummary first = measured.get(0);
        PointSummary last = measured.get(measured.size() - 1);
        if (first == last) {
            return head + Format.throughput(first.throughput().mean()) + " at "
                    + Format.senders(first.senders())
                    + ", the only sender count that worked: no scaling to report.";
        }

        StringBuilder text = new StringBuilder(head)
                .append(Format.throughput(first.throughput().mean())).append(" at ")
                .append(Format.senders(first.senders())).append(" and ")
                .append(Format.throughput(last.throughput().mean())).append(" at ")
                .append(Format.senders(last.senders())).append(", a scaling factor of ")
                .append(Format.ratio(last.ratioToFirst())).append(". ");
        senderLimited(first, last).ifPresent(text::append);
        levelling(measured).ifPresent(l -> text.append(growth(l)));
        if (baseline != null && baselineMeasured && !receiver.equals(baseline)) {
            text.append(" ").append(comparison(measured, baseline));
        }
        return text.toString().strip();
    }

    /**
     * A caveat when the senders, not the receiver, may have set a throughput the scaling factor
     * rests on: some of the point's trials were sender-limited.
     */
    static Optional<String> senderLimited(PointSummary first, PointSummary last) {
        List<String> limited = new ArrayList<>();
        long trials = 0;
        for (PointSummary p : first == last ? List.of(first) : List.of(first, last)) {
            if (p.resources() != null && p.resources().senderLimitedTrials() > 0) {
                trials += p.resources().senderLimitedTrials();
                limited.add(p.resources().senderLimitedTrials() + " of "
                        + p.resources().measuredTrials() + " trials at "
                        + Format.senders(p.senders()));
            }
        }
        if (limited.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("Read this factor with care: " + String.join(" and ", limited)
                + (trials == 1 ? " was" : " were") + " sender-limited (the senders' CPUs at least 90% busy), so the senders, not"
                + " the receiver, may have set " + (limited.size() == 1 ? "that throughput"
                        : "those throughputs") + ". ");
    }

    /** The runtime and compiler, when the receiver's id does not already say them. */
    private static String runtime(String receiver, PointSummary p) {
        boolean compiler = p.compiler() != null && !p.compiler().isBlank();
        if (receiver.equals(p.runtime()) && !compiler) {
            return "";
        }
        return " (runtime " + p.runtime() + (compiler ? ", compiler " + p.compiler() : "") + ")";
    }

    private static Optional<Levelling> levelling(List<PointSummary> measured) {
        int[] senders = measured.stream().mapToInt(PointSummary::senders).toArray();
        double[] ratios = measured.stream().mapToDouble(p -> p.ratioToFirst().value()).toArray();
        return Levelling.of(senders, ratios, Levelling.TOLERANCE);
    }

    static String growth(Levelling l) {
        String largest = Format.significant(l.maxRatio()) + "×";
        if (l.maxAtLargest() && l.stopsAtSenders() < l.largestSenders()) {
            return "Stops growing at " + Format.senders(l.stopsAtSenders()) + " by the rule"
                    + " above (senders beyond it typically add less than 10%), but its largest"
                    + " ratio, " + largest + ", is at the largest count measured, "
                    + Format.senders(l.largestSenders()) + ", so a wider sweep may show more"
                    + " growth.";
        }
        if (l.stillGrowing()) {
            return "Still growing at " + Format.senders(l.largestSenders())
                    + (l.maxAtLargest() ? ": its largest ratio, " + largest
                            + ", is at the largest count measured."
                            : ": no smaller sender count meets the rule above.");
        }
        return "Stops growing at " + Format.senders(l.stopsAtSenders()) + "; its largest ratio "
                + "is " + largest + " at " + Format.senders(l.maxAtSenders()) + ", and "
                + Format.significant(l.lastRatio()) + "× at "
                + Format.senders(l.largestSenders()) + ".";
    }

    private static String comparison(List<PointSummary> measured, String baseline) {
        List<PointSummary> compared = measured.stream()
                .filter(p -> Double.isFinite(p.ratioToBaseline().value())).toList();
        if (compared.isEmpty()) {
            return "No sender count has results for both it and " + baseline + ".";
        }
        PointSummary first = compared.get(0);
        PointSummary last = compared.get(compared.size() - 1);
        List<PointSummary> ends = first == last ? List.of(first) : List.of(first, last);
        if (ends.stream().noneMatch(p -> p.ratioToBaseline().hasInterval())) {
            return "Against " + baseline + ": " + String.join(" and ", ends.stream()
                    .map(p -> Format.ratio(p.ratioToBaseline()) + " at "
                            + Format.senders(p.senders())).toList())
                    + "; with one repetition there is no interval, so no verdict.";
        }
        return "Against " + baseline + ": " + String.join("; ", ends.stream()
                .map(Findings::versus).toList()) + ".";
    }

    private static String versus(PointSummary p) {
        Ratio r = p.ratioToBaseline();
        return Format.ratio(r) + " at " + Format.senders(p.senders()) + ", " + verdict(r);
    }

    /** Whether the interval lies wholly below or above 1, the baseline's own level. */
    static String verdict(Ratio r) {
        if (!r.hasInterval()) {
            return "no interval (one repetition), so no verdict";
        }
        if (r.ci95High() < 1) {
            return "lower";
        }
        return r.ci95Low() > 1 ? "higher" : "not significantly different";
    }
}

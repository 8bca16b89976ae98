package dev.netscale.report;

import dev.netscale.results.PointSummaries;
import dev.netscale.results.PointSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One Markdown table per receiver: every sender count with its spread, ratios and failures. */
final class PointTables {

    private PointTables() {
    }

    static List<String> lines(List<PointSummary> points, String baseline) {
        List<String> out = new ArrayList<>();
        Map<String, List<PointSummary>> curves = PointSummaries.byReceiver(points);
        boolean withBaseline = baseline != null && curves.containsKey(baseline);
        int base = ScalingChart.baseSenders(points);
        curves.forEach((receiver, curve) -> {
            out.add("### " + receiver);
            out.add("");
            out.add(describe(curve.get(0)));
            out.add("");
            out.add("| senders | n | mean (msg/s) | ±95% CI | ratio to "
                    + Format.senders(base) + " (95% CI) |"
                    + (withBaseline ? " vs " + baseline + " (95% CI) |" : "")
                    + " rtt p50 (µs) | rtt p99 (µs) | failed |");
            out.add("| ---: | ---: | ---: | ---: | ---: |" + (withBaseline ? " ---: |" : "")
                    + " ---: | ---: | ---: |");
            curve.forEach(p -> out.add(row(p, withBaseline)));
            out.add("");
        });
        return out;
    }

    private static String describe(PointSummary p) {
        String compiler = p.compiler() == null || p.compiler().isBlank() ? ""
                : ", compiler " + p.compiler();
        return "Runtime " + p.runtime() + compiler + "; receiver CPUs "
                + orUnknown(p.receiverCpus()) + "; sender CPUs " + orUnknown(p.senderCpus())
                + ".";
    }

    private static String row(PointSummary p, boolean withBaseline) {
        String spread = p.throughput().hasInterval()
                ? "±" + Format.count(p.throughput().ci95HalfWidth()) : Format.NONE;
        String failed = p.failedTrials() == 0 ? "0"
                : p.failedTrials() + " of " + (p.failedTrials() + p.okTrials());
        return "| " + p.senders() + " | " + p.throughput().n() + " | "
                + Format.count(p.throughput().mean()) + " | " + spread + " | "
                + Format.ratioCell(p.ratioToFirst()) + " |"
                + (withBaseline ? " " + Format.ratioCell(p.ratioToBaseline()) + " |" : "")
                + " " + Format.significant(p.rtt().p50Micros()) + " | "
                + Format.significant(p.rtt().p99Micros()) + " | " + failed + " |";
    }

    private static String orUnknown(String cpus) {
        return cpus == null || cpus.isBlank() ? "not recorded" : cpus;
    }
}

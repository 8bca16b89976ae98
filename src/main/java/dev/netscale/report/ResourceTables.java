package dev.netscale.report;

import dev.netscale.results.PointSummaries;
import dev.netscale.results.PointSummary;
import dev.netscale.results.ResourceSummary;
import java.util.ArrayList;
import java.util.List;

/** One Markdown table per receiver with the CPU figures of every sender count. */
final class ResourceTables {

    private ResourceTables() {
    }

    static List<String> lines(List<PointSummary> points) {
        List<String> out = new ArrayList<>();
        PointSummaries.byReceiver(points).forEach((receiver, curve) -> {
            if (curve.stream().noneMatch(ResourceFindings::measured)) {
                return;
            }
            out.add("#### " + receiver);
            out.add("");
            out.add("| senders | CPU/msg (µs, 95% CI) | cores busy (share of set) | CPU set busy"
                    + " | OS threads | switches/msg wait, forced | busiest thread (of one core)"
                    + " | sender CPU/msg (µs) | senders' set busy | sender-limited |");
            out.add("| ---: | ---: | ---: | ---: | ---: | ---: | :--- | ---: | ---: | ---: |");
            curve.forEach(p -> out.add(row(p)));
            out.add("");
        });
        return out;
    }

    private static String row(PointSummary p) {
        ResourceSummary r = p.resources();
        if (r.measuredTrials() == 0) {
            return "| " + p.senders() + " | " + Format.NONE + " | | | | | | "
                    + Format.significant(r.senderCpuMicrosPerMessageMean()) + " | | |";
        }
        String cpu = Format.significant(r.receiverCpuMicrosPerMessage().mean())
                + (r.receiverCpuMicrosPerMessage().hasInterval() ? " (" + Format.interval(
                        r.receiverCpuMicrosPerMessage().ci95Low(),
                        r.receiverCpuMicrosPerMessage().ci95High()) + ")" : "");
        String busiest = r.busiestThreadName().isEmpty() ? Format.NONE
                : "`" + r.busiestThreadName() + "` "
                        + ResourceFindings.percent(r.busiestThreadCoreShareMean());
        return "| " + p.senders() + " | " + cpu + " | "
                + Format.significant(r.receiverCoresBusyMean()) + " ("
                + share(r.receiverCoresShare().mean()) + ") | "
                + share(r.receiverCpusetBusyShareMean()) + " | " + r.receiverThreadsOsMax()
                + " | " + Format.significant(r.voluntarySwitchesPerMessageMean()) + ", "
                + Format.significant(r.involuntarySwitchesPerMessageMean()) + " | " + busiest
                + " | " + Format.significant(r.senderCpuMicrosPerMessageMean()) + " | "
                + share(r.senderCpusetBusyShareMean()) + " | "
                + (r.senderLimitedTrials() == 0 ? "no"
                        : r.senderLimitedTrials() + " of " + r.measuredTrials()) + " |";
    }

    private static String share(double value) {
        return Double.isFinite(value) ? ResourceFindings.percent(value) : Format.NONE;
    }
}

package dev.netscale.report;

import dev.netscale.results.PointSummaries;
import dev.netscale.results.PointSummary;
import dev.netscale.results.ResourceSummary;
import dev.netscale.stats.Levelling;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * "Where the time goes": which of the CPU figures explains where each receiver stops
 * scaling, in plain words. Every sentence is computed from the points; a figure that was not
 * measured is left out, never guessed. On a host that gives the receiver one or two CPUs,
 * which cannot show scaling, the cost per message leads, since such a host measures it well.
 */
final class ResourceFindings {

    static final String HOW_TO_READ = """
            How to read this: *CPU per message* is the receiver's user and system CPU time \
            from just before its release (it holds the senders until the first readings are \
            taken) to its done line, over the messages it received (the receiver's side of \
            netperf's service demand). *Cores busy* is that CPU time over \
            the wall time, given as a share of the receiver's CPU set. *CPU set busy* is how \
            busy those CPUs were whoever used them (`/proc/stat`): it adds kernel work charged \
            to no process, such as the softirq time in which Linux does much of loopback \
            TCP, and anything else that ran there. The *busiest thread* is the receiver's OS \
            thread with the most CPU time, as a share of one core. A point is \
            *sender-limited* when the senders' CPU set was at least 90% busy.""";

    /** A CPU set or a thread at least this busy has run out of CPU. */
    static final double SATURATED = 0.90;
    /** CPU per message that grew by at least this much is called growing. */
    static final double COST_GROWTH = 0.25;
    /** Below this coverage, per-thread figures are called lower bounds. */
    static final double LOW_COVERAGE = 0.80;
    /** The largest receiver CPU set on which a report says the host is too small. */
    static final int SMALL_HOST_CPUS = 2;

    private ResourceFindings() {
    }

    /** The section's paragraphs, or empty when no point had its resources measured. */
    static List<String> lines(List<PointSummary> points, String baseline) {
        Map<String, List<PointSummary>> curves = PointSummaries.byReceiver(points);
        if (points.stream().noneMatch(ResourceFindings::measured)) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        out.add(HOW_TO_READ);
        out.add("");
        int cpus = points.stream().filter(ResourceFindings::measured)
                .mapToInt(p -> p.resources().receiverCpuCount()).max().orElse(0);
        Optional<String> cost = cost(curves, baseline);
        if (cpus > 0 && cpus <= SMALL_HOST_CPUS) {
            out.add("This host gave the receiver " + Format.plural(cpus, "CPU") + ", too few to"
                    + " show how a receiver scales with senders: once its CPUs are busy, more"
                    + " senders only queue. What such a host does measure well is what each"
                    + " message costs, so that comes first.");
            out.add("");
            cost.ifPresent(c -> {
                out.add(c);
                out.add("");
            });
            curves.forEach((r, curve) -> out.add("- " + explain(r, curve)));
        } else {
            curves.forEach((r, curve) -> out.add("- " + explain(r, curve)));
            cost.ifPresent(c -> {
                out.add("");
                out.add(c);
            });
        }
        out.add("");
        return out;
    }

    static boolean measured(PointSummary p) {
        return p.resources().measuredTrials() > 0 && p.throughput().n() > 0;
    }

    /**
     * The cost per message of every receiver at its smallest and largest measured sender
     * count, against the baseline receiver when there is one.
     */
    static Optional<String> cost(Map<String, List<PointSummary>> curves, String baseline) {
        Optional<PointSummary> base = Optional.ofNullable(baseline).map(curves::get)
                .flatMap(c -> c.stream().filter(ResourceFindings::measured).findFirst());
        List<String> parts = new ArrayList<>();
        curves.forEach((receiver, curve) -> {
            List<PointSummary> m = curve.stream().filter(ResourceFindings::measured).toList();
            if (m.isEmpty()) {
                return;
            }
            PointSummary first = m.get(0);
            PointSummary last = m.get(m.size() - 1);
            StringBuilder s = new StringBuilder("**" + receiver + "** "
                    + micros(first.resources().receiverCpuMicrosPerMessage().mean()) + " at "
                    + Format.senders(first.senders()));
            base.filter(b -> !b.receiver().equals(receiver) && b.senders() == first.senders())
                    .ifPresent(b -> s.append(" (").append(Format.significant(
                            first.resources().receiverCpuMicrosPerMessage().mean()
                            / b.resources().receiverCpuMicrosPerMessage().mean()))
                            .append("× ").append(b.receiver()).append(")"));
            if (last != first) {
                s.append(" and ").append(micros(last.resources().receiverCpuMicrosPerMessage()
                        .mean())).append(" at ").append(Format.senders(last.senders()));
            }
            parts.add(s.toString());
        });
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("Receiver CPU per message: " + String.join("; ", parts) + ".");
    }

    /** One receiver: where it stops scaling and which figure says why. */
    static String explain(String receiver, List<PointSummary> curve) {
        String head = "**" + receiver + "**: ";
        List<PointSummary> m = curve.stream().filter(ResourceFindings::measured).toList();
        if (m.isEmpty()) {
            return head + "its resource use was not measured.";
        }
        PointSummary first = m.get(0);
        // The stop by the findings' rule, also when the largest ratio is at the largest
        // count: the figures at the stop say why more senders gained under 10% each.
        Optional<Levelling> levelling = levelling(curve);
        boolean growing = levelling.map(l -> l.stopsAtSenders() == l.largestSenders())
                .orElse(true);
        int at = levelling.filter(l -> l.stopsAtSenders() < l.largestSenders())
                .map(Levelling::stopsAtSenders).orElse(m.get(m.size() - 1).senders());
        PointSummary p = m.stream().filter(x -> x.senders() == at).findFirst()
                .orElse(m.get(m.size() - 1));
        ResourceSummary r = p.resources();

        StringBuilder text = new StringBuilder(head);
        if (m.size() == 1) {
            text.append("measured at ").append(Format.senders(p.senders())).append(" only. ");
        } else if (growing) {
            text.append("still growing at ").append(Format.senders(p.senders()))
                    .append(", so there is no plateau to explain. ");
        } else {
            text.append("stops growing at ").append(Format.senders(p.senders())).append(". ");
        }
        text.append(figures(p)).append(" ");
        if (m.size() > 1 && !growing || m.size() == 1) {
            text.append(verdict(first, p));
        } else {
            costChange(first, p).ifPresent(c -> text.append(c).append(". "));
            if (r != null && r.senderLimitedTrials() > 0) {
                text.append("But its senders ran out of CPU there (sender-limited in ")
                        .append(r.senderLimitedTrials()).append(" of ")
                        .append(r.measuredTrials()).append(" trials), so how far it grows is"
                        + " the senders' limit here, not the receiver's; give the senders more"
                        + " CPUs to see further.");
            }
        }
        return text.toString().strip();
    }

    /** The figures at one point, in one sentence. */
    static String figures(PointSummary p) {
        ResourceSummary r = p.resources();
        List<String> f = new ArrayList<>();
        double cores = r.receiverCoresShare().mean();
        if (Double.isFinite(cores)) {
            f.add("the receiver kept " + percent(cores) + " of its "
                    + Format.plural(r.receiverCpuCount(), "CPU") + " busy ("
                    + Format.significant(r.receiverCoresBusyMean()) + " cores)");
        }
        if (Double.isFinite(r.receiverCpusetBusyShareMean())) {
            f.add("its CPU set was " + percent(r.receiverCpusetBusyShareMean()) + " busy");
        }
        if (!r.busiestThreadName().isEmpty()
                && Double.isFinite(r.busiestThreadCoreShareMean())) {
            f.add("its busiest thread, `" + r.busiestThreadName() + "`, ran "
                    + percent(r.busiestThreadCoreShareMean()) + " of one core"
                    + (Double.isFinite(r.threadCpuCoverageMean())
                            && r.threadCpuCoverageMean() < LOW_COVERAGE
                            ? " (a lower bound: threads that exited were read "
                                    + percent(r.threadCpuCoverageMean()) + " complete)"
                            : ""));
        }
        if (r.receiverThreadsOsMax() > 0) {
            f.add("it had up to " + Format.plural(r.receiverThreadsOsMax(), "OS thread"));
        }
        if (Double.isFinite(r.voluntarySwitchesPerMessageMean())) {
            f.add("its threads switched " + Format.significant(
                    r.voluntarySwitchesPerMessageMean()) + " times per message to wait and "
                    + Format.significant(r.involuntarySwitchesPerMessageMean())
                    + " times involuntarily");
        }
        if (Double.isFinite(r.senderCpusetBusyShareMean())) {
            f.add("the senders' CPU set was " + percent(r.senderCpusetBusyShareMean()) + " busy");
        }
        return "At " + Format.senders(p.senders()) + ", each message cost "
                + micros(r.receiverCpuMicrosPerMessage().mean()) + " of receiver CPU"
                + (f.isEmpty() ? "" : "; " + String.join(", ", f)) + ".";
    }

    /** Which figure explains the plateau at {@code p}, in priority order. */
    static String verdict(PointSummary first, PointSummary p) {
        ResourceSummary r = p.resources();
        Optional<String> cost = costChange(first, p);
        if (r.senderLimitedTrials() > 0) {
            return "The senders ran out of CPU here (sender-limited in "
                    + r.senderLimitedTrials() + " of " + r.measuredTrials() + " trials), so"
                    + " this limit may be the senders', not the receiver's.";
        }
        if (r.receiverCpusetBusyShareMean() >= SATURATED) {
            return "Its CPU set ran out of CPU: at " + percent(r.receiverCpusetBusyShareMean())
                    + " busy, more senders can only share the same CPUs, and throughput is"
                    + " capped by the CPU each message costs" + cost.map(c -> "; " + c)
                    .orElse("") + ".";
        }
        if (r.busiestThreadCoreShareMean() >= SATURATED) {
            String others = Double.isFinite(r.secondThreadCoreShareMean())
                    ? " while the next busiest ran " + percent(r.secondThreadCoreShareMean())
                    : "";
            return "One thread is the bottleneck: `" + r.busiestThreadName() + "` kept one core "
                    + percent(r.busiestThreadCoreShareMean()) + " busy" + others + ", although"
                    + " the CPU set had room, so work that passes through that one thread"
                    + " caps the throughput.";
        }
        if (cost.isPresent() && grew(first, p)) {
            return "No CPU figure is at its limit, but " + cost.get() + ": adding senders adds"
                    + " CPU work per message rather than throughput.";
        }
        return "No CPU figure is at its limit here (CPU set, busiest thread and senders all"
                + " under " + percent(SATURATED) + (cost.map(c -> "; " + c).orElse(""))
                + "), so running out of CPU does not explain where it stops; the measured"
                + " figures do not say what does.";
    }

    private static Optional<String> costChange(PointSummary first, PointSummary p) {
        double a = first.resources().receiverCpuMicrosPerMessage().mean();
        double b = p.resources().receiverCpuMicrosPerMessage().mean();
        if (first == p || !Double.isFinite(a) || !Double.isFinite(b) || a <= 0) {
            return Optional.empty();
        }
        return Optional.of("CPU per message went from " + micros(a) + " at "
                + Format.senders(first.senders()) + " to " + micros(b) + " at "
                + Format.senders(p.senders()) + " (" + signedPercent(b / a - 1) + ")");
    }

    private static boolean grew(PointSummary first, PointSummary p) {
        double a = first.resources().receiverCpuMicrosPerMessage().mean();
        double b = p.resources().receiverCpuMicrosPerMessage().mean();
        return b >= (1 + COST_GROWTH) * a;
    }

    private static Optional<Levelling> levelling(List<PointSummary> curve) {
        List<PointSummary> measured = curve.stream().filter(p -> p.throughput().n() > 0)
                .toList();
        return Levelling.of(measured.stream().mapToInt(PointSummary::senders).toArray(),
                measured.stream().mapToDouble(p -> p.ratioToFirst().value()).toArray(),
                Levelling.TOLERANCE);
    }

    static String micros(double value) {
        return Format.significant(value) + " µs";
    }

    static String percent(double share) {
        return Math.round(share * 100) + "%";
    }

    private static String signedPercent(double change) {
        long p = Math.round(change * 100);
        return (p > 0 ? "+" : "") + p + "%";
    }
}

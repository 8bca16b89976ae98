package dev.netscale.report;

import static dev.netscale.results.TrialBuilder.figures;
import static org.assertj.core.api.Assertions.assertThat;

import dev.netscale.results.PointSummaries;
import dev.netscale.results.PointSummary;
import dev.netscale.results.ResourceFigures;
import dev.netscale.results.TrialBuilder;
import dev.netscale.results.TrialRecord;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Two receivers on a receiver CPU set of one (CPU 0), one trial per point:
 *
 * <pre>
 * senders  native msg/s  us/msg  own  set   | wasmer msg/s  us/msg  own  set  busiest thread
 *    1        10,000       20    0.2  0.40  |    3,000        60    0.2  0.3  TokioTaskManage 0.20
 *    2        19,000       22    0.45 0.95  |    4,500        80    0.5  0.6  TokioTaskManage 0.97
 *    4        20,000       24    0.5  0.97  |    4,600        85    0.5  0.6  TokioTaskManage 0.98
 * </pre>
 *
 * Both stop growing at 2 senders (ratios 1, 1.9, 2.0 and 1, 1.5, 1.53): native with its CPU
 * set 95% busy, wasmer with one thread at 97% of a core and its set 60% busy.
 */
class ResourceFindingsTest {

    private static TrialRecord trial(String receiver, int senders, double throughput,
            String cpus, ResourceFigures f) {
        return TrialBuilder.ok(receiver, senders, throughput).receiverCpus(cpus, cpus)
                .resources(f).build();
    }

    private static List<PointSummary> points(String cpus) {
        List<TrialRecord> t = new ArrayList<>();
        t.add(trial("native", 1, 10_000, cpus, figures(20, 0.2, 0.40, 0.5,
                "netscale-receiv", 0.2)));
        t.add(trial("native", 2, 19_000, cpus, figures(22, 0.45, 0.95, 0.6,
                "netscale-receiv", 0.22, "netscale-receiv", 0.21)));
        t.add(trial("native", 4, 20_000, cpus, figures(24, 0.5, 0.97, 0.7,
                "netscale-receiv", 0.12, "netscale-receiv", 0.12)));
        t.add(trial("wasmer", 1, 3_000, cpus, figures(60, 0.2, 0.3, 0.5,
                "TokioTaskManage", 0.2)));
        t.add(trial("wasmer", 2, 4_500, cpus, figures(80, 0.5, 0.6, 0.5,
                "TokioTaskManage", 0.97, "wasmer", 0.2)));
        t.add(trial("wasmer", 4, 4_600, cpus, figures(85, 0.5, 0.6, 0.5,
                "TokioTaskManage", 0.98, "wasmer", 0.1)));
        return PointSummaries.of(t, "native");
    }

    @Test
    void aHostWithOneReceiverCpuSaysSoAndLeadsWithTheCostPerMessage() {
        List<String> lines = ResourceFindings.lines(points("0"), "native");

        assertThat(lines.get(2)).startsWith("This host gave the receiver 1 CPU, too few to show"
                + " how a receiver scales with senders");
        assertThat(lines.get(4)).isEqualTo("Receiver CPU per message: **native** 20.0 µs at 1"
                + " sender and 24.0 µs at 4 senders; **wasmer** 60.0 µs at 1 sender (3.00×"
                + " native) and 85.0 µs at 4 senders.");
        assertThat(lines.get(6)).startsWith("- **native**: stops growing at 2 senders.");
    }

    @Test
    void aLargerHostPutsEachReceiversExplanationFirst() {
        List<String> lines = ResourceFindings.lines(points("0-7"), "native");

        assertThat(lines).noneMatch(l -> l.startsWith("This host gave"));
        assertThat(lines.get(2)).startsWith("- **native**:");
        assertThat(lines).contains("Receiver CPU per message: **native** 20.0 µs at 1 sender"
                + " and 24.0 µs at 4 senders; **wasmer** 60.0 µs at 1 sender (3.00× native) and"
                + " 85.0 µs at 4 senders.");
    }

    @Test
    void aReceiverWhoseCpuSetIsBusyRanOutOfCpu() {
        String text = ResourceFindings.explain("native",
                PointSummaries.byReceiver(points("0")).get("native"));

        assertThat(text).isEqualTo("**native**: stops growing at 2 senders. At 2 senders, each"
                + " message cost 22.0 µs of receiver CPU; the receiver kept 45% of its 1 CPU busy"
                + " (0.450 cores), its CPU set was 95% busy, its busiest thread,"
                + " `netscale-receiv`, ran 22% of one core, it had up to 3 OS threads, its"
                + " threads switched 1.00 times per message to wait and 0.100 times"
                + " involuntarily, the senders' CPU set was 60% busy. Its CPU set ran out of"
                + " CPU: at 95% busy, more senders can only share the same CPUs, and"
                + " throughput is capped by the CPU each message costs; CPU per message went"
                + " from 20.0 µs at 1 sender to 22.0 µs at 2 senders (+10%).");
    }

    @Test
    void aThreadNearOneCoreWhileTheSetHasRoomIsCalledTheBottleneck() {
        String text = ResourceFindings.explain("wasmer",
                PointSummaries.byReceiver(points("0")).get("wasmer"));

        assertThat(text).endsWith("One thread is the bottleneck: `TokioTaskManage` kept one"
                + " core 97% busy while the next busiest ran 20%, although the CPU set had"
                + " room, so work that passes through that one thread caps the throughput.");
    }

    @Test
    void senderLimitedPointsAreBlamedOnTheSenders() {
        List<PointSummary> curve = PointSummaries.of(List.of(
                trial("jvm", 1, 1000, "0", figures(50, 0.3, 0.5, 0.95, "conn-0", 0.3)),
                trial("jvm", 2, 1050, "0", figures(50, 0.3, 0.5, 0.97, "conn-0", 0.3))),
                null);

        // 1,050 msg/s at 2 senders gains under 10%: it stops at 1 sender, whose senders' CPU
        // set was 95% busy.

        assertThat(ResourceFindings.explain("jvm", curve)).endsWith("The senders ran out of CPU"
                + " here (sender-limited in 1 of 1 trials), so this limit may be the senders',"
                + " not the receiver's.");
    }

    @Test
    void withNoFigureAtItsLimitItSaysTheFiguresDoNotExplainThePlateau() {
        List<PointSummary> curve = PointSummaries.of(List.of(
                trial("jvm", 1, 1000, "0", figures(50, 0.3, 0.5, 0.5, "conn-0", 0.3)),
                trial("jvm", 2, 1500, "0", figures(52, 0.3, 0.5, 0.5, "conn-0", 0.3)),
                trial("jvm", 4, 1550, "0", figures(52, 0.3, 0.5, 0.5, "conn-0", 0.3))),
                null);

        assertThat(ResourceFindings.explain("jvm", curve)).endsWith("No CPU figure is at its"
                + " limit here (CPU set, busiest thread and senders all under 90%; CPU per"
                + " message went from 50.0 µs at 1 sender to 52.0 µs at 2 senders (+4%)), so"
                + " running out of CPU does not explain where it stops; the measured figures do"
                + " not say what does.");
    }

    @Test
    void saysNothingWhenNoTrialHadItsResourcesMeasured() {
        assertThat(ResourceFindings.lines(PointSummaries.of(Fixtures.trials(), "native"),
                "native")).isEmpty();
    }

    @Test
    void theFindingsOfAOneCpuReceiverSayWhatItsRatiosCanAndCannotShow(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        List<TrialRecord> trials = new ArrayList<>();
        for (String r : List.of("native", "wasmer")) {
            trials.add(trial(r, 1, 10_000, "0", figures(20, 0.2, 0.4, 0.5, "a", 0.2)));
            trials.add(trial(r, 2, 19_000, "0", figures(22, 0.4, 0.9, 0.6, "a", 0.2)));
        }
        Reports.write(dir, new ReportInput("small", "", "native", java.util.Optional.empty(),
                trials, java.util.Map.of(), List.of()));

        String report = java.nio.file.Files.readString(dir.resolve("report.md"));
        String findings = report.substring(report.indexOf("## Findings"));
        assertThat(findings).contains("This host gave the receiver 1 CPU. With so few, the"
                + " ratios below show how far more connections fill the receiver's idle time");
    }

    @Test
    void aCurveStillGrowingWhereItsSendersRanOutOfCpuSaysTheLimitIsTheSenders() {
        List<TrialRecord> t = List.of(
                trial("native", 1, 10_000, "0", figures(20, 0.2, 0.40, 0.5)),
                trial("native", 2, 19_000, "0", figures(15, 0.4, 0.8, 0.8)),
                trial("native", 4, 40_000, "0", figures(8, 0.5, 1.0, 0.97)));

        String line = ResourceFindings.lines(PointSummaries.of(t, "native"), "native").stream()
                .filter(l -> l.startsWith("- **native**")).findFirst().orElseThrow();

        assertThat(line).startsWith("- **native**: still growing at 4 senders, so there is"
                + " no plateau to explain.").endsWith("But its senders ran out of CPU there"
                + " (sender-limited in 1 of 1 trials), so how far it grows is the senders'"
                + " limit here, not the receiver's; give the senders more CPUs to see further.");
    }
}

package dev.netscale.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.netscale.backend.TrialOutput;
import dev.netscale.backend.TrialOutput.SenderOutput;
import dev.netscale.plan.Planner;
import dev.netscale.plan.Trial;
import dev.netscale.resources.CpuSetUse;
import dev.netscale.resources.CpuTime;
import dev.netscale.resources.ResourceUse;
import dev.netscale.resources.TaskReading;
import dev.netscale.results.ResourceFigures;
import dev.netscale.results.TrialRecord;
import dev.netscale.spec.CpuSet;
import dev.netscale.spec.ExperimentSpec;
import dev.netscale.spec.SpecLoader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TrialAnalyzerTest {
    private static final ExperimentSpec SPEC = new SpecLoader(CpuSet.parseList("0-1")).parse("""
            name: t
            message: { total: 200 }
            senders: { counts: 2 }
            receivers: [ { runtime: native } ]
            repetitions: 1
            """, Path.of("t.yaml"));
    private static final Trial TRIAL = Planner.plan(SPEC, 1, CpuSet.parseList("0-1")).get(0);

    /**
     * Two connections of 100 messages. Connection 0 receives from 1 ms to 11 ms, connection 1
     * from 2 ms to 10 ms; 190 messages arrived while both were active.
     */
    private static final List<String> RECEIVER = List.of(
            "ready port=1 pid=2 runtime=native",
            "released ns=900000",
            "conn id=0 thread=11 thread-kind=os messages=100 warmup=0 first-ns=1000000"
                    + " last-ns=11000000 active=90",
            "conn id=1 thread=12 thread-kind=os messages=100 warmup=0 first-ns=2000000"
                    + " last-ns=10000000 active=100",
            "done connections=2 messages=200");

    private static List<String> sender(int id, long start, long end, String rtt) {
        return List.of("connected connections=1 cpus=1",
                "conn id=" + id + " messages=100 start-ns=" + start + " end-ns=" + end,
                "rtt id=" + id + " unit=ns " + rtt,
                "sender-done connections=1 messages=100 cpu-user-us=5 cpu-sys-us=7");
    }

    private static TrialOutput output(List<String> receiver, int receiverExit,
            List<String> s0, List<String> s1, int s1Exit) {
        return new TrialOutput(receiver, receiverExit, List.of(new SenderOutput(0, s0, 0, "1"),
                new SenderOutput(1, s1, s1Exit, "1")), Optional.empty(), "0", 12, 34,
                Path.of("logs"));
    }

    private static TrialRecord analyze(TrialOutput out) {
        return new TrialAnalyzer(SPEC).analyze(TRIAL, out, Instant.EPOCH);
    }

    @Test
    void measuresThroughputOverTheWindowFromFirstToLastReceive() {
        TrialRecord r = analyze(output(RECEIVER, 0,
                sender(0, 500_000, 11_500_000, "20000:50 40000:50"),
                sender(1, 600_000, 10_400_000, "20000:100"), 0));

        assertThat(r.ok()).isTrue();
        assertThat(r.messages()).isEqualTo(200);
        assertThat(r.windowNanos()).isEqualTo(10_000_000);
        // 200 messages / 10 ms
        assertThat(r.throughput()).isCloseTo(20_000, within(1e-6));
        // both active from 2 ms to 10 ms: 190 messages / 8 ms
        assertThat(r.activeWindowNanos()).isEqualTo(8_000_000);
        assertThat(r.activeThroughput()).isCloseTo(23_750, within(1e-6));
        // (10 ms + 8 ms) of connection time over a 10 ms window
        assertThat(r.effectiveConcurrency()).isCloseTo(1.8, within(1e-9));
        // senders: 200 messages from 0.5 ms to 11.5 ms
        assertThat(r.senderThroughput()).isCloseTo(200 / 0.011, within(1e-6));
        assertThat(r.receiverThreads()).isEqualTo(2);
        // 150 of 200 round trips at 20 us, 50 at 40 us: p50 and p90 fall in their buckets.
        assertThat(r.rttP50Micros()).isCloseTo(20, within(0.1));
        assertThat(r.rttP90Micros()).isCloseTo(40, within(0.1));
        assertThat(r.rttHistogram()).isNotEmpty();
        assertThat(r.warnings()).containsExactly(Warning.SHORT_WINDOW.id());
    }

    /**
     * Over a 10 ms window the receiver used 2 ms user and 6 ms system CPU on its one CPU,
     * which was 90% busy; its three threads used 4, 3 and 0.5 ms with 252 voluntary and 8
     * involuntary switches. The senders' CPU was 95% busy; each sender used 5 + 7 us.
     */
    private static final ResourceUse USE = new ResourceUse("proc", 10_000_000,
            new CpuTime.CpuUse(8_000_000, 2_000_000, 6_000_000),
            new CpuSetUse(1, 9_000_000, 10_000_000), new CpuSetUse(1, 9_500_000, 10_000_000),
            3, List.of(new TaskReading(11, "netscale-receiv", 4_000_000, 150, 5),
                    new TaskReading(12, "netscale-receiv", 3_000_000, 100, 3),
                    new TaskReading(10, "main", 500_000, 2, 0)), 3, 200_000, 10_000_000);

    @Test
    void measuresCpuPerMessageCoresBusyAndSwitchesFromTheProbesReading() {
        TrialOutput out = output(RECEIVER, 0, sender(0, 500_000, 11_500_000, "20000:100"),
                sender(1, 600_000, 10_400_000, "20000:100"), 0);
        TrialRecord r = analyze(new TrialOutput(out.receiverLines(), 0, out.senders(),
                Optional.empty(), "0", 12, 34, Path.of("logs"), Optional.of(USE),
                Optional.empty()));

        ResourceFigures f = r.resources();
        assertThat(f.receiverCpuUserMillis()).isCloseTo(2, within(1e-9));
        assertThat(f.receiverCpuSystemMillis()).isCloseTo(6, within(1e-9));
        // 8,000 us over 200 messages
        assertThat(f.receiverCpuMicrosPerMessage()).isCloseTo(40, within(1e-9));
        // 8 ms of CPU in 10 ms, on a CPU set of one
        assertThat(f.receiverCoresBusy()).isCloseTo(0.8, within(1e-9));
        assertThat(f.receiverCoresShare()).isCloseTo(0.8, within(1e-9));
        assertThat(f.receiverCpusetBusyShare()).isCloseTo(0.9, within(1e-9));
        assertThat(f.receiverCpusetMicrosPerMessage()).isCloseTo(45, within(1e-9));
        assertThat(f.receiverThreadsOs()).isEqualTo(3);
        assertThat(f.receiverVoluntarySwitchesPerMessage()).isCloseTo(252 / 200.0, within(1e-9));
        assertThat(f.receiverInvoluntarySwitchesPerMessage()).isCloseTo(8 / 200.0,
                within(1e-9));
        assertThat(f.busiestThreadName()).isEqualTo("netscale-receiv");
        assertThat(f.busiestThreadCoreShare()).isCloseTo(0.4, within(1e-9));
        assertThat(f.busiestThreads()).hasSize(3);
        assertThat(f.threadCpuCoverage()).isCloseTo(7.5 / 8, within(1e-9));
        assertThat(f.source()).isEqualTo("proc");
        assertThat(f.probeCpuMillis()).isCloseTo(0.2, within(1e-9));
        // two senders of 12 us each over 200 messages
        assertThat(f.senderCpuMicrosPerMessage()).isCloseTo(0.12, within(1e-9));
    }

    @Test
    void warnsWhenTheReadingsSpannedFarMoreThanTheMeasuredPhase() {
        // The phase is 0.9 ms (release) to 11 ms (last message): 10.1 ms. Readings over 10 ms
        // are fine; over 25 ms (a done line that reached the runner late) they dilute shares.
        ResourceUse wide = new ResourceUse(USE.source(), 25_000_000, USE.cpu(),
                USE.receiverCpuSet(), USE.senderCpuSet(), USE.threadsPeak(), USE.threads(),
                USE.samples(), USE.probeCpuNanos(), USE.cpuResolutionNanos());
        TrialOutput out = output(RECEIVER, 0, sender(0, 500_000, 11_500_000, "20000:100"),
                sender(1, 600_000, 10_400_000, "20000:100"), 0);

        TrialRecord tight = analyze(new TrialOutput(out.receiverLines(), 0, out.senders(),
                Optional.empty(), "0", 12, 34, Path.of("logs"), Optional.of(USE),
                Optional.empty()));
        TrialRecord loose = analyze(new TrialOutput(out.receiverLines(), 0, out.senders(),
                Optional.empty(), "0", 12, 34, Path.of("logs"), Optional.of(wide),
                Optional.empty()));

        assertThat(tight.warnings()).doesNotContain(Warning.WIDE_PROBE.id());
        assertThat(loose.warnings()).contains(Warning.WIDE_PROBE.id());
        assertThat(loose.resources().receiverCpuMicrosPerMessage()).isCloseTo(40,
                within(1e-9));
    }

    @Test
    void marksATrialSenderLimitedWhenTheSendersCpuSetWasAtLeast90PercentBusy() {
        TrialOutput out = output(RECEIVER, 0, sender(0, 500_000, 11_500_000, "20000:100"),
                sender(1, 600_000, 10_400_000, "20000:100"), 0);
        TrialRecord r = analyze(new TrialOutput(out.receiverLines(), 0, out.senders(),
                Optional.empty(), "0", 12, 34, Path.of("logs"), Optional.of(USE),
                Optional.empty()));

        assertThat(r.resources().senderCpusetBusyShare()).isCloseTo(0.95, within(1e-9));
        assertThat(r.resources().senderLimited()).isTrue();
        assertThat(r.warnings()).contains(Warning.SENDER_LIMITED.id());
    }

    @Test
    void warnsWhenTheCpuTimeWasTooFewClockTicksToReadTo10Percent() {
        TrialOutput out = output(RECEIVER, 0, sender(0, 500_000, 11_500_000, "20000:100"),
                sender(1, 600_000, 10_400_000, "20000:100"), 0);
        TrialRecord r = analyze(new TrialOutput(out.receiverLines(), 0, out.senders(),
                Optional.empty(), "0", 12, 34, Path.of("logs"), Optional.of(USE),
                Optional.empty()));

        // 8 ms of CPU is less than one 10 ms tick
        assertThat(r.warnings()).contains(Warning.COARSE_CPU.id());
    }

    @Test
    void leavesResourceFiguresEmptyWhenNothingWasProbed() {
        TrialRecord r = analyze(output(RECEIVER, 0, sender(0, 500_000, 11_500_000, "20000:100"),
                sender(1, 600_000, 10_400_000, "20000:100"), 0));

        assertThat(r.resources().measured()).isFalse();
        assertThat(r.resources().receiverCpuMicrosPerMessage()).isNaN();
        assertThat(r.resources().senderLimited()).isFalse();
        // the senders' own CPU time is known without a probe
        assertThat(r.resources().senderCpuMicrosPerMessage()).isCloseTo(0.12, within(1e-9));
    }

    @Test
    void failsATrialWhoseSenderReportedAnAckMismatch() {
        List<String> bad = List.of("connected connections=1",
                "error id=1 reason=ack-mismatch seq=5 offset=1023",
                "sender-done connections=1 messages=5 cpu-user-us=0 cpu-sys-us=0");
        TrialRecord r = analyze(output(RECEIVER, 0, sender(0, 1, 2, "1:1"), bad, 1));
        assertThat(r.ok()).isFalse();
        assertThat(r.failure()).isEqualTo("sender 1: id=1 reason=ack-mismatch seq=5"
                + " offset=1023");
        assertThat(r.throughput()).isNaN();
    }

    @Test
    void failsATrialWithFewerConnectionsThanSenders() {
        List<String> one = List.of(RECEIVER.get(0), RECEIVER.get(1), RECEIVER.get(2),
                "done connections=1 messages=100");
        TrialRecord r = analyze(output(one, 0, sender(0, 1, 2, "1:1"),
                sender(1, 1, 2, "1:1"), 0));
        assertThat(r.failure()).isEqualTo("receiver reported 1 distinct connections of 2");
    }

    @Test
    void failsATrialWhoseCountsDoNotAddUp() {
        List<String> shortCount = List.of(RECEIVER.get(0), RECEIVER.get(2), RECEIVER.get(3)
                .replace("messages=100", "messages=99"), RECEIVER.get(4));
        TrialRecord r = analyze(output(shortCount, 0, sender(0, 1, 2, "1:1"),
                sender(1, 1, 2, "1:1"), 0));
        assertThat(r.failure()).isEqualTo("receiver counted 99 messages on connection 1,"
                + " expected 100");
    }

    @Test
    void keepsTheBackendsOwnReasonFirst() {
        TrialOutput timedOut = new TrialOutput(List.of(RECEIVER.get(0)), -1, List.of(),
                Optional.of("timed out waiting for the receiver's done line"), "0", 0, 0,
                Path.of("logs"));
        assertThat(analyze(timedOut).failure())
                .isEqualTo("timed out waiting for the receiver's done line");
    }
}

package dev.netscale.results;

import static dev.netscale.results.TrialBuilder.failed;
import static dev.netscale.results.TrialBuilder.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.netscale.stats.Ratio;
import dev.netscale.stats.RttPercentiles;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class PointSummariesTest {

    // native: 1 sender {100, 110, 120} (mean 110, sd 10); 2 senders {190, 200, 210} (mean 200)
    // and one failed trial. wasmer: 1 sender {55, 60, 65} (mean 60); 2 senders {90, 100, 110}
    // (mean 100). Listed out of order on purpose.
    static final List<TrialRecord> TRIALS = List.of(
            ok("native", 2, 190).build(), ok("native", 1, 100).build(),
            ok("wasmer", 1, 55).build(), ok("native", 2, 200).build(),
            ok("native", 1, 110).build(), failed("native", 2, "lost 3 messages").build(),
            ok("wasmer", 2, 90).build(), ok("native", 1, 120).build(),
            ok("wasmer", 1, 60).build(), ok("native", 2, 210).build(),
            ok("wasmer", 2, 100).build(), ok("wasmer", 1, 65).build(),
            ok("wasmer", 2, 110).build());

    @Test
    void pointsFollowTheReceiverOrderOfTheTrialsAndAscendingSenders() {
        List<PointSummary> points = PointSummaries.of(TRIALS, "native");

        assertThat(points).extracting(PointSummary::point).containsExactly(
                new PointKey("native", 1), new PointKey("native", 2),
                new PointKey("wasmer", 1), new PointKey("wasmer", 2));
    }

    @Test
    void failedTrialsAreCountedAndExplainedButNotAveraged() {
        PointSummary nativeTwo = PointSummaries.of(TRIALS, "native").get(1);

        assertThat(nativeTwo.okTrials()).isEqualTo(3);
        assertThat(nativeTwo.failedTrials()).isEqualTo(1);
        assertThat(nativeTwo.throughput().mean()).isEqualTo(200.0);
        assertThat(nativeTwo.throughput().sd()).isCloseTo(10.0, within(1e-9));
        assertThat(nativeTwo.failures()).containsExactly("lost 3 messages");
    }

    @Test
    void theRatioToOneSenderDividesByTheSameReceiversFirstPoint() {
        List<PointSummary> points = PointSummaries.of(TRIALS, "native");

        // 200 / 110 = 1.818182; the 1-sender point is 1 by definition.
        assertThat(points.get(0).ratioToFirst()).isEqualTo(Ratio.exact(1));
        assertThat(points.get(1).ratioToFirst().value()).isCloseTo(1.818182, within(1e-6));
        assertThat(points.get(1).ratioToFirst().hasInterval()).isTrue();
        assertThat(points.get(1).firstSenders()).isEqualTo(1);
    }

    @Test
    void theRatioToTheBaselineDividesByItAtTheSameSenderCount() {
        List<PointSummary> points = PointSummaries.of(TRIALS, "native");

        // wasmer / native: 60 / 110 = 0.545455 at 1 sender, 100 / 200 = 0.5 at 2.
        assertThat(points.get(2).ratioToBaseline().value()).isCloseTo(0.545455, within(1e-6));
        assertThat(points.get(3).ratioToBaseline().value()).isCloseTo(0.5, within(1e-12));
        assertThat(points.get(3).ratioToBaseline().ci95Low()).isLessThan(0.5);
        assertThat(points.get(0).ratioToBaseline()).isEqualTo(Ratio.exact(1));
        assertThat(points.get(3).baseline()).isEqualTo("native");
    }

    @Test
    void withoutBaselineThereIsNoBaselineRatio() {
        List<PointSummary> points = PointSummaries.of(TRIALS, null);

        assertThat(points).extracting(PointSummary::ratioToBaseline).containsOnly(Ratio.NONE);
    }

    @Test
    void whenEveryOneSenderTrialFailedTheSmallestCountThatWorkedIsTheReference() {
        List<TrialRecord> trials = List.of(failed("jvm", 1, "timed out").build(),
                ok("jvm", 2, 100).build(), ok("jvm", 2, 100).build(),
                ok("jvm", 4, 300).build(), ok("jvm", 4, 300).build());

        List<PointSummary> points = PointSummaries.of(trials, null);

        // 300 / 100 = 3, with no spread on either side, so a zero-width interval.
        assertThat(points.get(0).ratioToFirst()).isEqualTo(Ratio.NONE);
        assertThat(points.get(2).firstSenders()).isEqualTo(2);
        assertThat(points.get(2).ratioToFirst().value()).isEqualTo(3.0);
        assertThat(points.get(2).ratioToFirst().ci95HalfWidth()).isZero();
    }

    @Test
    void roundTripsAreMergedFromTheSuccessfulTrialsOnly() {
        Histogram fast = new Histogram(3);
        fast.recordValueWithCount(1_000, 10);
        Histogram slow = new Histogram(3);
        slow.recordValueWithCount(2_000, 10);
        List<TrialRecord> trials = List.of(
                ok("native", 1, 100).rtt(RttPercentiles.encode(fast)).build(),
                failed("native", 1, "corrupt ack").rtt(RttPercentiles.encode(slow)).build());

        PointSummary p = PointSummaries.of(trials, null).get(0);

        assertThat(p.rtt().histograms()).isEqualTo(1);
        assertThat(p.rtt().maxMicros()).isEqualTo(1.0);
    }

    @Test
    void anUnreadableHistogramNamesItsPoint() {
        String notAHistogram = "bm90IGEgaGlzdG9ncmFt";
        List<TrialRecord> trials = List.of(ok("native", 2, 100).rtt(notAHistogram).build());

        assertThatThrownBy(() -> PointSummaries.of(trials, null))
                .isInstanceOf(ResultsException.class)
                .hasMessageStartingWith("native at 2 senders: a trial's rtt_histogram cannot be"
                        + " read: not an encoded HdrHistogram");
    }

    @Test
    void cpuSetsAreTheReportedOnesAndTheRequestedOnesOnlyWhenNoneWasReported() {
        List<TrialRecord> reported = List.of(
                ok("native", 1, 100).receiverCpus("0-1", "0,1").build(),
                failed("native", 1, "no ready line").receiverCpus("0-1", "").build());
        List<TrialRecord> unreported = List.of(
                failed("native", 1, "no ready line").receiverCpus("0-1", "").build());

        assertThat(PointSummaries.of(reported, null).get(0).receiverCpus()).isEqualTo("0,1");
        assertThat(PointSummaries.of(unreported, null).get(0).receiverCpus()).isEqualTo("0-1");
    }
}

package dev.netscale.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netscale.results.PointSummaries;
import dev.netscale.results.TrialBuilder;
import dev.netscale.stats.Levelling;
import dev.netscale.stats.Ratio;
import java.util.List;
import org.junit.jupiter.api.Test;

class FindingsTest {

    private static final List<String> PARAGRAPHS =
            Findings.paragraphs(PointSummaries.of(Fixtures.trials(), "native"), "native");

    @Test
    void eachReceiverGetsThroughputAtBothEndsAndItsScalingFactor() {
        // 7000 / 1100 = 6.36; the interval comes from Ratio.of, checked in RatioTest.
        assertThat(PARAGRAPHS.get(0)).startsWith("**native**: 1,100 msg/s at 1 sender and"
                + " 7,000 msg/s at 8 senders, a scaling factor of 6.36× (95% CI 4.97–7.75).");
    }

    @Test
    void aCurveWhoseLargestRatioIsAtTheLargestCountIsStillGrowing() {
        assertThat(PARAGRAPHS.get(0)).contains("Still growing at 8 senders: its largest"
                + " ratio, 6.36×, is at the largest count measured.");
    }

    @Test
    void aCurveThatFlattensSaysWhereItStopsGrowing() {
        // wasmer's ratios are 1, 1.909, 2.091, 2.000 at 1, 2, 4, 8 senders. From 2 senders
        // the median of {1.909, 2.091, 2.000} is 2.000 <= 1.1 * 1.909 = 2.100.
        assertThat(PARAGRAPHS.get(1)).contains("Stops growing at 2 senders; its largest ratio"
                + " is 2.09× at 4 senders, and 2.00× at 8 senders.");
    }

    @Test
    void otherReceiversAreComparedWithTheBaselineAtBothEnds() {
        // 550 / 1100 = 0.5 and 1100 / 7000 = 0.157; both intervals lie below 1.
        assertThat(PARAGRAPHS.get(1)).endsWith("Against native: 0.500× (95% CI 0.397–0.603)"
                + " at 1 sender, lower; 0.157× (95% CI 0.141–0.173) at 8 senders, lower.");
        assertThat(PARAGRAPHS.get(0)).doesNotContain("Against");
    }

    @Test
    void withOneRepetitionTheComparisonGivesNoVerdict() {
        // 500 / 1000 at 1 sender and 500 / 2000 at 2 senders, one trial each.
        var points = PointSummaries.of(List.of(TrialBuilder.ok("native", 1, 1000).build(),
                TrialBuilder.ok("native", 2, 2000).build(), TrialBuilder.ok("jvm", 1, 500).build(),
                TrialBuilder.ok("jvm", 2, 500).build()), "native");

        assertThat(Findings.paragraphs(points, "native").get(1)).endsWith("Against native:"
                + " 0.500× at 1 sender and 0.250× at 2 senders; with one repetition there is no"
                + " interval, so no verdict.");
    }

    @Test
    void aPeakAtTheLargestCountAfterAPlateauIsCalledPossiblyStillGrowing() {
        String text = Findings.growth(new Levelling(2, 2.1, 8, 8, 2.1));

        assertThat(text).isEqualTo("Stops growing at 2 senders by the rule above (senders"
                + " beyond it typically add less than 10%), but its largest ratio, 2.10×, is at"
                + " the largest count measured, 8 senders, so a wider sweep may show more"
                + " growth.");
    }

    @Test
    void theVerdictAgainstTheBaselineNeedsTheWholeIntervalOnOneSide() {
        assertThat(Findings.verdict(new Ratio(0.9, 0.8, 1.0, 4))).isEqualTo(
                "not significantly different");
        assertThat(Findings.verdict(new Ratio(1.2, 1.1, 1.3, 4))).isEqualTo("higher");
        assertThat(Findings.verdict(new Ratio(1.2, Double.NaN, Double.NaN, Double.NaN)))
                .isEqualTo("no interval (one repetition), so no verdict");
    }

    @Test
    void aReceiverWhoseTrialsAllFailedSaysSo() {
        var points = PointSummaries.of(List.of(
                TrialBuilder.failed("jvm", 1, "timed out").runtime("jvm").build()), null);

        assertThat(Findings.paragraphs(points, null)).containsExactly(
                "**jvm**: every trial failed, so there is nothing to report.");
    }

    @Test
    void aReceiverWithOneSenderCountHasNoScalingToReport() {
        var points = PointSummaries.of(List.of(TrialBuilder.ok("wasm", 4, 2_500)
                .runtime("wasmer").compiler("llvm").build()), null);

        assertThat(Findings.paragraphs(points, null)).containsExactly(
                "**wasm** (runtime wasmer, compiler llvm): 2,500 msg/s at 4 senders, the only"
                        + " sender count that worked: no scaling to report.");
    }

    @Test
    void aScalingFactorThatRestsOnSenderLimitedTrialsSaysSo() {
        var points = PointSummaries.of(List.of(
                TrialBuilder.ok("native", 1, 1000).repetition(1)
                        .resources(TrialBuilder.figures(20, 0.5, 0.6, 0.5)).build(),
                TrialBuilder.ok("native", 1, 1000).repetition(2)
                        .resources(TrialBuilder.figures(20, 0.5, 0.6, 0.5)).build(),
                TrialBuilder.ok("native", 4, 5000).repetition(1)
                        .resources(TrialBuilder.figures(10, 0.9, 1.0, 0.95)).build(),
                TrialBuilder.ok("native", 4, 5000).repetition(2)
                        .resources(TrialBuilder.figures(10, 0.9, 1.0, 0.5)).build()), "native");

        assertThat(Findings.paragraphs(points, "native").get(0)).contains("a scaling factor of"
                + " 5.00×. Read this factor with care: 1 of 2 trials at 4 senders was"
                + " sender-limited (the senders' CPUs at least 90% busy), so the senders, not the"
                + " receiver, may have set that throughput.");
        assertThat(PARAGRAPHS).noneMatch(p -> p.contains("sender-limited"));
    }
}

package dev.netscale.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netscale.measure.Warning;
import dev.netscale.results.PointSummaries;
import dev.netscale.results.TrialBuilder;
import dev.netscale.results.TrialRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

class QualityWarningsTest {

    @Test
    void recordedWarningsAreGroupedByKindWithThePointsAndTheAdvice() {
        List<TrialRecord> trials = List.of(
                TrialBuilder.ok("native", 1, 100).warning("short-window").build(),
                TrialBuilder.ok("native", 1, 100).warning("short-window: 12 ms").build(),
                TrialBuilder.ok("native", 2, 200).warning("short-window").build());

        List<QualityWarnings.Kind> kinds = QualityWarnings.of(trials, List.of());

        assertThat(kinds).hasSize(1);
        QualityWarnings.Kind k = kinds.get(0);
        assertThat(k.kind()).isEqualTo("short-window");
        assertThat(k.trials()).isEqualTo(3);
        assertThat(k.points()).containsExactly("native at 1 sender", "native at 2 senders");
        assertThat(k.advice()).isEqualTo(Warning.SHORT_WINDOW.advice());
    }

    @Test
    void aKindNetscaleDoesNotKnowPointsToTheTrials() {
        List<TrialRecord> trials = List.of(
                TrialBuilder.ok("native", 1, 100).warning("odd-thing").build());

        assertThat(QualityWarnings.of(trials, List.of()).get(0).advice())
                .isEqualTo("see the warnings column of trials.csv");
    }

    @Test
    void pointsWithOneRepetitionOrAWideIntervalAreFoundInTheAggregates() {
        // jvm at 1 sender: one trial, no interval. jvm at 2 senders: {100, 140}, sd 28.3,
        // half width 12.706 * 28.3 / sqrt(2) = 254 > 10% of 120. jvm at 4 senders: {300, 300,
        // 303}, sd 1.73, half width 4.303 * 1.73 / sqrt(3) = 4.3 < 10% of 301.
        List<TrialRecord> trials = List.of(TrialBuilder.ok("jvm", 1, 100).build(),
                TrialBuilder.ok("jvm", 2, 100).build(), TrialBuilder.ok("jvm", 2, 140).build(),
                TrialBuilder.ok("jvm", 4, 300).build(), TrialBuilder.ok("jvm", 4, 300).build(),
                TrialBuilder.ok("jvm", 4, 303).build());

        List<QualityWarnings.Kind> kinds =
                QualityWarnings.of(trials, PointSummaries.of(trials, null));

        assertThat(kinds).extracting(QualityWarnings.Kind::kind)
                .containsExactly("single-repetition", "high-variance");
        assertThat(kinds.get(0).points()).containsExactly("jvm at 1 sender");
        assertThat(kinds.get(1).points()).containsExactly("jvm at 2 senders");
        assertThat(kinds.get(1).trials()).isZero();
    }

    @Test
    void aPointScalingFasterThanItsSenderCountBeyondItsIntervalIsMarkedSuperlinear() {
        // 1 sender about 100, 2 senders about 300: a ratio near 3 with a narrow interval,
        // above the linear 2. 4 senders about 390: 3.9, below the linear 4.
        List<TrialRecord> trials = new java.util.ArrayList<>();
        for (double d : new double[] {-2, 0, 2}) {
            trials.add(TrialBuilder.ok("native", 1, 100 + d).build());
            trials.add(TrialBuilder.ok("native", 2, 300 + d).build());
            trials.add(TrialBuilder.ok("native", 4, 390 + d).build());
        }

        List<QualityWarnings.Kind> kinds =
                QualityWarnings.of(trials, PointSummaries.of(trials, null));

        assertThat(kinds).extracting(QualityWarnings.Kind::kind).containsExactly("superlinear");
        assertThat(kinds.get(0).points()).containsExactly("native at 2 senders");
        assertThat(kinds.get(0).advice()).isEqualTo(Warning.SUPERLINEAR.advice());
    }

    @Test
    void aSuperlinearRatioWithoutAnIntervalGetsNoVerdict() {
        List<TrialRecord> trials = List.of(TrialBuilder.ok("native", 1, 100).build(),
                TrialBuilder.ok("native", 2, 300).build());

        assertThat(QualityWarnings.of(trials, PointSummaries.of(trials, null)))
                .extracting(QualityWarnings.Kind::kind).doesNotContain("superlinear");
    }
}

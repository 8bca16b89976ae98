package dev.netscale.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.netscale.results.TrialBuilder;
import dev.netscale.results.TrialRecord;
import dev.netscale.spec.ExperimentSpec.Convergence;
import dev.netscale.stats.Sample;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConvergenceRuleTest {
    /**
     * 98, 100, 102: mean 100, sd 2, t(0.975, 2 df) = 4.303, so the half-width is
     * 4.303 x 2 / sqrt(3) = 4.97, that is +-4.97% of the mean.
     */
    private static final Sample THREE_CLOSE = Sample.of(98, 100, 102);

    @Test
    void aPointConvergesWhenItsHalfWidthIsWithinTheTargetShareOfItsMean() {
        assertThat(ConvergenceRule.relativeHalfWidth(THREE_CLOSE)).isCloseTo(0.0497,
                within(0.0001));
        assertThat(ConvergenceRule.converged(new Convergence(0.05, 3, 10), THREE_CLOSE))
                .isTrue();
        assertThat(ConvergenceRule.converged(new Convergence(0.04, 3, 10), THREE_CLOSE))
                .isFalse();
    }

    @Test
    void aPointWithFewerSuccessfulTrialsThanTheMinimumHasNotConverged() {
        // 100 and 100.1: a tiny interval, but min is 3.
        assertThat(ConvergenceRule.converged(new Convergence(0.05, 3, 10),
                Sample.of(100, 100.1))).isFalse();
        assertThat(ConvergenceRule.converged(new Convergence(0.05, 2, 10),
                Sample.of(100, 100.1))).isTrue();
    }

    @Test
    void unconvergedPointsAreNamedWithWhatTheyReachedAndFailedTrialsCountAsRepetitions() {
        List<TrialRecord> trials = List.of(
                TrialBuilder.ok("native", 1, 98).repetition(1).build(),
                TrialBuilder.ok("native", 1, 100).repetition(2).build(),
                TrialBuilder.ok("native", 1, 102).repetition(3).build(),
                // 60, 100, 140: sd 40, half-width 4.303 x 40 / sqrt(3) = 99.4, +-99.4%.
                TrialBuilder.ok("wasmer", 4, 60).repetition(1).build(),
                TrialBuilder.ok("wasmer", 4, 100).repetition(2).build(),
                TrialBuilder.ok("wasmer", 4, 140).repetition(3).build(),
                TrialBuilder.ok("jvm", 2, 100).repetition(1).build(),
                TrialBuilder.failed("jvm", 2, "no ack").repetition(2).build());

        List<ConvergenceRule.Unconverged> out = ConvergenceRule.unconverged(
                new Convergence(0.05, 2, 3), trials);

        assertThat(out).extracting(ConvergenceRule.Unconverged::describe).containsExactly(
                "wasmer at 4 senders: +-99.4% after 3 repetitions (target +-5%)",
                "jvm at 2 senders: no interval (1 successful) after 2 repetitions (target +-5%)");
    }
}

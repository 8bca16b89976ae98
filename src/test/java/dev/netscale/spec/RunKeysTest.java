package dev.netscale.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.BitSet;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The keys of repetition, order, calibration and expectations, and their problems. */
class RunKeysTest {
    private static final String HEAD = """
            name: k
            senders: { counts: [1, 2, 4, 8] }
            receivers: [ { id: native, runtime: native }, { id: wasmer, runtime: wasmer } ]
            """;

    private static ExperimentSpec parse(String rest) {
        BitSet two = new BitSet();
        two.set(0, 2);
        return new SpecLoader(two).parse(HEAD + rest, Path.of("k.yaml"));
    }

    private static List<String> problems(String rest) {
        try {
            parse(rest);
        } catch (SpecException e) {
            return e.problems().stream().map(SpecProblem::toString).toList();
        }
        throw new AssertionError("accepted:\n" + rest);
    }

    @Test
    void repetitionsAutoReadsTheConvergenceRuleAndPlansItsMaximum() {
        ExperimentSpec s = parse("""
                repetitions: auto
                convergence: { target: 2.5%, min: 4, max: 12 }
                """);
        assertThat(s.convergence()).contains(new ExperimentSpec.Convergence(0.025, 4, 12));
        assertThat(s.repetitions()).isEqualTo(12);
    }

    @Test
    void repetitionsAutoWithoutConvergenceTakesTheDefaults() {
        ExperimentSpec s = parse("repetitions: auto\n");
        assertThat(s.convergence()).contains(new ExperimentSpec.Convergence(
                Defaults.CONVERGENCE_TARGET, Defaults.CONVERGENCE_MIN, Defaults.CONVERGENCE_MAX));
    }

    @Test
    void orderIsShuffledByDefaultWithoutASeedAndCalibrationLastsThreeSeconds() {
        ExperimentSpec s = parse("");
        assertThat(s.order().shuffle()).isTrue();
        assertThat(s.order().seed()).isEmpty();
        assertThat(s.calibration()).contains(Duration.ofSeconds(3));
        assertThat(s.convergence()).isEmpty();
        assertThat(s.expectations()).isEmpty();
    }

    @Test
    void orderSeedAndCalibrationOffAreRead() {
        ExperimentSpec s = parse("""
                order: { shuffle: false, seed: 42 }
                calibration: off
                """);
        assertThat(s.order().shuffle()).isFalse();
        assertThat(s.order().seed()).hasValue(42);
        assertThat(s.calibration()).isEmpty();
    }

    @Test
    void everyKindOfExpectationIsRead() {
        ExperimentSpec s = parse("""
                expect:
                  - { receiver: native, ratio-at: { senders: 8, min: 3.5, max: 4.5 } }
                  - { receiver: native, ratio-at: { senders: 2, min: 1.1 } }
                  - { receiver: wasmer, stops-growing-at: { senders: 4, tolerance: 1 },
                      min-receiver-cpus: 20 }
                  - { receiver: wasmer, cpu-per-message-above: native }
                """);
        assertThat(s.expectations()).containsExactly(
                new Expectation.RatioAt("native", 8, OptionalDouble.of(3.5),
                        OptionalDouble.of(4.5), 0),
                new Expectation.RatioAt("native", 2, OptionalDouble.of(1.1),
                        OptionalDouble.empty(), 0),
                new Expectation.StopsGrowingAt("wasmer", 4, 1, 20),
                new Expectation.CpuPerMessageAbove("wasmer", "native", 0));
        assertThat(s.expectations()).extracting(Expectation::describe).containsExactly(
                "ratio at 8 senders 3.5 to 4.5", "ratio at 2 senders at least 1.1",
                "stops growing at 4 +-1 senders", "CPU per message above native's");
    }

    @Test
    void everyProblemOfRepetitionsOrderAndExpectationsIsReportedAtOnceWithItsLine() {
        List<String> problems = problems("""
                repetitions: often
                convergence: { target: 5 }
                order: { seed: -1 }
                calibration: soon
                expect:
                  - { receiver: nativ, ratio-at: { senders: 3, min: 2 } }
                  - { receiver: native, ratio-at: { senders: 2, min: 3, max: 2 } }
                  - { receiver: wasmer, stops-growing-at: { senders: 8 } }
                  - { receiver: wasmer, cpu-per-message-above: wasmer }
                  - { receiver: native, ratio-at: { senders: 2 }, stops-growing-at: { senders: 2 } }
                  - { receiver: native }
                """);
        assertThat(problems).containsExactly(
                "k.yaml:4: repetitions: 'often' is not accepted; write a whole number from 1"
                        + " to 1000, or 'auto' to repeat each point until it converges (see"
                        + " 'convergence')",
                "k.yaml:5: convergence: applies only with 'repetitions: auto'; set it, or"
                        + " remove 'convergence'",
                "k.yaml:6: order.seed: -1 is out of range; accepted: 0 to 9223372036854775807",
                "k.yaml:7: calibration: 'soon' is not a positive duration; write it as a"
                        + " number with a unit: 500ms, 90s, 2m or 1h",
                "k.yaml:9: expect[0].receiver: 'nativ' is not a receiver id of this spec; did"
                        + " you mean 'native'? accepted: native, wasmer",
                "k.yaml:9: expect[0].ratio-at.senders: 3 senders is not measured by this spec;"
                        + " accepted: one of senders.counts [1, 2, 4, 8]",
                "k.yaml:10: expect[1].ratio-at.max: 2.0 is below min (3.0)",
                "k.yaml:11: expect[2].stops-growing-at.senders: 8 is the spec's largest sender"
                        + " count, where no curve can be seen to stop growing; measure beyond it",
                "k.yaml:12: expect[3].cpu-per-message-above: compares wasmer with itself; name"
                        + " another receiver",
                "k.yaml:13: expect[4]: gives ratio-at and stops-growing-at; give exactly one of"
                        + " ratio-at, stops-growing-at, cpu-per-message-above per entry",
                "k.yaml:14: expect[5]: says nothing to check; give exactly one of ratio-at,"
                        + " stops-growing-at, cpu-per-message-above per entry");
    }

    @Test
    void aConvergenceTargetNeedsAPercentSignAndMaxNoLessThanMin() {
        assertThatThrownBy(() -> parse("""
                repetitions: auto
                convergence: { target: 0.05, min: 5, max: 3 }
                """)).isInstanceOf(SpecException.class)
                .hasMessageContaining("k.yaml:5: convergence.target: '0.05' is not a"
                        + " percentage; write it with a percent sign, above 0% and at most"
                        + " 100%, such as 5%")
                .hasMessageContaining("convergence.max: 3 is below convergence.min (5);"
                        + " accepted: 5 or more");
    }
}

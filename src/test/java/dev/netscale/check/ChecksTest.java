package dev.netscale.check;

import static dev.netscale.check.RunFolders.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.netscale.check.Outcome.Verdict;
import dev.netscale.results.ResultsException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChecksTest {
    /** Recorded runs checked in as fixtures: spec.yaml and trials.csv each. */
    static final Path PASSING = Path.of("src/test/resources/results/small-host-passing");
    static final Path FAILING = Path.of("src/test/resources/results/published-shape-failing");

    @TempDir
    Path tmp;

    private static final String SPEC = """
            name: shape
            senders: { counts: [1, 2, 4, 8] }
            receivers: [ { id: native, runtime: native }, { id: wasmer, runtime: wasmer } ]
            expect:
            """;

    /**
     * native: 900, 1000, 1100 msg/s at 1 sender (mean 1000), three times that at 4, then
     * 3100 at 8 and 2000 at 2, so its ratios are 1, 2, 3 and 3.1: the curve stops growing
     * at 4 senders, where the median of 3 and 3.1 is within 10% of 3. wasmer: flat at 500.
     */
    private List<String> curve(String cpus) {
        List<String> rows = new ArrayList<>();
        double[] scale = {0.9, 1.0, 1.1};
        for (int rep = 1; rep <= 3; rep++) {
            double f = scale[rep - 1];
            rows.add(row(rep, "native", 1, 1000 * f, cpus));
            rows.add(row(rep, "native", 2, 2000 * f, cpus));
            rows.add(row(rep, "native", 4, 3000 * f, cpus));
            rows.add(row(rep, "native", 8, 3100 * f, cpus));
            for (int s : new int[] {1, 2, 4, 8}) {
                rows.add(row(rep, "wasmer", s, 500 * f, cpus));
            }
        }
        return rows;
    }

    private List<Outcome> check(String expectations, String cpus) {
        return Checks.evaluate(MeasuredRun.read(RunFolders.write(tmp.resolve("run"),
                SPEC + expectations, curve(cpus))));
    }

    @Test
    void aRatioWithinItsBoundsPassesAndOneOutsideFails() {
        List<Outcome> out = check("""
                  - { receiver: native, ratio-at: { senders: 4, min: 2.5, max: 3.5 } }
                  - { receiver: native, ratio-at: { senders: 4, min: 3.2 } }
                """, "0");

        assertThat(out).extracting(Outcome::verdict).containsExactly(Verdict.PASS, Verdict.FAIL);
        // Every repetition scales both points by the same factor, yet the means are
        // independent samples: 3000 / 1000 = 3.00, with a wide interval from n = 3.
        assertThat(out.get(0).detail()).startsWith("throughput at 4 senders is 3.00 times that"
                + " at 1 sender, 95% CI ").endsWith("(3 successful trials)");
    }

    @Test
    void aCurveStopsGrowingWhereTheLevellingRuleSaysAndNowhereElse() {
        List<Outcome> out = check("""
                  - { receiver: native, stops-growing-at: { senders: 4 } }
                  - { receiver: native, stops-growing-at: { senders: 2, tolerance: 1 } }
                  - { receiver: wasmer, stops-growing-at: { senders: 1 } }
                """, "0");

        assertThat(out).extracting(Outcome::verdict).containsExactly(Verdict.PASS,
                Verdict.FAIL, Verdict.PASS);
        assertThat(out.get(1).detail()).isEqualTo("stops growing at 4 senders (at most 10% more"
                + " beyond it); ratio there 3.00; largest ratio 3.10 at 8 senders");
    }

    @Test
    void anExpectationWhoseHostIsTooSmallIsNotApplicableWhetherOrNotItWouldHold() {
        List<Outcome> out = check("""
                  - { receiver: native, ratio-at: { senders: 4, min: 2.5 }, min-receiver-cpus: 2 }
                  - { receiver: native, ratio-at: { senders: 4, min: 9 }, min-receiver-cpus: 2 }
                  - { receiver: native, ratio-at: { senders: 4, min: 9 }, min-receiver-cpus: 2 }
                """, "0");

        assertThat(out).extracting(Outcome::verdict).containsOnly(Verdict.NOT_APPLICABLE);
        assertThat(out.get(0).detail()).isEqualTo("needs 2 receiver CPUs; this run gave native 1");
    }

    @Test
    void aHostLargeEnoughMakesTheExpectationCount() {
        List<Outcome> out = check("""
                  - { receiver: native, ratio-at: { senders: 4, min: 9 }, min-receiver-cpus: 2 }
                """, "0-1");
        assertThat(out).extracting(Outcome::verdict).containsExactly(Verdict.FAIL);
    }

    @Test
    void cpuPerMessageIsNotMeasuredWithoutTheColumn() {
        List<Outcome> out = check("""
                  - { receiver: wasmer, cpu-per-message-above: native }
                """, "0");
        assertThat(out.get(0).verdict()).isEqualTo(Verdict.NOT_MEASURED);
        assertThat(out.get(0).detail()).contains("no receiver CPU-per-message column");
    }

    @Test
    void cpuPerMessageAboveAnotherReceiversPassesOnlyWhenAboveAtEverySenderCount() {
        String spec = SPEC + """
                  - { receiver: wasmer, cpu-per-message-above: native }
                  - { receiver: native, cpu-per-message-above: wasmer }
                """;
        // wasmer spends 20 and 22 us per message, native 10 and 11: wasmer is above by 2x.
        List<String> rows = List.of(
                row(1, "native", 1, 1000, "0") + ",10", row(2, "native", 1, 1000, "0") + ",10",
                row(1, "native", 2, 1500, "0") + ",11", row(2, "native", 2, 1500, "0") + ",11",
                row(1, "wasmer", 1, 500, "0") + ",20", row(2, "wasmer", 1, 500, "0") + ",20",
                row(1, "wasmer", 2, 600, "0") + ",22", row(2, "wasmer", 2, 600, "0") + ",22");
        MeasuredRun run = MeasuredRun.read(RunFolders.write(tmp.resolve("cpu"), spec, 2, true,
                rows));

        List<Outcome> out = Checks.evaluate(run);

        assertThat(run.cpuColumn()).contains("receiver_cpu_us_per_msg");
        assertThat(out).extracting(Outcome::verdict).containsExactly(Verdict.PASS, Verdict.FAIL);
        assertThat(out.get(0).detail()).isEqualTo("above at all 2 sender counts; at least 2.00"
                + " times native's");
        assertThat(out.get(1).detail()).isEqualTo("not above wasmer's at 1 sender (10.0 vs"
                + " 20.0), 2 senders (11.0 vs 22.0) of 2 sender counts");
    }

    @Test
    void aPointWithoutSuccessfulTrialsIsNotMeasured() {
        String spec = SPEC + "  - { receiver: native, ratio-at: { senders: 8, min: 1 } }\n";
        List<String> rows = List.of(row(1, "native", 1, 1000, "0"),
                "1,native,8,failed,,0");
        List<Outcome> out = Checks.evaluate(MeasuredRun.read(RunFolders.write(
                tmp.resolve("failed"), spec, rows)));
        assertThat(out.get(0).verdict()).isEqualTo(Verdict.NOT_MEASURED);
        assertThat(out.get(0).detail()).isEqualTo("native has no successful trial at 8 senders");
    }

    @Test
    void anEditedSpecCopyIsRefusedRatherThanCheckedAgainstTrialsItDidNotMeasure()
            throws IOException {
        Path dir = RunFolders.write(tmp.resolve("edited"), SPEC
                + "  - { receiver: native, ratio-at: { senders: 4, min: 1 } }\n", curve("0"));
        Files.writeString(dir.resolve("spec.yaml"), Files.readString(dir.resolve("spec.yaml"))
                .replace("min: 1", "min: 2"));
        assertThatThrownBy(() -> MeasuredRun.read(dir)).isInstanceOf(ResultsException.class)
                .hasMessageContaining("trials.csv:2: measured under spec hash")
                .hasMessageContaining("the spec copy was edited");
    }

    @Test
    void theRecordedPassingRunPassesEveryExpectationItsHostAllows() {
        List<Outcome> out = Checks.evaluate(MeasuredRun.read(PASSING));

        assertThat(CheckReport.failed(out)).isFalse();
        assertThat(out).extracting(Outcome::verdict).contains(Verdict.PASS)
                .doesNotContain(Verdict.FAIL);
        // Recorded with one receiver CPU: the expectation that needs two has no verdict.
        assertThat(out).filteredOn(o -> o.expectation().minReceiverCpus() == 2)
                .extracting(Outcome::verdict).containsOnly(Verdict.NOT_APPLICABLE);
    }

    @Test
    void theRecordedFailingRunFailsOnNativesRatioAtFifteenSenders() {
        List<Outcome> out = Checks.evaluate(MeasuredRun.read(FAILING));

        assertThat(CheckReport.failed(out)).isTrue();
        assertThat(out.get(0).expectation().describe())
                .isEqualTo("ratio at 15 senders 8.5 to 10.5");
        assertThat(out.get(0).verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void thePublishedCurvePassesTheFortyThreadSpecsOwnExpectations() throws IOException {
        // reference/seed-ratio.csv as if measured: 1-sender throughput 10,000 msg/s, three
        // repetitions at 99%, 100% and 101% of the published ratio, on 20 receiver CPUs.
        List<String> rows = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("reference/seed-ratio.csv"))) {
            if (line.startsWith("#") || line.startsWith("senders")) {
                continue;
            }
            String[] f = line.split(",");
            for (int rep = 1; rep <= 3; rep++) {
                double scale = 0.98 + 0.01 * rep;
                rows.add(row(rep, "native", Integer.parseInt(f[0]),
                        10_000 * Double.parseDouble(f[1]) * scale, "0-19"));
                rows.add(row(rep, "wasmer", Integer.parseInt(f[0]),
                        10_000 * Double.parseDouble(f[2]) * scale, "0-19"));
            }
        }
        String spec = Files.readString(Path.of("experiments/seed-reproduction-40t.yaml"))
                .replace("reference: ../reference/seed-ratio.csv", "");

        List<Outcome> out = Checks.evaluate(MeasuredRun.read(RunFolders.write(
                tmp.resolve("published"), spec, rows)));

        assertThat(out).extracting(o -> o.expectation().describe() + ": " + o.verdict())
                .containsExactly(
                        "ratio at 15 senders 8.5 to 10.5: PASS",
                        "ratio at 4 senders 3 to 4.3: PASS",
                        "stops growing at 4 +-1 senders: PASS",
                        "ratio at 15 senders 2.8 to 3.8: PASS",
                        "CPU per message above native's: NOT_MEASURED");
    }
}

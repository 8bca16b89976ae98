package dev.netscale.compare;

import static dev.netscale.check.RunFolders.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.netscale.check.MeasuredRun;
import dev.netscale.check.RunFolders;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComparisonTest {
    @TempDir
    Path tmp;

    private static final String SPEC = """
            name: cmp
            message: { size: 1024, total: 3000 }
            senders: { counts: [1, 2] }
            receivers: [ { id: native, runtime: native } ]
            """;

    private MeasuredRun run(String name, String spec, double... throughputs) {
        // Three repetitions at 1 sender, then three at 2 senders.
        List<String> rows = List.of(
                row(1, "native", 1, throughputs[0], "0"), row(2, "native", 1, throughputs[1], "0"),
                row(3, "native", 1, throughputs[2], "0"), row(1, "native", 2, throughputs[3], "0"),
                row(2, "native", 2, throughputs[4], "0"), row(3, "native", 2, throughputs[5], "0"));
        return MeasuredRun.read(RunFolders.write(tmp.resolve(name), spec, rows));
    }

    @Test
    void holmAdjustsTheSmallestPValueMostAndKeepsTheOrder() {
        // Sorted: 0.01, 0.03, 0.04 with m = 3: 3 x 0.01 = 0.03, then max(0.03, 2 x 0.03) =
        // 0.06, then max(0.06, 1 x 0.04) = 0.06. NaN is not a test and does not count in m.
        double[] adjusted = Comparison.holm(new double[] {0.01, 0.04, 0.03, Double.NaN});
        assertThat(adjusted[0]).isCloseTo(0.03, within(1e-12));
        assertThat(adjusted[1]).isCloseTo(0.06, within(1e-12));
        assertThat(adjusted[2]).isCloseTo(0.06, within(1e-12));
        assertThat(adjusted[3]).isNaN();
    }

    @Test
    void welchsTestMatchesAWorkedExample() {
        // Means 2.5 and 4.5, both variances 5/3, n = 4: t = -2 / sqrt(5/6) = -2.191 on
        // 6 degrees of freedom, two-sided p = 0.0710.
        assertThat(Comparison.welch(new double[] {1, 2, 3, 4}, new double[] {3, 4, 5, 6}))
                .isCloseTo(0.0710, within(0.0005));
        assertThat(Comparison.welch(new double[] {1}, new double[] {3, 4})).isNaN();
        assertThat(Comparison.welch(new double[] {2, 2}, new double[] {3, 3})).isNaN();
    }

    @Test
    void aTenPercentShiftWithLittleSpreadIsSignificantAndNoiseIsNot() {
        MeasuredRun a = run("a", SPEC, 1000, 1010, 990, 2000, 2100, 1900);
        MeasuredRun b = run("b", SPEC, 1100, 1110, 1090, 2000, 2110, 1890);

        Comparison c = Comparison.of(a, b);

        assertThat(c.points()).hasSize(2);
        Comparison.Point one = c.points().get(0);
        assertThat(one.relativeDifference()).isCloseTo(0.10, within(1e-9));
        assertThat(one.significant()).isTrue();
        Comparison.Point two = c.points().get(1);
        assertThat(two.relativeDifference()).isCloseTo(0.0, within(1e-9));
        assertThat(two.significant()).isFalse();
        assertThat(ComparisonReport.table(c).get(1)).contains("+10.0%").endsWith("yes, B faster");
    }

    @Test
    void runsOfAnotherMessageSizeOrSchemaAreRefusedWithTheReason() {
        MeasuredRun a = run("a", SPEC, 1, 1, 1, 2, 2, 2);
        MeasuredRun small = run("small", SPEC.replace("size: 1024", "size: 64"), 1, 1, 1, 2, 2, 2);
        MeasuredRun older = MeasuredRun.read(RunFolders.write(tmp.resolve("older"), SPEC, 1,
                false, List.of(row(1, "native", 1, 1000, "0"))));

        assertThat(Comparability.refusals(a, small)).containsExactly(
                "message size (bytes): 1024 in A, 64 in B");
        assertThat(Comparability.refusals(a, older)).first().asString().startsWith(
                "trials.csv schema version 2 in A but 1 in B");
        assertThat(Comparability.refusals(a, a)).isEmpty();
    }

    @Test
    void runsWithoutACommonPointAreRefused() {
        MeasuredRun a = run("a", SPEC, 1, 1, 1, 2, 2, 2);
        MeasuredRun other = MeasuredRun.read(RunFolders.write(tmp.resolve("jvm"), SPEC.replace(
                "{ id: native, runtime: native }", "{ id: jvm, runtime: jvm }"),
                List.of(row(1, "jvm", 1, 1000, "0"))));
        assertThat(Comparability.refusals(a, other)).containsExactly(
                "no receiver id at a sender count was measured by both runs");
    }

    @Test
    void settingsOneMayCompareOnPurposeAreAllowedAndNamed() {
        MeasuredRun a = run("a", SPEC, 1, 1, 1, 2, 2, 2);
        MeasuredRun nodelay = run("nodelay", SPEC.replace("total: 3000", "total: 3000,"
                + " tcp-nodelay: true"), 1, 1, 1, 2, 2, 2);
        assertThat(Comparability.refusals(a, nodelay)).isEmpty();
        assertThat(Comparability.notes(a, nodelay)).first()
                .isEqualTo("TCP_NODELAY: false in A, true in B");
    }

    @Test
    void theBackendIsTakenFromTheRunsEnvironmentNotTheSpec() throws Exception {
        MeasuredRun local = run("local", SPEC, 1, 1, 1, 2, 2, 2);
        // The same spec run with --backend docker: only environment.json says so.
        Path dir = RunFolders.write(tmp.resolve("docker"), SPEC, List.of(
                row(1, "native", 1, 1, "0"), row(2, "native", 1, 1, "0"),
                row(1, "native", 2, 2, "0"), row(2, "native", 2, 2, "0")));
        java.nio.file.Files.writeString(dir.resolve("environment.json"),
                "{ \"netscale\": { \"backend\": \"docker\" } }");
        MeasuredRun docker = MeasuredRun.read(dir);

        assertThat(local.backend()).isEqualTo("local");
        assertThat(docker.backend()).isEqualTo("docker");
        assertThat(Comparability.notes(local, docker)).contains("backend: local in A, docker in B");
        assertThat(ComparisonReport.chartLabel(docker)).endsWith("(docker, 1 receiver CPU)");
    }
}

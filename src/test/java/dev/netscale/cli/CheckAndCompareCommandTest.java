package dev.netscale.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netscale.check.RunFolders;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `netscale check` and `netscale compare` as a user meets them: exit status and output. */
class CheckAndCompareCommandTest {
    private static final Path PASSING = Path.of("src/test/resources/results/small-host-passing");
    private static final Path FAILING = Path.of(
            "src/test/resources/results/published-shape-failing");

    @TempDir
    Path tmp;

    @Test
    void checkOfTheRecordedFailingRunExitsWithOneAndSaysWhatFailed() {
        CliTest.Result r = CliTest.netscale("check", "--no-write", FAILING.toString());

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).contains("# reproduction checks of " + FAILING
                + " (spec published-shape-small-host): 3 expectations: ")
                .contains("failed")
                .containsPattern("native +ratio at 15 senders 8.5 to 10.5 +FAIL +throughput at"
                        + " 15 senders is");
    }

    @Test
    void checkOfTheRecordedPassingRunExitsWithZeroAndNamesTheExpectationItCannotJudge() {
        CliTest.Result r = CliTest.netscale("check", "--no-write", PASSING.toString());

        assertThat(r.status()).isZero();
        assertThat(r.out()).containsPattern("native +ratio at 4 senders at least 1.5 +n/a +needs 2"
                + " receiver CPUs; this run gave native 1");
    }

    @Test
    void checkPutsItsSectionIntoReportMdOnceBeforeTheCharts() throws Exception {
        Path dir = RunFolders.copy(PASSING, tmp.resolve("run"));
        Files.writeString(dir.resolve("report.md"), "# small-host\n\n## Findings\n\n- x\n\n"
                + "## Charts\n\n- y\n");

        CliTest.netscale("check", dir.toString());
        CliTest.Result again = CliTest.netscale("check", dir.toString());

        String report = Files.readString(dir.resolve("report.md"));
        assertThat(again.out()).contains("# written: " + dir.resolve("report.md"));
        assertThat(report.split("## Reproduction checks", -1)).hasSize(2);
        assertThat(report.indexOf("## Reproduction checks")).isBetween(
                report.indexOf("## Findings"), report.indexOf("## Charts"));
        assertThat(report).contains("| native | ratio at 2 senders at least 1.1 | pass |");
    }

    @Test
    void checkRefusesAFolderThatIsNotAResultsFolder() {
        CliTest.Result r = CliTest.netscale("check", tmp.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("is not a netscale results folder");
    }

    @Test
    void compareWritesATableAChartAndMarkdownForTwoRunsOfTheSameWorkload() {
        Path out = tmp.resolve("cmp");
        CliTest.Result r = CliTest.netscale("compare", PASSING.toString(), PASSING.toString(),
                "--out", out.toString());

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("# 0 of 6 tested points differ significantly");
        assertThat(out.resolve("compare.md")).content().contains("## native", "## wasmer");
        assertThat(out.resolve("compare.csv")).exists();
        assertThat(out.resolve("charts/compare.png")).exists();
        assertThat(out.resolve("charts/compare.svg")).exists();
    }

    @Test
    void compareRefusesRunsWhoseMessagesDifferAndSaysWhy() {
        // A run of 64-byte messages: a message per second means less work than with 1024.
        Path small = RunFolders.write(tmp.resolve("small"), """
                name: small
                message: { size: 64, total: 3000 }
                senders: { counts: [1] }
                receivers: [ { id: native, runtime: native } ]
                """, java.util.List.of(RunFolders.row(1, "native", 1, 1000, "0")));

        CliTest.Result r = CliTest.netscale("compare", PASSING.toString(), small.toString(),
                "--out", tmp.resolve("x").toString());

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("cannot be compared:")
                .contains("message size (bytes): 1024 in A, 64 in B");
        assertThat(tmp.resolve("x")).doesNotExist();
    }
}

package dev.netscale.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netscale.results.TrialBuilder;
import dev.netscale.results.TrialRecord;
import dev.netscale.results.TrialsCsv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportsTest {

    @TempDir
    Path dir;

    private static ReportInput input(String baseline, Optional<Path> reference,
            List<TrialRecord> trials, Map<String, Object> environment) {
        return new ReportInput("seed-reproduction", "Native vs Wasmer, 1 to 8 senders.",
                baseline, reference, trials, environment, List.of("host has 2 CPUs"));
    }

    private static Map<String, Object> environment() {
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("recorded_at", "2025-01-02T03:00:00Z");
        env.put("host_cpus_online", 40);
        env.put("kernel", "Linux 6.1.0-18-amd64");
        env.put("java", Map.of("version", "21.0.5"));
        env.put("git_dirty", true);
        return env;
    }

    private String report(ReportInput in) throws IOException {
        Reports.write(dir, in);
        return Files.readString(dir.resolve("report.md"));
    }

    @Test
    void theSummaryTheChartsAndTheReportAreWrittenAndReturned() {
        List<Path> written = Reports.write(dir, input("native",
                Optional.of(Fixtures.reference()), Fixtures.trials(), environment()));

        assertThat(written).containsExactly(dir.resolve("summary.csv"),
                dir.resolve("charts/throughput.png"), dir.resolve("charts/throughput.svg"),
                dir.resolve("charts/scaling.png"), dir.resolve("charts/scaling.svg"),
                dir.resolve("charts/baseline.png"), dir.resolve("charts/baseline.svg"),
                dir.resolve("report.md"));
        assertThat(written).allMatch(Files::isRegularFile);
    }

    @Test
    void theReportEmbedsTheThreeChartsByRelativePath() throws IOException {
        String md = report(input("native", Optional.empty(), Fixtures.trials(), environment()));

        assertThat(md).contains("![Throughput vs senders](charts/throughput.png)",
                "![Throughput relative to 1 sender](charts/scaling.png)",
                "![Throughput relative to native](charts/baseline.png)");
    }

    @Test
    void theReportDescribesTheRunFromTheTrialsAndTheEnvironment() throws IOException {
        String md = report(input("native", Optional.empty(), Fixtures.trials(), environment()));

        assertThat(md).startsWith("# seed-reproduction\n\nNative vs Wasmer, 1 to 8 senders.\n");
        assertThat(md).contains("- 25 trials (24 succeeded, 1 failed) of 2 receivers at sender"
                        + " counts 1, 2, 4, 8, up to 4 repetitions each.",
                "- Messages of 1,024 bytes; start together; TCP_NODELAY off.",
                "- host CPUs online: 40", "- kernel: Linux 6.1.0-18-amd64", "- java: 21.0.5",
                "- uncommitted changes: yes");
    }

    @Test
    void aMissingEnvironmentIsSaidRatherThanGuessed() throws IOException {
        String md = report(input("native", Optional.empty(), Fixtures.trials(), Map.of()));

        assertThat(md).contains("- No environment.json was found, so the host is not"
                + " described here.").doesNotContain("kernel:");
    }

    @Test
    void eachReceiverHasATableWithSpreadRatiosLatencyAndFailures() throws IOException {
        String md = report(input("native", Optional.empty(), Fixtures.trials(), environment()));

        // wasmer at 4 senders: {1100, 1150, 1200}, half width 4.303 * 50 / sqrt(3) = 124;
        // 1150 / 550 = 2.09; 1150 / 4000 = 0.2875; round trips of 4 us; 1 of 4 trials failed.
        assertThat(md).contains("### wasmer", "| senders | n | mean (msg/s) | ±95% CI |"
                        + " ratio to 1 sender (95% CI) | vs native (95% CI) | rtt p50 (µs) |"
                        + " rtt p99 (µs) | failed |",
                "| 4 | 3 | 1,150 | ±124 | 2.09 (1.69–2.49) | 0.288 (0.262–0.313) | 4.00 |"
                        + " 4.00 | 1 of 4 |");
    }

    @Test
    void warningsAndFailedTrialsAreListedWithAdviceAndLogs() throws IOException {
        String md = report(input("native", Optional.empty(), Fixtures.trials(), environment()));

        assertThat(md).contains("- host has 2 CPUs",
                "- **failed-trial** (1 trial: wasmer at 4 senders): a trial failed",
                "lost 2 messages; logs in `logs/trial-0042`");
    }

    @Test
    void theFileListNamesWhatWasWrittenAndWhatWasThere() throws IOException {
        Files.writeString(dir.resolve("trials.csv"), "");

        String md = report(input("native", Optional.empty(), Fixtures.trials(), environment()));

        assertThat(md).contains("- `summary.csv`", "- `charts/scaling.svg`", "- `report.md`",
                "- `trials.csv`");
    }

    @Test
    void withoutBaselineThereIsNoBaselineChartColumnOrComparison() throws IOException {
        Files.createDirectories(dir.resolve("charts"));
        Files.writeString(dir.resolve("charts/baseline.png"), "from an earlier report");

        String md = report(input(null, Optional.empty(), Fixtures.trials(), environment()));

        assertThat(dir.resolve("charts/baseline.png")).doesNotExist();
        assertThat(md).contains("No baseline chart: the spec names no baseline receiver.")
                .doesNotContain("vs native", "Against native");
    }

    @Test
    void anUnreadableReferenceCurveIsNotedAndTheReportStillWritten() throws IOException {
        Path missing = dir.resolve("missing.csv");

        String md = report(input("native", Optional.of(missing), Fixtures.trials(),
                environment()));

        assertThat(md).contains("The published curve is not drawn: cannot read reference curve "
                + missing);
        assertThat(dir.resolve("charts/scaling.png")).isNotEmptyFile();
    }

    @Test
    void aReportIsRedrawnFromTrialsCsvAlone() throws IOException {
        Path csv = dir.resolve("trials.csv");
        Fixtures.trials().forEach(t -> TrialsCsv.append(csv, "0123abcd", t));

        String md = report(input("native", Optional.empty(), TrialsCsv.read(csv).trials(),
                Map.of()));

        // The same wasmer row as from the trials in memory: nothing is lost on the way.
        assertThat(md).contains("| 4 | 3 | 1,150 | ±124 | 2.09 (1.69–2.49) | 0.288 (0.262–0.313)"
                + " | 4.00 | 4.00 | 1 of 4 |");
    }

    @Test
    void aRunWhereEveryTrialFailedStillGetsAReport() throws IOException {
        List<TrialRecord> trials = List.of(TrialBuilder.failed("native", 1, "timed out").build(),
                TrialBuilder.failed("native", 2, "timed out").build());

        String md = report(input("native", Optional.empty(), trials, Map.of()));

        assertThat(md).contains("**native**: every trial failed",
                "- native, 1 sender, repetition 1", "No baseline chart: the baseline receiver"
                        + " native has no results to divide by.");
    }

    @Test
    void aRunWithoutTrialsGetsASummaryHeaderAndAReportWithoutCharts() throws IOException {
        List<Path> written = Reports.write(dir, input("native", Optional.empty(), List.of(),
                Map.of()));

        assertThat(written).containsExactly(dir.resolve("summary.csv"), dir.resolve("report.md"));
        assertThat(Files.readString(dir.resolve("report.md"))).contains("No trials were recorded.");
    }
}

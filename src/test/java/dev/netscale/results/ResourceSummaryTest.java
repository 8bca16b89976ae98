package dev.netscale.results;

import static dev.netscale.results.TrialBuilder.figures;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * wasmer at 4 senders, three trials: CPU per message 40, 50 and 60 us (mean 50, sd 10, 95%
 * interval 50 +- 4.303 x 10 / sqrt(3) = 50 +- 24.84); its receiver kept 0.9, 1.0 and 0.95 of
 * its one CPU busy; the busiest thread was "TokioTaskManage" twice, at 0.99 and 0.97 of a
 * core, and "wasmer" once, at 0.6; the senders' CPU set was 0.95 busy once (sender-limited).
 * A fourth trial was not measured and is left out.
 */
class ResourceSummaryTest {
    @TempDir
    Path dir;

    private static final List<TrialRecord> TRIALS = List.of(
            TrialBuilder.ok("wasmer", 4, 1000).resources(figures(40, 0.9, 1.0, 0.5,
                    "TokioTaskManage", 0.99, "wasmer", 0.1)).build(),
            TrialBuilder.ok("wasmer", 4, 1000).resources(figures(50, 1.0, 1.0, 0.95,
                    "TokioTaskManage", 0.97, "wasmer", 0.2)).build(),
            TrialBuilder.ok("wasmer", 4, 1000).resources(figures(60, 0.95, 1.0, 0.6,
                    "wasmer", 0.6, "TokioTaskManage", 0.3)).build(),
            TrialBuilder.ok("wasmer", 4, 1000).build());

    @Test
    void averagesTheMeasuredTrialsAndLeavesOutTheOthers() {
        ResourceSummary s = ResourceSummary.of(TRIALS);

        assertThat(s.measuredTrials()).isEqualTo(3);
        assertThat(s.receiverCpuMicrosPerMessage().mean()).isCloseTo(50, within(1e-9));
        assertThat(s.receiverCpuMicrosPerMessage().ci95HalfWidth())
                .isCloseTo(4.302653 * 10 / Math.sqrt(3), within(1e-4));
        assertThat(s.receiverCoresShare().mean()).isCloseTo(0.95, within(1e-9));
        assertThat(s.senderLimitedTrials()).isEqualTo(1);
        assertThat(s.receiverCpuCount()).isEqualTo(1);
    }

    @Test
    void namesTheThreadMostOftenBusiestAndAveragesTheTopShares() {
        ResourceSummary s = ResourceSummary.of(TRIALS);

        assertThat(s.busiestThreadName()).isEqualTo("TokioTaskManage");
        // (0.99 + 0.97 + 0.6) / 3 and (0.1 + 0.2 + 0.3) / 3
        assertThat(s.busiestThreadCoreShareMean()).isCloseTo(2.56 / 3, within(1e-9));
        assertThat(s.secondThreadCoreShareMean()).isCloseTo(0.2, within(1e-9));
    }

    @Test
    void summaryCsvCarriesTheMeans() throws IOException {
        Path file = dir.resolve("summary.csv");
        SummaryCsv.write(file, PointSummaries.of(TRIALS, null));

        List<String> lines = Files.readAllLines(file);
        List<String> header = List.of(lines.get(0).split(","));
        List<String> row = List.of(lines.get(1).split(",", -1));
        assertThat(row.get(header.indexOf("receiver_cpu_us_per_msg_mean"))).isEqualTo("50.0000");
        assertThat(row.get(header.indexOf("receiver_cores_share_mean"))).isEqualTo("0.950000");
        assertThat(row.get(header.indexOf("busiest_thread_name"))).isEqualTo("TokioTaskManage");
        assertThat(row.get(header.indexOf("n_sender_limited"))).isEqualTo("1");
        assertThat(row.get(header.indexOf("n_resources_measured"))).isEqualTo("3");
    }
}

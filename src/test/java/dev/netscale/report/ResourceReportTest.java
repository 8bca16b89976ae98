package dev.netscale.report;

import static dev.netscale.results.TrialBuilder.figures;
import static org.assertj.core.api.Assertions.assertThat;

import dev.netscale.results.SyscallsCsv;
import dev.netscale.results.TrialBuilder;
import dev.netscale.results.TrialRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** report.md and the charts of a run whose trials had their resources measured. */
class ResourceReportTest {
    @TempDir
    Path dir;

    private static final List<TrialRecord> TRIALS = List.of(
            TrialBuilder.ok("native", 1, 1000).resources(figures(20, 0.2, 0.4, 0.5,
                    "netscale-receiv", 0.2)).build(),
            TrialBuilder.ok("native", 2, 1900).resources(figures(22, 0.45, 0.95, 0.6,
                    "netscale-receiv", 0.22)).build(),
            TrialBuilder.ok("wasmer", 1, 300).resources(figures(60, 0.2, 0.3, 0.5,
                    "TokioTaskManage", 0.2)).build(),
            TrialBuilder.ok("wasmer", 2, 450).resources(figures(80, 0.5, 0.6, 0.5,
                    "TokioTaskManage", 0.97)).build());

    private static ReportInput input(List<TrialRecord> trials) {
        return new ReportInput("quick", "", "native", Optional.empty(), trials, Map.of(),
                List.of());
    }

    @Test
    void drawsTheCpuChartsAndExplainsWhereTheTimeGoes() throws IOException {
        List<Path> written = Reports.write(dir, input(TRIALS));

        assertThat(written).contains(dir.resolve("charts/cpu-per-message.png"),
                dir.resolve("charts/cpu-per-message.svg"), dir.resolve("charts/cpu-share.png"),
                dir.resolve("charts/cpu-share.svg"));
        String md = Files.readString(dir.resolve("report.md"));
        assertThat(md).contains("## Where the time goes")
                .contains("This host gave the receiver 1 CPU")
                .contains("![Receiver CPU per message vs senders](charts/cpu-per-message.png)")
                .contains("#### wasmer")
                .contains("| 2 | 80.0 | 0.500 (50%) | 60% | 2 | 1.00, 0.100 | `TokioTaskManage`"
                        + " 97% | 20.0 | 50% | no |");
        assertThat(md.indexOf("## Where the time goes")).isLessThan(md.indexOf("## Charts"));
    }

    @Test
    void addsTheSystemCallTableWhenTheFolderHasSyscallsCsv() throws IOException {
        SyscallsCsv.append(dir.resolve(SyscallsCsv.FILE), "abc", SyscallTableTest.NATIVE);
        SyscallsCsv.append(dir.resolve(SyscallsCsv.FILE), "abc", SyscallTableTest.WASMER);

        Reports.write(dir, input(TRIALS));

        String md = Files.readString(dir.resolve("report.md"));
        assertThat(md).contains("### System calls per message")
                .contains("| epoll_wait | – | 2.00 |")
                .contains("Compared with native, **wasmer** adds `epoll_wait`");
    }

    @Test
    void aRunWithoutResourceFiguresHasNeitherTheSectionNorTheCharts() throws IOException {
        Files.createDirectories(dir.resolve("charts"));
        Files.writeString(dir.resolve("charts/cpu-share.png"), "stale");

        Reports.write(dir, input(Fixtures.trials()));

        String md = Files.readString(dir.resolve("report.md"));
        assertThat(md).doesNotContain("## Where the time goes")
                .contains("No CPU charts: no trial had its resource use measured.");
        assertThat(dir.resolve("charts/cpu-share.png")).doesNotExist();
    }
}

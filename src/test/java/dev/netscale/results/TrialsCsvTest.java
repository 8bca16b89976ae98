package dev.netscale.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.netscale.results.ResourceFigures.ThreadShare;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrialsCsvTest {
    @TempDir
    Path dir;

    private static final ResourceFigures FIGURES = new ResourceFigures(120.5, 380.25, 41.5,
            0.95, 0.475, 0.97, 52.0, 6, 1.02, 0.031,
            List.of(new ThreadShare("tokio-runtime-w", 0.992),
                    new ThreadShare("GC Thread#0", 0.05)),
            0.93, 12.5, 0.91, true, "proc", 3.5);

    @Test
    void writesAndReadsBackTheResourceColumns() {
        Path csv = dir.resolve("trials.csv");
        TrialsCsv.append(csv, "abc", TrialBuilder.ok("wasmer", 4, 5000).resources(FIGURES)
                .build());

        TrialRecord back = TrialsCsv.read(csv).trials().get(0);

        assertThat(back.resources()).isEqualTo(FIGURES);
        assertThat(back.resources().busiestThreadName()).isEqualTo("tokio-runtime-w");
    }

    @Test
    void namesEveryResourceColumnInTheHeader() throws IOException {
        Path csv = dir.resolve("trials.csv");
        TrialsCsv.append(csv, "abc", TrialBuilder.ok("native", 1, 1000).build());

        String header = Files.readAllLines(csv).get(0);
        assertThat(header).contains("receiver_cpu_user_ms,receiver_cpu_sys_ms,"
                + "receiver_cpu_us_per_msg,receiver_cores_busy,receiver_cores_share,"
                + "receiver_cpuset_busy_share,receiver_cpuset_us_per_msg,receiver_threads_os,"
                + "receiver_ctx_voluntary_per_msg,receiver_ctx_involuntary_per_msg,"
                + "busiest_thread_name,busiest_thread_core_share,busiest_threads,"
                + "thread_cpu_coverage,sender_cpu_us_per_msg,sender_cpuset_busy_share,"
                + "sender_limited,resource_source,probe_cpu_ms");
    }

    @Test
    void leavesFiguresThatWereNotMeasuredEmpty() throws IOException {
        Path csv = dir.resolve("trials.csv");
        TrialsCsv.append(csv, "abc", TrialBuilder.ok("native", 1, 1000).build());

        TrialRecord back = TrialsCsv.read(csv).trials().get(0);
        assertThat(back.resources().receiverCpuMicrosPerMessage()).isNaN();
        assertThat(back.resources().measured()).isFalse();
        assertThat(Files.readAllLines(csv).get(1)).contains(",,,,,,,0,,,,,,,,,false,,,");
    }

    @Test
    void refusesRowsOfTheFirstSchemaWhichHadNoResourceColumns() throws IOException {
        Path csv = dir.resolve("trials.csv");
        Files.writeString(csv, "schema,spec_hash,trial\n1,abc,1\n");

        assertThatThrownBy(() -> TrialsCsv.read(csv))
                .isInstanceOf(ResultsException.class)
                .hasMessage(csv + ":2: schema version '1', this netscale reads version 2;"
                        + " re-run the spec with this version to compare");
    }
}

package dev.netscale.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummaryCsvTest {

    @TempDir
    Path dir;

    private List<Map<String, String>> readBack(Path file) throws IOException {
        try (MappingIterator<Map<String, String>> it = new CsvMapper()
                .readerForMapOf(String.class).with(CsvSchema.emptySchema().withHeader())
                .readValues(file.toFile())) {
            return it.readAll();
        }
    }

    @Test
    void everyPointIsOneRowUnderTheDocumentedHeader() throws IOException {
        Path file = dir.resolve("summary.csv");

        SummaryCsv.write(file, PointSummaries.of(PointSummariesTest.TRIALS, "native"));

        String header = Files.readAllLines(file).get(0);
        assertThat(header).isEqualTo(String.join(",", SummaryCsv.header()));
        List<Map<String, String>> rows = readBack(file);
        assertThat(rows).extracting(r -> r.get("receiver") + "@" + r.get("senders"))
                .containsExactly("native@1", "native@2", "wasmer@1", "wasmer@2");
    }

    @Test
    void aRowCarriesTheStatisticsRatiosAndFailures() throws IOException {
        Path file = dir.resolve("summary.csv");

        SummaryCsv.write(file, PointSummaries.of(PointSummariesTest.TRIALS, "native"));

        // native at 2 senders: {190, 200, 210} and one failed trial; 200 / 110 = 1.81818.
        Map<String, String> row = readBack(file).get(1);
        assertThat(row).containsEntry("schema", "1")
                .containsEntry("n_ok", "3")
                .containsEntry("n_failed", "1")
                .containsEntry("throughput_mean_msg_per_s", "200.000")
                .containsEntry("throughput_sd_msg_per_s", "10.0000")
                .containsEntry("ratio_first_senders", "1")
                .containsEntry("ratio_to_first", "1.81818")
                .containsEntry("baseline", "native")
                .containsEntry("ratio_to_baseline", "1.00000")
                .containsEntry("receiver_threads", "2")
                .containsEntry("failures", "lost 3 messages");
    }

    @Test
    void valuesThatCouldNotBeComputedAreEmptyCellsNotZero() throws IOException {
        Path file = dir.resolve("summary.csv");
        List<TrialRecord> oneRepetition = List.of(TrialBuilder.ok("jvm", 1, 500).build());

        SummaryCsv.write(file, PointSummaries.of(oneRepetition, null));

        Map<String, String> row = readBack(file).get(0);
        assertThat(row).containsEntry("throughput_mean_msg_per_s", "500.000")
                .containsEntry("throughput_sd_msg_per_s", "")
                .containsEntry("throughput_ci95_low_msg_per_s", "")
                .containsEntry("ratio_to_baseline", "")
                .containsEntry("rtt_p99_us", "");
    }

    @Test
    void anUnwritableFileIsReportedWithItsPath() {
        Path file = dir.resolve("missing").resolve("summary.csv");

        assertThatThrownBy(() -> SummaryCsv.write(file, List.of()))
                .isInstanceOf(ResultsException.class)
                .hasMessageStartingWith("cannot write " + file);
    }
}

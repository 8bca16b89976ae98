package dev.netscale.results;

import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Writes {@code summary.csv}: one row per point (receiver, sender count) with the mean,
 * standard deviation and 95% interval of the throughput, the ratios with their intervals, the
 * merged round-trip percentiles and the failures. A value that could not be computed (an
 * interval from one repetition, a ratio without baseline) is an empty cell, never zero.
 */
public final class SummaryCsv {

    /** Bumped whenever a column changes meaning. */
    public static final int SCHEMA_VERSION = 1;

    private record Column(String name, Function<PointSummary, Object> value) {
    }

    private static final List<Column> COLUMNS = List.of(
            new Column("schema", p -> SCHEMA_VERSION),
            new Column("receiver", PointSummary::receiver),
            new Column("runtime", PointSummary::runtime),
            new Column("compiler", PointSummary::compiler),
            new Column("senders", PointSummary::senders),
            new Column("n_ok", PointSummary::okTrials),
            new Column("n_failed", PointSummary::failedTrials),
            new Column("throughput_mean_msg_per_s", p -> p.throughput().mean()),
            new Column("throughput_sd_msg_per_s", p -> p.throughput().sd()),
            new Column("throughput_ci95_low_msg_per_s", p -> p.throughput().ci95Low()),
            new Column("throughput_ci95_high_msg_per_s", p -> p.throughput().ci95High()),
            new Column("ratio_first_senders", p -> p.firstSenders() > 0 ? p.firstSenders() : null),
            new Column("ratio_to_first", p -> p.ratioToFirst().value()),
            new Column("ratio_to_first_ci95_low", p -> p.ratioToFirst().ci95Low()),
            new Column("ratio_to_first_ci95_high", p -> p.ratioToFirst().ci95High()),
            new Column("baseline", PointSummary::baseline),
            new Column("ratio_to_baseline", p -> p.ratioToBaseline().value()),
            new Column("ratio_to_baseline_ci95_low", p -> p.ratioToBaseline().ci95Low()),
            new Column("ratio_to_baseline_ci95_high", p -> p.ratioToBaseline().ci95High()),
            new Column("active_throughput_mean_msg_per_s", PointSummary::activeThroughputMean),
            new Column("effective_concurrency_mean", PointSummary::effectiveConcurrencyMean),
            new Column("sender_throughput_mean_msg_per_s", PointSummary::senderThroughputMean),
            new Column("rtt_p50_us", p -> p.rtt().p50Micros()),
            new Column("rtt_p90_us", p -> p.rtt().p90Micros()),
            new Column("rtt_p99_us", p -> p.rtt().p99Micros()),
            new Column("rtt_max_us", p -> p.rtt().maxMicros()),
            new Column("rtt_histograms", p -> p.rtt().histograms()),
            new Column("receiver_threads", p -> p.receiverThreads() > 0 ? p.receiverThreads()
                    : null),
            new Column("receiver_cpus_actual", PointSummary::receiverCpus),
            new Column("sender_cpus_actual", PointSummary::senderCpus),
            new Column("receiver_cpu_user_ms_mean", p -> p.resources().receiverCpuUserMillisMean()),
            new Column("receiver_cpu_sys_ms_mean",
                    p -> p.resources().receiverCpuSystemMillisMean()),
            new Column("receiver_cpu_us_per_msg_mean",
                    p -> p.resources().receiverCpuMicrosPerMessage().mean()),
            new Column("receiver_cpu_us_per_msg_ci95_low",
                    p -> p.resources().receiverCpuMicrosPerMessage().ci95Low()),
            new Column("receiver_cpu_us_per_msg_ci95_high",
                    p -> p.resources().receiverCpuMicrosPerMessage().ci95High()),
            new Column("receiver_cores_busy_mean", p -> p.resources().receiverCoresBusyMean()),
            new Column("receiver_cores_share_mean",
                    p -> p.resources().receiverCoresShare().mean()),
            new Column("receiver_cpuset_busy_share_mean",
                    p -> p.resources().receiverCpusetBusyShareMean()),
            new Column("receiver_cpuset_us_per_msg_mean",
                    p -> p.resources().receiverCpusetMicrosPerMessageMean()),
            new Column("receiver_threads_os_max", p -> p.resources().receiverThreadsOsMax() > 0
                    ? p.resources().receiverThreadsOsMax() : null),
            new Column("receiver_ctx_voluntary_per_msg_mean",
                    p -> p.resources().voluntarySwitchesPerMessageMean()),
            new Column("receiver_ctx_involuntary_per_msg_mean",
                    p -> p.resources().involuntarySwitchesPerMessageMean()),
            new Column("busiest_thread_name", p -> p.resources().busiestThreadName()),
            new Column("busiest_thread_core_share_mean",
                    p -> p.resources().busiestThreadCoreShareMean()),
            new Column("thread_cpu_coverage_mean", p -> p.resources().threadCpuCoverageMean()),
            new Column("sender_cpu_us_per_msg_mean",
                    p -> p.resources().senderCpuMicrosPerMessageMean()),
            new Column("sender_cpuset_busy_share_mean",
                    p -> p.resources().senderCpusetBusyShareMean()),
            new Column("n_sender_limited", p -> p.resources().senderLimitedTrials()),
            new Column("n_resources_measured", p -> p.resources().measuredTrials()),
            new Column("failures", p -> String.join("; ", p.failures())));

    private SummaryCsv() {
    }

    /** The column names, in file order. */
    public static List<String> header() {
        return COLUMNS.stream().map(Column::name).toList();
    }

    /**
     * Writes every point, replacing the file as a whole so that a reader never sees half of it.
     *
     * @throws ResultsException naming the file when it cannot be written
     */
    public static void write(Path file, List<PointSummary> points) {
        CsvSchema.Builder schema = CsvSchema.builder();
        COLUMNS.forEach(c -> schema.addColumn(c.name()));
        List<Map<String, Object>> rows = points.stream().map(SummaryCsv::row).toList();
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try {
            // Strict checking quotes only cells that need it; by default Jackson quotes
            // every cell longer than 24 characters, headers included.
            String text = new CsvMapper().writer(schema.build().withHeader())
                    .with(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
                    .writeValueAsString(rows);
            Files.writeString(partial, text);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new ResultsException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> row(PointSummary p) {
        Map<String, Object> row = new LinkedHashMap<>();
        COLUMNS.forEach(c -> row.put(c.name(), format(c.value().apply(p))));
        return row;
    }

    private static Object format(Object v) {
        if (v instanceof Double d) {
            return Double.isFinite(d) ? String.format(Locale.ROOT, "%.6g", d) : "";
        }
        return v == null ? "" : v;
    }
}

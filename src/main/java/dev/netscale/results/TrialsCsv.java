package dev.netscale.results;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads and appends {@code trials.csv}. Every row carries the schema version and the hash of
 * the spec it was measured under, so that rows that cannot be compared are refused on reading.
 */
public final class TrialsCsv {

    /** Bumped whenever a column changes meaning; readers refuse other versions. */
    public static final int SCHEMA_VERSION = 2;

    /** Quotes only cells that need it, so that the file reads well in any tool. */
    private static final CsvMapper MAPPER = CsvMapper.builder()
            .enable(com.fasterxml.jackson.dataformat.csv.CsvGenerator.Feature
                    .STRICT_CHECK_FOR_QUOTING)
            .build();

    private record Column(String name, Function<TrialRecord, Object> value) {
    }

    private static final List<Column> COLUMNS = List.of(
            new Column("schema", r -> SCHEMA_VERSION),
            new Column("spec_hash", r -> null),
            new Column("trial", TrialRecord::trial),
            new Column("repetition", TrialRecord::repetition),
            new Column("receiver", TrialRecord::receiver),
            new Column("runtime", TrialRecord::runtime),
            new Column("compiler", TrialRecord::compiler),
            new Column("senders", TrialRecord::senders),
            new Column("connections", TrialRecord::connections),
            new Column("messages_per_connection", TrialRecord::messagesPerConnection),
            new Column("message_bytes", TrialRecord::messageBytes),
            new Column("tcp_nodelay", TrialRecord::tcpNoDelay),
            new Column("start", TrialRecord::start),
            new Column("status", r -> r.status().name().toLowerCase()),
            new Column("failure", TrialRecord::failure),
            new Column("messages", TrialRecord::messages),
            new Column("window_ns", TrialRecord::windowNanos),
            new Column("throughput_msg_per_s", TrialRecord::throughput),
            new Column("active_window_ns", TrialRecord::activeWindowNanos),
            new Column("active_messages", TrialRecord::activeMessages),
            new Column("active_throughput_msg_per_s", TrialRecord::activeThroughput),
            new Column("effective_concurrency", TrialRecord::effectiveConcurrency),
            new Column("sender_window_ns", TrialRecord::senderWindowNanos),
            new Column("sender_throughput_msg_per_s", TrialRecord::senderThroughput),
            new Column("rtt_p50_us", TrialRecord::rttP50Micros),
            new Column("rtt_p90_us", TrialRecord::rttP90Micros),
            new Column("rtt_p99_us", TrialRecord::rttP99Micros),
            new Column("rtt_max_us", TrialRecord::rttMaxMicros),
            new Column("receiver_threads", TrialRecord::receiverThreads),
            new Column("receiver_cpus", TrialRecord::receiverCpus),
            new Column("receiver_cpus_actual", TrialRecord::receiverCpusActual),
            new Column("sender_cpus", TrialRecord::senderCpus),
            new Column("sender_cpus_actual", TrialRecord::senderCpusActual),
            new Column("setup_ms", TrialRecord::setupMillis),
            new Column("trial_ms", TrialRecord::trialMillis),
            new Column("receiver_cpu_user_ms", r -> r.resources().receiverCpuUserMillis()),
            new Column("receiver_cpu_sys_ms", r -> r.resources().receiverCpuSystemMillis()),
            new Column("receiver_cpu_us_per_msg",
                    r -> r.resources().receiverCpuMicrosPerMessage()),
            new Column("receiver_cores_busy", r -> r.resources().receiverCoresBusy()),
            new Column("receiver_cores_share", r -> r.resources().receiverCoresShare()),
            new Column("receiver_cpuset_busy_share",
                    r -> r.resources().receiverCpusetBusyShare()),
            new Column("receiver_cpuset_us_per_msg",
                    r -> r.resources().receiverCpusetMicrosPerMessage()),
            new Column("receiver_threads_os", r -> r.resources().receiverThreadsOs()),
            new Column("receiver_ctx_voluntary_per_msg",
                    r -> r.resources().receiverVoluntarySwitchesPerMessage()),
            new Column("receiver_ctx_involuntary_per_msg",
                    r -> r.resources().receiverInvoluntarySwitchesPerMessage()),
            new Column("busiest_thread_name", r -> r.resources().busiestThreadName()),
            new Column("busiest_thread_core_share",
                    r -> r.resources().busiestThreadCoreShare()),
            new Column("busiest_threads", r -> r.resources().threadsCell()),
            new Column("thread_cpu_coverage", r -> r.resources().threadCpuCoverage()),
            new Column("sender_cpu_us_per_msg", r -> r.resources().senderCpuMicrosPerMessage()),
            new Column("sender_cpuset_busy_share", r -> r.resources().senderCpusetBusyShare()),
            new Column("sender_limited", r -> r.resources().senderLimited()),
            new Column("resource_source", r -> r.resources().source()),
            new Column("probe_cpu_ms", r -> r.resources().probeCpuMillis()),
            new Column("started_at", TrialRecord::startedAt),
            new Column("logs", TrialRecord::logs),
            new Column("warnings", r -> String.join("; ", r.warnings())),
            new Column("rtt_histogram", TrialRecord::rttHistogram));

    private static final CsvSchema SCHEMA = schema();

    private TrialsCsv() {
    }

    private static CsvSchema schema() {
        CsvSchema.Builder b = CsvSchema.builder();
        COLUMNS.forEach(c -> b.addColumn(c.name()));
        return b.build();
    }

    /** Appends one row, writing the header first when the file is new. */
    public static void append(Path file, String specHash, TrialRecord record) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (Column c : COLUMNS) {
            Object v = c.name().equals("spec_hash") ? specHash : c.value().apply(record);
            row.put(c.name(), format(v));
        }
        boolean fresh = !Files.exists(file);
        try {
            String text = MAPPER.writer(fresh ? SCHEMA.withHeader() : SCHEMA.withoutHeader())
                    .writeValueAsString(row);
            Files.writeString(file, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + file + ": " + e.getMessage(), e);
        }
    }

    private static Object format(Object v) {
        if (v instanceof Double d) {
            return d.isNaN() ? "" : String.format(java.util.Locale.ROOT, "%.6g", d);
        }
        return v == null ? "" : v;
    }

    /** The rows of a trials.csv and the spec hash they were measured under. */
    public record Contents(String specHash, List<TrialRecord> trials) {
    }

    /**
     * Reads every row, refusing rows of another schema version or another spec.
     *
     * @throws ResultsException naming the file, the row and the reason
     */
    public static Contents read(Path file) {
        if (!Files.exists(file)) {
            return new Contents(null, List.of());
        }
        List<TrialRecord> out = new ArrayList<>();
        String hash = null;
        try (MappingIterator<Map<String, String>> it = MAPPER.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(file.toFile())) {
            int line = 1;
            while (it.hasNext()) {
                line++;
                Map<String, String> row = it.next();
                String schema = row.getOrDefault("schema", "");
                if (!String.valueOf(SCHEMA_VERSION).equals(schema)) {
                    throw new ResultsException(file + ":" + line + ": schema version '" + schema
                            + "', this netscale reads version " + SCHEMA_VERSION
                            + "; re-run the spec with this version to compare");
                }
                String rowHash = row.get("spec_hash");
                if (hash != null && !hash.equals(rowHash)) {
                    throw new ResultsException(file + ":" + line + ": spec hash " + rowHash
                            + " differs from earlier rows (" + hash
                            + "); rows of different specs cannot be aggregated together");
                }
                hash = rowHash;
                out.add(parse(row));
            }
        } catch (IOException e) {
            throw new ResultsException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return new Contents(hash, out);
    }

    private static TrialRecord parse(Map<String, String> r) {
        String warnings = r.getOrDefault("warnings", "");
        return new TrialRecord(
                integer(r, "trial"), integer(r, "repetition"), r.get("receiver"),
                r.get("runtime"), r.get("compiler"), integer(r, "senders"),
                integer(r, "connections"), lng(r, "messages_per_connection"),
                integer(r, "message_bytes"), Boolean.parseBoolean(r.get("tcp_nodelay")),
                r.get("start"), TrialRecord.Status.valueOf(r.get("status").toUpperCase()),
                r.get("failure"), lng(r, "messages"), lng(r, "window_ns"),
                dbl(r, "throughput_msg_per_s"), lng(r, "active_window_ns"),
                lng(r, "active_messages"), dbl(r, "active_throughput_msg_per_s"),
                dbl(r, "effective_concurrency"), lng(r, "sender_window_ns"),
                dbl(r, "sender_throughput_msg_per_s"), dbl(r, "rtt_p50_us"),
                dbl(r, "rtt_p90_us"), dbl(r, "rtt_p99_us"), dbl(r, "rtt_max_us"),
                r.get("rtt_histogram"), integer(r, "receiver_threads"), r.get("receiver_cpus"),
                r.get("receiver_cpus_actual"), r.get("sender_cpus"),
                r.get("sender_cpus_actual"), lng(r, "setup_ms"), lng(r, "trial_ms"),
                r.get("started_at"), r.get("logs"),
                warnings.isEmpty() ? List.of() : Arrays.asList(warnings.split("; ")),
                resources(r));
    }

    private static ResourceFigures resources(Map<String, String> r) {
        return new ResourceFigures(dbl(r, "receiver_cpu_user_ms"), dbl(r, "receiver_cpu_sys_ms"),
                dbl(r, "receiver_cpu_us_per_msg"), dbl(r, "receiver_cores_busy"),
                dbl(r, "receiver_cores_share"), dbl(r, "receiver_cpuset_busy_share"),
                dbl(r, "receiver_cpuset_us_per_msg"), integer(r, "receiver_threads_os"),
                dbl(r, "receiver_ctx_voluntary_per_msg"),
                dbl(r, "receiver_ctx_involuntary_per_msg"),
                ResourceFigures.parseThreads(r.get("busiest_threads")),
                dbl(r, "thread_cpu_coverage"), dbl(r, "sender_cpu_us_per_msg"),
                dbl(r, "sender_cpuset_busy_share"), Boolean.parseBoolean(r.get("sender_limited")),
                r.getOrDefault("resource_source", ""), dbl(r, "probe_cpu_ms"));
    }

    private static int integer(Map<String, String> r, String k) {
        String v = r.get(k);
        return v == null || v.isEmpty() ? 0 : Integer.parseInt(v);
    }

    private static long lng(Map<String, String> r, String k) {
        String v = r.get(k);
        return v == null || v.isEmpty() ? 0 : Long.parseLong(v);
    }

    private static double dbl(Map<String, String> r, String k) {
        String v = r.get(k);
        return v == null || v.isEmpty() ? Double.NaN : Double.parseDouble(v);
    }
}

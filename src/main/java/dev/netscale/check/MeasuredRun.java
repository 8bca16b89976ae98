package dev.netscale.check;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.netscale.results.PointKey;
import dev.netscale.results.ResultsException;
import dev.netscale.results.ResultsFolder;
import dev.netscale.spec.CpuSet;
import dev.netscale.spec.ExperimentSpec;
import dev.netscale.spec.SpecLoader;
import dev.netscale.stats.Sample;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;
import java.util.regex.Pattern;

/**
 * The measured points of a results folder, read from its spec copy and {@code trials.csv} by
 * column name. Checks and comparisons need only a few columns whose meaning no schema version
 * has changed (receiver, senders, repetition, status, throughput, receiver CPUs) and, when a
 * run recorded it, the receiver's CPU time per message; reading those by name keeps recorded
 * folders checkable across schema versions. Comparing two runs still refuses different
 * schema versions, see {@code compare.Comparability}.
 *
 * @param schema the schema version of the rows; 0 when there are none
 * @param cpuColumn the column holding receiver CPU time per message, when the run has one
 */
public record MeasuredRun(Path dir, ExperimentSpec spec, int schema, List<Row> rows,
        Optional<String> cpuColumn, String backend) {

    /** Columns every trials.csv since schema 1 has, and checks need. */
    static final List<String> REQUIRED = List.of("schema", "spec_hash", "repetition",
            "receiver", "senders", "status", "throughput_msg_per_s", "receiver_cpus");
    /**
     * The receiver process's CPU time per message (schema 2 on). Failing that, a column named
     * like it, such as a later schema's; its unit does not matter to a check that compares
     * two receivers in the same column. The CPU set's busy time per message
     * (receiver_cpuset_us_per_msg) is not it: that counts whatever else ran on those CPUs.
     */
    static final String CPU_PER_MESSAGE = "receiver_cpu_us_per_msg";
    private static final Pattern CPU_PER_MESSAGE_LIKE = Pattern.compile(
            "receiver_cpu_\\w*per_(msg|message)\\w*");
    private static final CsvMapper MAPPER = new CsvMapper();

    /**
     * One trial as checks see it.
     *
     * @param receiverCpus the receiver's CPU count (the kernel's view where recorded)
     * @param cpuPerMessage NaN when not measured
     */
    public record Row(String receiver, int senders, int repetition, boolean ok,
            double throughput, int receiverCpus, double cpuPerMessage) {

        PointKey point() {
            return new PointKey(receiver, senders);
        }
    }

    /**
     * Reads a results folder.
     *
     * @throws ResultsException naming the file and what is wrong with it
     */
    public static MeasuredRun read(Path dir) {
        ResultsFolder folder = ResultsFolder.open(dir);
        ExperimentSpec spec = SpecLoader.withoutHostCheck().load(folder.spec());
        Path file = folder.trials();
        if (!Files.exists(file)) {
            throw new ResultsException(dir + " has no " + ResultsFolder.TRIALS
                    + ": the run recorded no trial");
        }
        List<Row> rows = new ArrayList<>();
        int schema = 0;
        Optional<String> cpuColumn = Optional.empty();
        try (MappingIterator<Map<String, String>> it = MAPPER.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(file.toFile())) {
            int line = 1;
            while (it.hasNext()) {
                line++;
                Map<String, String> row = it.next();
                if (line == 2) {
                    missing(row.keySet()).ifPresent(m -> {
                        throw new ResultsException(file + ": no column " + m + "; this is not"
                                + " a netscale trials.csv");
                    });
                    cpuColumn = row.containsKey(CPU_PER_MESSAGE) ? Optional.of(CPU_PER_MESSAGE)
                            : row.keySet().stream().filter(k -> CPU_PER_MESSAGE_LIKE.matcher(k)
                                    .matches()).findFirst();
                    schema = Integer.parseInt(row.get("schema"));
                }
                check(file, line, row, schema, spec);
                rows.add(row(row, cpuColumn));
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ResultsException r) {
                throw r;
            }
            throw new ResultsException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return new MeasuredRun(dir, spec, schema, rows, cpuColumn, backend(folder, spec));
    }

    private static Optional<String> missing(Set<String> columns) {
        return REQUIRED.stream().filter(c -> !columns.contains(c)).findFirst();
    }

    private static void check(Path file, int line, Map<String, String> row, int schema,
            ExperimentSpec spec) {
        if (!String.valueOf(schema).equals(row.get("schema"))) {
            throw new ResultsException(file + ":" + line + ": schema version "
                    + row.get("schema") + " differs from earlier rows (" + schema + ")");
        }
        if (!spec.hash().equals(row.get("spec_hash"))) {
            throw new ResultsException(file + ":" + line + ": measured under spec hash "
                    + row.get("spec_hash") + " but the folder's spec.yaml hashes to "
                    + spec.hash() + "; the spec copy was edited, so its expectations and"
                    + " settings cannot be trusted for these trials");
        }
    }

    private static Row row(Map<String, String> r, Optional<String> cpuColumn) {
        String cpus = r.getOrDefault("receiver_cpus_actual", "");
        if (cpus.isBlank()) {
            cpus = r.get("receiver_cpus");
        }
        int cpuCount = cpus == null || cpus.isBlank() ? 0 : CpuSet.parseList(cpus).cardinality();
        return new Row(r.get("receiver"), Integer.parseInt(r.get("senders")),
                Integer.parseInt(r.get("repetition")), "ok".equals(r.get("status")),
                number(r.get("throughput_msg_per_s")), cpuCount,
                cpuColumn.map(c -> number(r.get(c))).orElse(Double.NaN));
    }

    private static double number(String v) {
        return v == null || v.isBlank() ? Double.NaN : Double.parseDouble(v);
    }

    /** The receiver ids in the order of the spec. */
    /**
     * The backend the trials ran on, from environment.json: a command-line {@code --backend}
     * overrides the spec's, so the spec alone cannot tell.
     */
    private static String backend(ResultsFolder folder, ExperimentSpec spec) {
        Object recorded = folder.readEnvironment().get("netscale") instanceof Map<?, ?> n
                ? n.get("backend") : null;
        return recorded instanceof String b ? b : spec.backend().id();
    }

    public List<String> receivers() {
        return spec.receivers().stream().map(ExperimentSpec.ReceiverSpec::id).toList();
    }

    /** The sender counts a receiver has rows for, ascending. */
    public List<Integer> senders(String receiver) {
        Set<Integer> s = new TreeSet<>();
        rows.stream().filter(r -> r.receiver().equals(receiver)).forEach(r -> s.add(r.senders()));
        return List.copyOf(s);
    }

    /** The throughputs of a point's successful trials. */
    public Sample throughput(PointKey point) {
        return sample(point, Row::throughput);
    }

    /** The receiver CPU time per message of a point's successful trials. */
    public Sample cpuPerMessage(PointKey point) {
        return sample(point, Row::cpuPerMessage);
    }

    /** Every row of a point, failed trials included. */
    public List<Row> rows(PointKey point) {
        return rows.stream().filter(r -> r.point().equals(point)).toList();
    }

    /** The fewest CPUs a receiver's trials had; 0 when none recorded its CPU set. */
    public int receiverCpus(String receiver) {
        return rows.stream().filter(r -> r.receiver().equals(receiver) && r.receiverCpus() > 0)
                .mapToInt(Row::receiverCpus).min().orElse(0);
    }

    private Sample sample(PointKey point, ToDoubleFunction<Row> f) {
        return Sample.of(rows.stream().filter(r -> r.ok() && r.point().equals(point))
                .mapToDouble(f).toArray());
    }

    /** Means of successful trials by sender count, for every point of a receiver. */
    public Map<Integer, Sample> curve(String receiver) {
        Map<Integer, Sample> out = new LinkedHashMap<>();
        senders(receiver).forEach(s -> out.put(s, throughput(new PointKey(receiver, s))));
        return out;
    }
}

package dev.netscale.check;

import dev.netscale.spec.SpecLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes small results folders for tests: a spec copy and a trials.csv with only the columns
 * checks and comparisons read, under the spec's real hash.
 */
public final class RunFolders {
    /** The columns of {@link #row}; {@code receiver_cpu_us_per_msg} only with CPU figures. */
    private static final String HEADER = "schema,spec_hash,repetition,receiver,senders,status,"
            + "throughput_msg_per_s,receiver_cpus";

    private RunFolders() {
    }

    /** One trial: "repetition,receiver,senders,status,throughput,receiver_cpus[,cpu]". */
    public static String row(int repetition, String receiver, int senders, double throughput,
            String receiverCpus) {
        return String.format(Locale.ROOT, "%d,%s,%d,ok,%s,%s", repetition, receiver, senders,
                throughput, receiverCpus);
    }

    /** Writes {@code spec.yaml} and {@code trials.csv} (schema 2) into {@code dir}. */
    public static Path write(Path dir, String spec, List<String> rows) {
        return write(dir, spec, 2, false, rows);
    }

    /**
     * @param cpuColumn whether every row ends with a receiver_cpu_us_per_msg value
     */
    public static Path write(Path dir, String spec, int schema, boolean cpuColumn,
            List<String> rows) {
        String hash = SpecLoader.withoutHostCheck().parse(spec, dir.resolve("spec.yaml")).hash();
        StringBuilder csv = new StringBuilder(HEADER + (cpuColumn ? ",receiver_cpu_us_per_msg"
                : "") + "\n");
        rows.forEach(r -> csv.append(schema).append(',').append(hash).append(',').append(r)
                .append('\n'));
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("spec.yaml"), spec);
            Files.writeString(dir.resolve("trials.csv"), csv);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    /** Copies a checked-in results folder (spec.yaml and trials.csv) into {@code dir}. */
    public static Path copy(Path fixture, Path dir) {
        try {
            Files.createDirectories(dir);
            for (String f : List.of("spec.yaml", "trials.csv")) {
                Files.copy(fixture.resolve(f), dir.resolve(f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }
}

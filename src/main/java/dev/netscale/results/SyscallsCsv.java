package dev.netscale.results;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.netscale.resources.StraceSummary.Syscall;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads and appends {@code syscalls.csv}: the system calls of the profiled (traced) trials,
 * one row per receiver and kind of call, with calls and failed calls per message. A profile
 * that could not be counted is one row with its failure and no call. Profiled trials are
 * extra trials, kept out of {@code trials.csv} so that their throughput is never used.
 */
public final class SyscallsCsv {

    public static final String FILE = "syscalls.csv";
    /** Bumped whenever a column changes meaning; readers refuse other versions. */
    public static final int SCHEMA_VERSION = 1;

    private static final List<String> COLUMNS = List.of("schema", "spec_hash", "receiver",
            "runtime", "compiler", "senders", "method", "messages", "failure", "syscall",
            "calls", "errors", "calls_per_msg", "errors_per_msg", "logs");
    private static final CsvMapper MAPPER = CsvMapper.builder()
            .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();

    private SyscallsCsv() {
    }

    /** Appends one profile's rows, writing the header first when the file is new. */
    public static void append(Path file, String specHash, SyscallProfile p) {
        List<Map<String, Object>> rows = new ArrayList<>();
        if (p.syscalls().isEmpty()) {
            rows.add(row(specHash, p, null));
        }
        p.syscalls().forEach(s -> rows.add(row(specHash, p, s)));
        CsvSchema.Builder b = CsvSchema.builder();
        COLUMNS.forEach(b::addColumn);
        boolean fresh = !Files.exists(file);
        try {
            String text = MAPPER.writer(fresh ? b.build().withHeader() : b.build()
                    .withoutHeader()).writeValueAsString(rows);
            Files.writeString(file, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new ResultsException("cannot append to " + file + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> row(String specHash, SyscallProfile p, Syscall s) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("schema", SCHEMA_VERSION);
        r.put("spec_hash", specHash);
        r.put("receiver", p.receiver());
        r.put("runtime", p.runtime());
        r.put("compiler", p.compiler());
        r.put("senders", p.senders());
        r.put("method", p.method());
        r.put("messages", p.messages());
        r.put("failure", p.failure());
        r.put("syscall", s == null ? "" : s.name());
        r.put("calls", s == null ? "" : s.calls());
        r.put("errors", s == null ? "" : s.errors());
        r.put("calls_per_msg", s == null || p.messages() <= 0 ? ""
                : number(s.calls() / (double) p.messages()));
        r.put("errors_per_msg", s == null || p.messages() <= 0 ? ""
                : number(s.errors() / (double) p.messages()));
        r.put("logs", p.logs());
        return r;
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }

    /**
     * Reads every profile, in the order the file first names each receiver; an absent file
     * holds none.
     *
     * @throws ResultsException naming the file and line of a row of another schema version
     */
    public static List<SyscallProfile> read(Path file) {
        if (!Files.exists(file)) {
            return List.of();
        }
        Map<String, SyscallProfile> byReceiver = new LinkedHashMap<>();
        try (MappingIterator<Map<String, String>> it = MAPPER.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(file.toFile())) {
            int line = 1;
            while (it.hasNext()) {
                line++;
                Map<String, String> r = it.next();
                if (!String.valueOf(SCHEMA_VERSION).equals(r.get("schema"))) {
                    throw new ResultsException(file + ":" + line + ": schema version '"
                            + r.get("schema") + "', this netscale reads version "
                            + SCHEMA_VERSION);
                }
                SyscallProfile p = byReceiver.computeIfAbsent(r.get("receiver"), k ->
                        new SyscallProfile(k, r.get("runtime"), r.get("compiler"),
                                Integer.parseInt(r.get("senders")), r.get("method"),
                                Long.parseLong(r.get("messages")), r.get("failure"),
                                r.get("logs"), new ArrayList<>()));
                String name = r.getOrDefault("syscall", "");
                if (!name.isEmpty()) {
                    p.syscalls().add(new Syscall(name, Long.parseLong(r.get("calls")),
                            Long.parseLong(r.get("errors"))));
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ResultsException re) {
                throw re;
            }
            throw new ResultsException("cannot read " + file + ": " + e.getMessage(), e);
        }
        List<SyscallProfile> out = new ArrayList<>();
        byReceiver.values().forEach(p -> out.add(new SyscallProfile(p.receiver(), p.runtime(),
                p.compiler(), p.senders(), p.method(), p.messages(), p.failure(), p.logs(),
                List.copyOf(p.syscalls()))));
        return out;
    }
}

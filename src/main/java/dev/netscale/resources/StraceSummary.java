package dev.netscale.resources;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The table {@code strace -c} prints when it detaches: one row per system call with the
 * calls, the failed calls and the time spent in them. Time under strace is inflated by the
 * tracing itself, so netscale uses the counts only.
 *
 * <pre>
 * % time     seconds  usecs/call     calls    errors syscall
 * ------ ----------- ----------- --------- --------- ----------------
 *  49.92    0.078539        8726         9           futex
 *  31.43    0.049438          12      4002           sendto
 * ------ ----------- ----------- --------- --------- ----------------
 * 100.00    0.157316          19      8055           total
 * </pre>
 */
public final class StraceSummary {

    /** One system call's row. */
    public record Syscall(String name, long calls, long errors) {
    }

    private StraceSummary() {
    }

    /**
     * The rows of the table, most called first; the {@code total} row is left out.
     *
     * @throws IllegalArgumentException when there is no table, naming what was found instead
     */
    public static List<Syscall> parse(String text) {
        List<Syscall> out = new ArrayList<>();
        boolean header = false;
        boolean inTable = false;
        for (String line : text.split("\n")) {
            String t = line.strip();
            if (t.startsWith("% time")) {
                header = true;
            } else if (header && t.startsWith("------")) {
                if (inTable) {
                    break;
                }
                inTable = true;
            } else if (inTable && !t.isEmpty()) {
                out.add(row(t));
            }
        }
        if (!header) {
            String first = text.strip().lines().findFirst().orElse("(nothing)");
            throw new IllegalArgumentException("no strace -c table; the output begins with '"
                    + first + "'");
        }
        out.sort(Comparator.comparingLong(Syscall::calls).reversed()
                .thenComparing(Syscall::name));
        return out;
    }

    /** A row: % time, seconds, usecs/call, calls, [errors], syscall. */
    private static Syscall row(String line) {
        String[] f = line.split("\\s+");
        if (f.length != 5 && f.length != 6) {
            throw new IllegalArgumentException("an strace -c row with " + f.length
                    + " fields: '" + line + "'");
        }
        try {
            return new Syscall(f[f.length - 1], Long.parseLong(f[3]),
                    f.length == 6 ? Long.parseLong(f[4]) : 0);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("an strace -c row that is not numbers: '" + line
                    + "'", e);
        }
    }
}

package dev.netscale.env;

import dev.netscale.spec.CpuSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.Optional;

/** Facts about this host that plans and checks depend on, read from the kernel. */
public final class Host {
    private Host() {
    }

    /** The CPUs this process may run on (its affinity), which is what child processes inherit. */
    public static BitSet allowedCpus() {
        return allowedCpus(ProcessHandle.current().pid()).orElseGet(() -> {
            BitSet all = new BitSet();
            all.set(0, java.lang.Runtime.getRuntime().availableProcessors());
            return all;
        });
    }

    /** The allowed-CPU list of a process, from {@code /proc/PID/status}; empty once it is gone. */
    public static Optional<BitSet> allowedCpus(long pid) {
        return statusField(pid, "Cpus_allowed_list").map(CpuSet::parseList);
    }

    /** One field of {@code /proc/PID/status}, trimmed. */
    public static Optional<String> statusField(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(field + ":")) {
                    return Optional.of(line.substring(field.length() + 1).trim());
                }
            }
        } catch (IOException e) {
            // The process has exited: nothing to read.
        }
        return Optional.empty();
    }
}

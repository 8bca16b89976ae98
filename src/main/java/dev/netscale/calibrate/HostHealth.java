package dev.netscale.calibrate;

import dev.netscale.spec.CpuSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Whether the host was quiet enough to measure on: load average, CPU time stolen by a
 * hypervisor, and the CPU frequency governor, each where the kernel lets us read it. Anything
 * that looks busy becomes a warning with advice; nothing here stops a run.
 *
 * @param loadAverage1m the 1-minute load average; NaN when unreadable
 * @param cpus the CPUs the run may use
 * @param stealShareSinceBoot steal over all CPU time since boot, from {@code /proc/stat}
 * @param stealShareDuring steal over the interval between {@link #sample} and
 *     {@link #during}; NaN when not sampled
 * @param governors CPU list by governor, such as {"performance": "0-3"}; empty when the
 *     kernel exposes no cpufreq (common in virtual machines)
 */
public record HostHealth(double loadAverage1m, String loadAverages, int cpus,
        double stealShareSinceBoot, double stealShareDuring, Map<String, String> governors) {

    /** Steal above this share of CPU time means another guest took a noticeable share. */
    static final double STEAL_WARNING = 0.05;

    /** CPU time counters of the {@code cpu} line of {@code /proc/stat}, in clock ticks. */
    public record CpuTimes(long total, long steal) {
    }

    /** Reads the host now. */
    public static HostHealth read(BitSet cpus) {
        CpuTimes now = cpuTimes().orElse(new CpuTimes(0, 0));
        return of(read(Path.of("/proc/loadavg")).orElse(""), cpus, now, Optional.empty());
    }

    /** The host over an interval that began at {@code start}, such as a calibration. */
    public static HostHealth during(BitSet cpus, CpuTimes start) {
        CpuTimes now = cpuTimes().orElse(new CpuTimes(0, 0));
        return of(read(Path.of("/proc/loadavg")).orElse(""), cpus, now, Optional.of(start));
    }

    /** The CPU time counters now, to start an interval; empty when unreadable. */
    public static Optional<CpuTimes> sample() {
        return cpuTimes();
    }

    static HostHealth of(String loadavg, BitSet cpus, CpuTimes now, Optional<CpuTimes> start) {
        String[] parts = loadavg.trim().split("\\s+");
        double load1 = parts.length >= 3 ? parseOrNaN(parts[0]) : Double.NaN;
        String loads = parts.length >= 3 ? parts[0] + " " + parts[1] + " " + parts[2] : "";
        double sinceBoot = now.total() > 0 ? (double) now.steal() / now.total() : Double.NaN;
        double during = start.filter(s -> now.total() > s.total())
                .map(s -> (double) (now.steal() - s.steal()) / (now.total() - s.total()))
                .orElse(Double.NaN);
        return new HostHealth(load1, loads, cpus.cardinality(), sinceBoot, during,
                governors(cpus));
    }

    /** Busy-host warnings, each with what to do about it; empty for a quiet host. */
    public List<String> warnings() {
        List<String> out = new ArrayList<>();
        if (loadAverage1m > cpus) {
            out.add(String.format(Locale.ROOT, "host busy: the 1-minute load average was %.2f"
                    + " on %d CPU%s, so other work competed with the trials; measure on an idle"
                    + " host, or compare only runs made under the same load", loadAverage1m,
                    cpus, cpus == 1 ? "" : "s"));
        }
        double steal = Double.isNaN(stealShareDuring) ? stealShareSinceBoot : stealShareDuring;
        if (steal > STEAL_WARNING) {
            out.add(String.format(Locale.ROOT, "CPU steal: a hypervisor took %.1f%% of CPU time"
                    + " %s; throughput on this virtual machine depends on its neighbours; use"
                    + " dedicated vCPUs or bare metal for figures to publish", steal * 100,
                    Double.isNaN(stealShareDuring) ? "since boot" : "during the calibration"));
        }
        governors.forEach((governor, list) -> {
            if (!governor.equals("performance")) {
                out.add("CPU frequency governor '" + governor + "' on CPUs " + list + ": the"
                        + " clock follows the load, so the first trials may run slower; set"
                        + " 'performance' (cpupower frequency-set -g performance, as root)");
            }
        });
        return out;
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("load_average", loadAverages.isEmpty() ? "unreadable" : loadAverages);
        m.put("cpus", cpus);
        m.put("steal_percent_since_boot", percent(stealShareSinceBoot));
        if (!Double.isNaN(stealShareDuring)) {
            m.put("steal_percent_during_calibration", percent(stealShareDuring));
        }
        m.put("cpufreq_governors", governors.isEmpty() ? "unreadable" : governors);
        m.put("warnings", warnings());
        return m;
    }

    private static Object percent(double share) {
        return Double.isNaN(share) ? "unreadable" : Math.round(share * 10_000) / 100.0;
    }

    /**
     * The first line of {@code /proc/stat}: user nice system idle iowait irq softirq steal
     * guest guest_nice. Guest time is already counted in user and nice (proc(5)), so the
     * total sums the first eight fields only.
     */
    static Optional<CpuTimes> cpuTimes() {
        return read(Path.of("/proc/stat")).flatMap(text -> text.lines().findFirst())
                .flatMap(HostHealth::parseCpuLine);
    }

    static Optional<CpuTimes> parseCpuLine(String line) {
        String[] f = line.trim().split("\\s+");
        if (f.length < 9 || !f[0].equals("cpu")) {
            return Optional.empty();
        }
        long total = 0;
        for (int i = 1; i <= 8; i++) {
            total += Long.parseLong(f[i]);
        }
        return Optional.of(new CpuTimes(total, Long.parseLong(f[8])));
    }

    private static Map<String, String> governors(BitSet cpus) {
        Map<String, BitSet> by = new TreeMap<>();
        cpus.stream().forEach(cpu -> read(Path.of("/sys/devices/system/cpu/cpu" + cpu
                + "/cpufreq/scaling_governor")).ifPresent(g -> by.computeIfAbsent(g,
                        k -> new BitSet()).set(cpu)));
        Map<String, String> out = new TreeMap<>();
        by.forEach((g, set) -> out.put(g, CpuSet.format(set)));
        return out;
    }

    private static double parseOrNaN(String s) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static Optional<String> read(Path p) {
        try {
            return Optional.of(Files.readString(p).trim());
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}

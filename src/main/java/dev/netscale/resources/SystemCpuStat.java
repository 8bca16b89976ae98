package dev.netscale.resources;

import java.util.BitSet;
import java.util.Map;
import java.util.TreeMap;

/**
 * The per-CPU times of {@code /proc/stat} (proc(5)), in clock ticks. A CPU is busy when it is
 * not idle and not waiting for I/O: user, nice, system, irq, softirq and steal. Softirq
 * matters here: the kernel often does loopback TCP work in softirq context, charged to the
 * CPU but to no process. Steal (time the hypervisor gave to another guest) counts as busy
 * because the CPU was not available to the trial. Guest time is already part of user time,
 * so it is not added again.
 *
 * <p>{@code /proc/stat} is the host's, also inside a container, and counts whatever ran on a
 * CPU, not only the trial's programs.
 */
public record SystemCpuStat(Map<Integer, Cpu> cpus) {

    /** One CPU's line: busy and total ticks since boot. */
    public record Cpu(long busyTicks, long totalTicks) {
    }

    /**
     * Parses the {@code cpuN} lines; the summary line {@code cpu} is skipped.
     *
     * @throws IllegalArgumentException naming the line that cannot be read
     */
    public static SystemCpuStat parse(String text) {
        Map<Integer, Cpu> cpus = new TreeMap<>();
        for (String line : text.split("\n")) {
            if (!line.startsWith("cpu") || line.startsWith("cpu ")) {
                continue;
            }
            String[] f = line.trim().split("\\s+");
            if (f.length < 8) {
                throw new IllegalArgumentException("a /proc/stat line with too few fields: '"
                        + line + "'");
            }
            try {
                long user = Long.parseLong(f[1]);
                long nice = Long.parseLong(f[2]);
                long system = Long.parseLong(f[3]);
                long idle = Long.parseLong(f[4]);
                long iowait = Long.parseLong(f[5]);
                long irq = Long.parseLong(f[6]);
                long softirq = Long.parseLong(f[7]);
                long steal = f.length > 8 ? Long.parseLong(f[8]) : 0;
                long busy = user + nice + system + irq + softirq + steal;
                cpus.put(Integer.parseInt(f[0].substring(3)), new Cpu(busy, busy + idle
                        + iowait));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("a /proc/stat line that is not numbers: '"
                        + line + "'", e);
            }
        }
        return new SystemCpuStat(Map.copyOf(cpus));
    }

    /**
     * The busy and total ticks of {@code set} from {@code before} to {@code after}; CPUs
     * missing from either reading (taken offline) are left out.
     */
    public static CpuSetUse between(SystemCpuStat before, SystemCpuStat after, BitSet set) {
        long busy = 0;
        long total = 0;
        int counted = 0;
        for (int cpu = set.nextSetBit(0); cpu >= 0; cpu = set.nextSetBit(cpu + 1)) {
            Cpu a = before.cpus.get(cpu);
            Cpu b = after.cpus.get(cpu);
            if (a != null && b != null) {
                busy += b.busyTicks() - a.busyTicks();
                total += b.totalTicks() - a.totalTicks();
                counted++;
            }
        }
        return new CpuSetUse(counted, ClockTicks.toNanos(busy), ClockTicks.toNanos(total));
    }
}

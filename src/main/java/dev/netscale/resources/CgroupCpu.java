package dev.netscale.resources;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The CPU time of a cgroup, such as a container's: every process in it, threads that exited
 * included. cgroup v1 (the {@code cpuacct} controller, as on hosts that mount one hierarchy
 * per controller) gives the total in nanoseconds in {@code cpuacct.usage} and the user and
 * system split in clock ticks in {@code cpuacct.stat}; cgroup v2 gives all three in
 * microseconds in {@code cpu.stat}. See the kernel's Documentation/admin-guide/cgroup-v1/
 * cpuacct.rst and cgroup-v2.rst.
 */
public final class CgroupCpu {

    /** The cgroup hierarchy a folder belongs to. */
    public enum Version {
        V1("cgroup-v1"), V2("cgroup-v2");

        private final String id;

        Version(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    private final Path dir;
    private final Version version;

    private CgroupCpu(Path dir, Version version) {
        this.dir = dir;
        this.version = version;
    }

    /**
     * The cgroup in {@code dir}: v1 when it holds {@code cpuacct.usage}, v2 when it holds
     * {@code cpu.stat}.
     *
     * @throws IllegalArgumentException when it holds neither
     */
    public static CgroupCpu at(Path dir) {
        if (ProcFiles.read(dir.resolve("cpuacct.usage")).isPresent()) {
            return new CgroupCpu(dir, Version.V1);
        }
        if (ProcFiles.read(dir.resolve("cpu.stat")).isPresent()) {
            return new CgroupCpu(dir, Version.V2);
        }
        throw new IllegalArgumentException(dir + " holds neither cpuacct.usage (cgroup v1) nor"
                + " cpu.stat (cgroup v2); give the container's cgroup folder");
    }

    /** The CPU cgroup of a host process, found through {@code /proc/PID/cgroup}. */
    public static Optional<CgroupCpu> ofProcess(long pid) {
        Optional<String> cgroups = ProcFiles.read(Path.of("/proc", Long.toString(pid),
                "cgroup"));
        Optional<String> mounts = ProcFiles.read(Path.of("/proc/self/mountinfo"));
        if (cgroups.isEmpty() || mounts.isEmpty()) {
            return Optional.empty();
        }
        return CgroupPaths.locate(cgroups.get(), mounts.get()).map(CgroupCpu::at);
    }

    public Path dir() {
        return dir;
    }

    public Version version() {
        return version;
    }

    /**
     * Reads the cgroup's CPU time now.
     *
     * @throws IllegalStateException naming the file when it cannot be read (the cgroup was
     *     removed) or parsed
     */
    public CpuTime read() {
        return version == Version.V1 ? readV1() : readV2();
    }

    private CpuTime readV1() {
        long total = parseLong(file("cpuacct.usage").strip(), "cpuacct.usage");
        String stat = file("cpuacct.stat");
        long user = ProcFiles.number(stat, "user ");
        long system = ProcFiles.number(stat, "system ");
        if (user < 0 || system < 0) {
            throw new IllegalStateException(dir.resolve("cpuacct.stat") + " lacks the user or"
                    + " system line");
        }
        return new CpuTime(total, ClockTicks.toNanos(user), ClockTicks.toNanos(system));
    }

    private CpuTime readV2() {
        String stat = file("cpu.stat");
        long usage = ProcFiles.number(stat, "usage_usec ");
        long user = ProcFiles.number(stat, "user_usec ");
        long system = ProcFiles.number(stat, "system_usec ");
        if (usage < 0 || user < 0 || system < 0) {
            throw new IllegalStateException(dir.resolve("cpu.stat") + " lacks usage_usec,"
                    + " user_usec or system_usec");
        }
        return new CpuTime(usage * 1000, user * 1000, system * 1000);
    }

    private String file(String name) {
        return ProcFiles.read(dir.resolve(name)).orElseThrow(() -> new IllegalStateException(
                "cannot read " + dir.resolve(name) + ": the cgroup is gone"));
    }

    private long parseLong(String text, String name) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalStateException(dir.resolve(name) + " holds '" + text + "', not a"
                    + " number", e);
        }
    }
}

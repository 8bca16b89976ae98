package dev.netscale.resources;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * Finds the folder of a process's CPU cgroup from its {@code /proc/PID/cgroup} and this
 * host's {@code /proc/self/mountinfo} (cgroups(7), proc(5)). A cgroup v1 {@code cpuacct}
 * hierarchy is preferred when one is mounted, since that is where Docker accounts a
 * container's CPU on such hosts; otherwise the v2 (unified) hierarchy.
 */
final class CgroupPaths {

    private CgroupPaths() {
    }

    static Optional<Path> locate(String procCgroup, String mountinfo) {
        return locateV1(procCgroup, mountinfo).or(() -> locateV2(procCgroup, mountinfo));
    }

    private static Optional<Path> locateV1(String procCgroup, String mountinfo) {
        for (String line : procCgroup.split("\n")) {
            String[] f = line.split(":", 3);
            if (f.length == 3 && Arrays.asList(f[1].split(",")).contains("cpuacct")) {
                return mount(mountinfo, "cgroup", "cpuacct").map(m -> m.resolve(f[2]));
            }
        }
        return Optional.empty();
    }

    private static Optional<Path> locateV2(String procCgroup, String mountinfo) {
        for (String line : procCgroup.split("\n")) {
            if (line.startsWith("0::")) {
                String path = line.substring(3).strip();
                return mount(mountinfo, "cgroup2", null).map(m -> m.resolve(path));
            }
        }
        return Optional.empty();
    }

    /** A mounted hierarchy's folder and root, joined with a cgroup path by {@link Mount}. */
    private record Mount(String root, String point) {
        Path resolve(String cgroupPath) {
            String rel = !root.equals("/") && cgroupPath.startsWith(root)
                    ? cgroupPath.substring(root.length()) : cgroupPath;
            return Path.of(point, rel.replaceFirst("^/+", ""));
        }
    }

    /**
     * The first mount of {@code fsType} whose super options include {@code option} (any when
     * null). A mountinfo line reads: id, parent, device, root, mount point, options, optional
     * fields, "-", file system type, source, super options.
     */
    private static Optional<Mount> mount(String mountinfo, String fsType, String option) {
        for (String line : mountinfo.split("\n")) {
            String[] f = line.trim().split("\\s+");
            int dash = Arrays.asList(f).indexOf("-");
            if (dash < 5 || f.length < dash + 4 || !f[dash + 1].equals(fsType)) {
                continue;
            }
            if (option == null || Arrays.asList(f[dash + 3].split(",")).contains(option)) {
                return Optional.of(new Mount(f[3], f[4]));
            }
        }
        return Optional.empty();
    }
}

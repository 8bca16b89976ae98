package dev.netscale.resources;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What a {@link ResourceProbe} watches: a receiver process by its host PID, or a container by
 * its cgroup folder and the host PID of its main process.
 *
 * @param pid the host PID (as the host's {@code /proc} numbers it, not the container's)
 * @param cgroupDir the container's CPU cgroup folder, such as {@code
 *     /sys/fs/cgroup/cpuacct/docker/ID} (v1) or {@code
 *     /sys/fs/cgroup/system.slice/docker-ID.scope} (v2); when given, CPU time is the
 *     cgroup's and the threads are every thread in the cgroup
 */
public record ProbeTarget(long pid, Optional<Path> cgroupDir) {

    public static ProbeTarget process(long pid) {
        return new ProbeTarget(pid, Optional.empty());
    }

    public static ProbeTarget container(long pid, Path cgroupDir) {
        return new ProbeTarget(pid, Optional.of(cgroupDir));
    }
}

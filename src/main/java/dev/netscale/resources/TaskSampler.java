package dev.netscale.resources;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps, for every thread of the receiver seen during a window, its first and its latest
 * reading. The kernel forgets a thread's counters when it exits, and a receiver's connection
 * threads exit before it prints its done line, so the threads are read again and again
 * during the window: an exited thread keeps its last reading, and what it did after that
 * (at most one sampling interval) is lost, which {@link ResourceUse#threadCpuCoverage()}
 * shows. A thread first seen after the window's first reading started inside the window and
 * counts from zero.
 */
final class TaskSampler {

    /** Where a thread's files are: under the process, or directly under /proc. */
    interface Tasks {
        /** The thread ids now, or an empty list when the process or cgroup is gone. */
        List<Long> list();

        Path dir(long tid);
    }

    private final Tasks tasks;
    private final Map<Long, TaskReading> first = new HashMap<>();
    private final Map<Long, TaskReading> last = new HashMap<>();
    private boolean started;
    private int peak;
    private int samples;

    TaskSampler(Tasks tasks) {
        this.tasks = tasks;
    }

    /** The threads of one process: {@code procRoot/PID/task/*}. */
    static Tasks ofProcess(Path procRoot, long pid) {
        Path taskDir = procRoot.resolve(Long.toString(pid)).resolve("task");
        return new Tasks() {
            @Override
            public List<Long> list() {
                return numbers(taskDir);
            }

            @Override
            public Path dir(long tid) {
                return taskDir.resolve(Long.toString(tid));
            }
        };
    }

    /**
     * Every thread of a cgroup: {@code tasks} (v1) or {@code cgroup.threads} (v2), each read
     * at {@code procRoot/TID}.
     */
    static Tasks ofCgroup(Path procRoot, CgroupCpu cgroup) {
        Path list = cgroup.dir().resolve(cgroup.version() == CgroupCpu.Version.V1 ? "tasks"
                : "cgroup.threads");
        return new Tasks() {
            @Override
            public List<Long> list() {
                return ProcFiles.read(list).map(TaskSampler::lines).orElse(List.of());
            }

            @Override
            public Path dir(long tid) {
                return procRoot.resolve(Long.toString(tid));
            }
        };
    }

    /** Reads every thread now. */
    synchronized void sample() {
        List<Long> tids = tasks.list();
        int seen = 0;
        for (long tid : tids) {
            Optional<TaskReading> r = TaskReading.read(tid, tasks.dir(tid));
            if (r.isEmpty()) {
                continue;
            }
            seen++;
            last.put(tid, r.get());
            if (!started) {
                first.put(tid, r.get());
            }
        }
        started = true;
        peak = Math.max(peak, seen);
        samples++;
    }

    /** Each thread's use since the first sample, busiest first. */
    synchronized List<TaskReading> used() {
        List<TaskReading> out = new ArrayList<>();
        last.forEach((tid, r) -> {
            TaskReading before = first.get(tid);
            out.add(before == null ? r : r.since(before));
        });
        out.sort(Comparator.comparingLong(TaskReading::cpuNanos).reversed()
                .thenComparingLong(TaskReading::tid));
        return out;
    }

    /** The most threads one sample found. */
    synchronized int peak() {
        return peak;
    }

    synchronized int samples() {
        return samples;
    }

    private static List<Long> numbers(Path dir) {
        List<Long> out = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                try {
                    out.add(Long.parseLong(p.getFileName().toString()));
                } catch (NumberFormatException e) {
                    // Not a thread's folder.
                }
            }
        } catch (IOException e) {
            // The process exited: no threads.
        }
        out.sort(null);
        return out;
    }

    private static List<Long> lines(String text) {
        List<Long> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank()) {
                out.add(Long.parseLong(line.strip()));
            }
        }
        return out;
    }
}

package dev.netscale.resources;

import java.nio.file.Path;
import java.util.Optional;

/**
 * One thread's counters at one moment: its name, the CPU time it ran and its context
 * switches. CPU time comes from {@code schedstat} (the scheduler's run time in nanoseconds);
 * kernels without it fall back to {@code stat}'s clock ticks.
 */
public record TaskReading(long tid, String name, long cpuNanos, long voluntarySwitches,
        long involuntarySwitches) {

    /**
     * Reads the task whose files are in {@code dir} ({@code /proc/PID/task/TID} or {@code
     * /proc/TID}); empty when it exited meanwhile.
     *
     * @throws IllegalArgumentException when a file exists but cannot be parsed
     */
    public static Optional<TaskReading> read(long tid, Path dir) {
        Optional<String> status = ProcFiles.read(dir.resolve("status"));
        if (status.isEmpty()) {
            return Optional.empty();
        }
        TaskStatus s = TaskStatus.parse(status.get());
        Optional<Long> cpu = ProcFiles.read(dir.resolve("schedstat")).map(TaskReading::runNanos)
                .or(() -> ProcFiles.read(dir.resolve("stat"))
                        .map(t -> ClockTicks.toNanos(ProcessStat.parse(t).cpuTicks())));
        return cpu.map(c -> new TaskReading(tid, s.name(), c, s.voluntarySwitches(),
                s.involuntarySwitches()));
    }

    /** The first field of a schedstat line: time spent on the CPU, in nanoseconds. */
    static long runNanos(String schedstat) {
        String[] f = schedstat.trim().split("\\s+");
        try {
            return Long.parseLong(f[0]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a schedstat line that is not numbers: '"
                    + schedstat.strip() + "'", e);
        }
    }

    /** What this thread used since {@code before}, its reading at the window's start. */
    TaskReading since(TaskReading before) {
        return new TaskReading(tid, name, cpuNanos - before.cpuNanos,
                voluntarySwitches - before.voluntarySwitches,
                involuntarySwitches - before.involuntarySwitches);
    }
}

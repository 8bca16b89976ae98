package dev.netscale.resources;

/**
 * What netscale uses from {@code /proc/PID/task/TID/status}: the thread's name and its
 * context switches. A voluntary switch is the thread giving up the CPU to wait (a blocking
 * recv, a futex); an involuntary one is the scheduler taking the CPU away from a thread that
 * could have gone on. The process's own status file counts only its main thread, so the
 * counts of a process are summed over its tasks.
 */
public record TaskStatus(String name, long voluntarySwitches, long involuntarySwitches) {

    /**
     * Parses a status file.
     *
     * @throws IllegalArgumentException when it lacks the name or a context-switch count
     */
    public static TaskStatus parse(String text) {
        String name = ProcFiles.field(text, "Name:").orElseThrow(() ->
                new IllegalArgumentException("a status file without a Name: line"));
        long voluntary = ProcFiles.number(text, "voluntary_ctxt_switches:");
        long involuntary = ProcFiles.number(text, "nonvoluntary_ctxt_switches:");
        if (voluntary < 0 || involuntary < 0) {
            throw new IllegalArgumentException("the status file of '" + name + "' lacks"
                    + " voluntary_ctxt_switches or nonvoluntary_ctxt_switches");
        }
        return new TaskStatus(name, voluntary, involuntary);
    }
}

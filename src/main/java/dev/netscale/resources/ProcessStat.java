package dev.netscale.resources;

/**
 * The fields netscale uses from {@code /proc/PID/stat} or {@code /proc/PID/task/TID/stat}
 * (proc(5)). For a process, {@code utime} and {@code stime} include the threads that already
 * exited; for a task they are that thread's alone. Both are in clock ticks (USER_HZ) and are
 * the kernel's precise run time truncated to a tick, so a difference of two readings is
 * exact to about two ticks.
 *
 * @param comm the command name (thread name for a task), at most 15 characters
 * @param state R, S, D, Z and so on
 * @param threads the process's thread count (field 20)
 */
public record ProcessStat(long pid, String comm, char state, long utimeTicks, long stimeTicks,
        int threads) {

    /**
     * Parses one stat line. The command name may hold spaces and parentheses, so the fields
     * are counted from the last closing parenthesis.
     *
     * @throws IllegalArgumentException naming what is wrong with the line
     */
    public static ProcessStat parse(String line) {
        int open = line.indexOf('(');
        int close = line.lastIndexOf(')');
        if (open < 0 || close < open) {
            throw new IllegalArgumentException("not a /proc stat line: '" + abbreviate(line)
                    + "'");
        }
        String[] rest = line.substring(close + 1).trim().split("\\s+");
        // rest[0] is field 3 (state), so field n is rest[n - 3].
        if (rest.length < 18) {
            throw new IllegalArgumentException("a /proc stat line with " + (rest.length + 2)
                    + " fields, expected at least 20: '" + abbreviate(line) + "'");
        }
        try {
            return new ProcessStat(Long.parseLong(line.substring(0, open).trim()),
                    line.substring(open + 1, close), rest[0].charAt(0), Long.parseLong(rest[11]),
                    Long.parseLong(rest[12]), Integer.parseInt(rest[17]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a /proc stat line with a field that is not a"
                    + " number: '" + abbreviate(line) + "'", e);
        }
    }

    public long cpuTicks() {
        return utimeTicks + stimeTicks;
    }

    private static String abbreviate(String line) {
        String one = line.strip();
        return one.length() <= 80 ? one : one.substring(0, 77) + "...";
    }
}

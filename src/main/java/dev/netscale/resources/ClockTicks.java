package dev.netscale.resources;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The kernel's USER_HZ: the unit of the CPU times in {@code /proc/PID/stat}, {@code /proc/stat}
 * and cgroup v1's {@code cpuacct.stat}. Read once from this process's auxiliary vector
 * (AT_CLKTCK, see getauxval(3)); 100, the value on every common Linux architecture, when it
 * cannot be read.
 */
final class ClockTicks {
    static final long DEFAULT_PER_SECOND = 100;
    private static final long AT_CLKTCK = 17;
    private static final long PER_SECOND = read(Path.of("/proc/self/auxv"));

    private ClockTicks() {
    }

    static long perSecond() {
        return PER_SECOND;
    }

    static long toNanos(long ticks) {
        return ticks * (1_000_000_000L / PER_SECOND);
    }

    /** AT_CLKTCK from an auxiliary vector of 64-bit little-endian (type, value) pairs. */
    static long read(Path auxv) {
        try {
            ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(auxv))
                    .order(ByteOrder.LITTLE_ENDIAN);
            while (b.remaining() >= 16) {
                long type = b.getLong();
                long value = b.getLong();
                if (type == AT_CLKTCK && value > 0 && 1_000_000_000L % value == 0) {
                    return value;
                }
                if (type == 0) {
                    break;
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux, or not readable: the usual value.
        }
        return DEFAULT_PER_SECOND;
    }
}

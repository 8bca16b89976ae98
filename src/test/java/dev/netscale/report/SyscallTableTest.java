package dev.netscale.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netscale.resources.StraceSummary.Syscall;
import dev.netscale.results.SyscallProfile;
import dev.netscale.results.SyscallsCsv;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both receivers handled 4,000 messages at 4 senders. native: one recvfrom and one sendto per
 * message, 2 more sendto for the release bytes, 9 futex, 4 write, 2 accept4 (under 0.001 per
 * message, so summed as "other"). wasmer: 2 epoll_wait, 2 recvfrom (1 of them failing), one
 * sendto, 0.1 futex and 10 sched_yield per 4,000 messages.
 */
class SyscallTableTest {
    @TempDir
    Path dir;

    static final SyscallProfile NATIVE = new SyscallProfile("native", "native", "", 4, "attach",
            4000, "", "logs/profile-native", List.of(new Syscall("sendto", 4002, 0),
                    new Syscall("recvfrom", 4000, 0), new Syscall("futex", 9, 0),
                    new Syscall("write", 4, 0), new Syscall("accept4", 2, 0)));
    static final SyscallProfile WASMER = new SyscallProfile("wasmer", "wasmer", "cranelift", 4,
            "attach", 4000, "", "logs/profile-wasmer", List.of(
                    new Syscall("epoll_wait", 8000, 0), new Syscall("recvfrom", 8000, 4000),
                    new Syscall("sendto", 4000, 0), new Syscall("futex", 400, 0),
                    new Syscall("sched_yield", 10, 0)));

    @Test
    void listsCallsPerMessageSideBySideMostCalledFirst() {
        List<String> lines = SyscallTable.lines(List.of(NATIVE, WASMER));

        assertThat(lines).containsSequence(
                "| system call | native | wasmer |",
                "| :--- | ---: | ---: |",
                "| epoll_wait | – | 2.00 |",
                "| recvfrom | 1.00 | 2.00 (1.00) |",
                "| sendto | 1.00 | 1.00 |",
                "| futex | 0.00225 | 0.100 |",
                "| sched_yield | – | 0.00250 |",
                "| write | 0.00100 | – |",
                "| 1 other kind | 0.000500 | 0 |",
                "| **all** | **2.00** | **5.10** |");
    }

    @Test
    void saysWhichCallsWasmerAddsComparedWithNative() {
        List<String> lines = SyscallTable.lines(List.of(NATIVE, WASMER));

        assertThat(lines).contains("- Compared with native, **wasmer** adds `epoll_wait` (2.00"
                + " per message, none in native), `recvfrom` (2.00 per message against 1.00),"
                + " `futex` (0.100 per message against 0.00225). In all, 5.10 calls per message"
                + " against native's 2.00.");
    }

    @Test
    void aRuntimeThatReadsAndWritesWhereNativeReceivesAndSendsReadsAsASwap() {
        SyscallProfile jvm = new SyscallProfile("jvm", "jvm", "", 4, "attach", 4000, "",
                "logs/profile-jvm", List.of(new Syscall("read", 4000, 0),
                        new Syscall("write", 4040, 0), new Syscall("futex", 1600, 0)));

        // Largest differences first: write +1.009, read +1.0, futex +0.398.
        assertThat(SyscallTable.added(jvm, NATIVE)).isEqualTo("Compared with native, **jvm**"
                + " adds `write` (1.01 per message against 0.00100), `read` (1.00 per message,"
                + " none in native), `futex` (0.400 per message against 0.00225). It makes"
                + " fewer `sendto` (none against 1.00), `recvfrom` (none against 1.00). In all,"
                + " 2.41 calls per message against native's 2.00.");
    }

    @Test
    void saysHowStraceRanAndThatTheseTrialsAreForCountsOnly() {
        List<String> lines = SyscallTable.lines(List.of(NATIVE, WASMER));

        assertThat(lines.get(2)).startsWith("Counted by `strace -c -f`, attached to the receiver"
                + " from its ready line to its done line (start-up and exit not counted), in"
                + " one extra trial per receiver at 4 senders. Tracing slows every system call,"
                + " so these trials are used for counts only, never for throughput.");
    }

    @Test
    void namesAProfileThatCouldNotBeCounted() {
        SyscallProfile failed = new SyscallProfile("jvm", "jvm", "", 4, "attach", 0,
                "timed out waiting for the receiver's done line", "logs/profile-jvm", List.of());

        assertThat(SyscallTable.lines(List.of(NATIVE, failed))).contains("- **jvm** was not"
                + " counted: timed out waiting for the receiver's done line");
    }

    @Test
    void readsBackFromSyscallsCsvUnchanged() {
        Path csv = dir.resolve(SyscallsCsv.FILE);
        SyscallsCsv.append(csv, "abc", NATIVE);
        SyscallsCsv.append(csv, "abc", WASMER);

        assertThat(SyscallsCsv.read(csv)).containsExactly(NATIVE, WASMER);
    }
}

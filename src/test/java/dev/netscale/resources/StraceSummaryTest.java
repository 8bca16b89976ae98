package dev.netscale.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.netscale.resources.StraceSummary.Syscall;
import java.util.List;
import org.junit.jupiter.api.Test;

class StraceSummaryTest {

    /**
     * Recorded from the native receiver with 2 connections of 2,000 messages: one recvfrom
     * and one sendto per message, 2 more sendto for the release bytes.
     */
    @Test
    void readsEveryRowOfTheTableMostCalledFirst() {
        List<Syscall> rows = StraceSummary.parse(Fixtures.text("strace-native.txt"));

        assertThat(rows).hasSize(18);
        assertThat(rows.subList(0, 3)).containsExactly(new Syscall("sendto", 4002, 0),
                new Syscall("recvfrom", 4000, 0), new Syscall("futex", 9, 0));
        assertThat(rows).extracting(Syscall::name).doesNotContain("total");
    }

    @Test
    void readsTheErrorsColumnWhereItIsFilled() {
        List<Syscall> rows = StraceSummary.parse(Fixtures.text("strace-errors.txt"));

        assertThat(rows).containsExactly(new Syscall("epoll_wait", 20020, 0),
                new Syscall("recvfrom", 16010, 8006), new Syscall("sendto", 8000, 0),
                new Syscall("futex", 300, 12));
    }

    @Test
    void saysWhatItFoundWhenThereIsNoTable() {
        assertThatThrownBy(() -> StraceSummary.parse("strace: attach: ptrace(PTRACE_SEIZE,"
                + " 12): Operation not permitted\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no strace -c table; the output begins with 'strace: attach:"
                        + " ptrace(PTRACE_SEIZE, 12): Operation not permitted'");
    }
}

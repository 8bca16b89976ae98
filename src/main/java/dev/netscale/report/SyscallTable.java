package dev.netscale.report;

import dev.netscale.resources.StraceSummary.Syscall;
import dev.netscale.results.SyscallProfile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The profiled trials in report.md: system calls per message by kind, side by side for every
 * receiver, and which calls each runtime adds compared with the native receiver.
 */
final class SyscallTable {

    /** Kinds under this many calls per message for every receiver are summed, not listed. */
    static final double MIN_PER_MESSAGE = 0.001;
    /** The most kinds the table lists. */
    static final int MAX_ROWS = 15;
    /** A kind a runtime makes at least this many more times per message is called added. */
    static final double ADDED_PER_MESSAGE = 0.05;
    /** The most added kinds a sentence names. */
    static final int MAX_NAMED = 5;

    private SyscallTable() {
    }

    static List<String> lines(List<SyscallProfile> profiles) {
        if (profiles.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        out.add("### System calls per message");
        out.add("");
        List<SyscallProfile> ok = profiles.stream().filter(SyscallProfile::ok).toList();
        String senders = profiles.stream().map(p -> Format.senders(p.senders())).distinct()
                .collect(Collectors.joining(", "));
        String method = ok.stream().map(SyscallProfile::method).distinct()
                .map(m -> m.equals("attach") ? "attached to the receiver from its ready line"
                        + " to its done line (start-up and exit not counted)"
                        : "wrapping the receiver from its start (start-up counted)")
                .collect(Collectors.joining("; "));
        out.add("Counted by `strace -c -f`" + (method.isEmpty() ? "" : ", " + method) + ", in one"
                + " extra trial per receiver at " + senders + ". Tracing slows every system"
                + " call, so these trials are used for counts only, never for throughput."
                + " Per message is calls over the messages the receiver handled (warm-up"
                + " included); failed calls per message are in parentheses. `syscalls.csv`"
                + " holds every kind.");
        out.add("");
        profiles.stream().filter(p -> !p.ok()).forEach(p -> out.add("- **" + p.receiver()
                + "** was not counted: " + p.failure()));
        if (ok.isEmpty()) {
            return out;
        }
        if (ok.size() < profiles.size()) {
            out.add("");
        }
        table(ok, out);
        out.add("");
        baseline(ok).ifPresent(base -> ok.stream().filter(p -> p != base)
                .forEach(p -> out.add("- " + added(p, base))));
        out.add("");
        return out;
    }

    private static void table(List<SyscallProfile> ok, List<String> out) {
        List<String> kinds = kinds(ok);
        List<String> listed = kinds.stream().filter(k -> ok.stream()
                .anyMatch(p -> p.perMessage(k) >= MIN_PER_MESSAGE)).limit(MAX_ROWS).toList();
        out.add("| system call | " + ok.stream().map(SyscallProfile::receiver)
                .collect(Collectors.joining(" | ")) + " |");
        out.add("| :--- |" + " ---: |".repeat(ok.size()));
        for (String k : listed) {
            out.add("| " + k + " | " + ok.stream().map(p -> cell(p, k))
                    .collect(Collectors.joining(" | ")) + " |");
        }
        int rest = kinds.size() - listed.size();
        if (rest > 0) {
            out.add("| " + Format.plural(rest, "other kind") + " | " + ok.stream()
                    .map(p -> Format.significant(p.totalPerMessage() - listed.stream()
                            .mapToDouble(p::perMessage).sum()))
                    .collect(Collectors.joining(" | ")) + " |");
        }
        out.add("| **all** | " + ok.stream().map(p -> "**" + Format.significant(
                p.totalPerMessage()) + "**").collect(Collectors.joining(" | ")) + " |");
    }

    /** Every kind any receiver called, the most called per message (by any) first. */
    private static List<String> kinds(List<SyscallProfile> ok) {
        Set<String> all = new LinkedHashSet<>();
        ok.forEach(p -> p.syscalls().forEach(s -> all.add(s.name())));
        return all.stream().sorted(Comparator.comparingDouble((String k) -> ok.stream()
                .mapToDouble(p -> p.perMessage(k)).max().orElse(0)).reversed()
                .thenComparing(k -> k)).toList();
    }

    private static String cell(SyscallProfile p, String kind) {
        double calls = p.perMessage(kind);
        if (calls == 0) {
            return "–";
        }
        double errors = p.syscalls().stream().filter(s -> s.name().equals(kind))
                .mapToLong(Syscall::errors).sum() / (double) p.messages();
        return Format.significant(calls) + (errors > 0 ? " (" + Format.significant(errors)
                + ")" : "");
    }

    /** The profile the others are compared with: the first native one. */
    private static Optional<SyscallProfile> baseline(List<SyscallProfile> ok) {
        return ok.stream().filter(p -> p.runtime().equals("native")).findFirst();
    }

    /**
     * What {@code p} calls more often per message than {@code base}, and what it calls less
     * often, so that a runtime that uses read and write where native uses recvfrom and sendto
     * reads as a swap rather than as extra calls.
     */
    static String added(SyscallProfile p, SyscallProfile base) {
        List<String> more = kinds(List.of(p, base)).stream()
                .filter(k -> p.perMessage(k) - base.perMessage(k) >= ADDED_PER_MESSAGE)
                .sorted(Comparator.comparingDouble((String k) -> p.perMessage(k)
                        - base.perMessage(k)).reversed())
                .toList();
        List<String> fewer = kinds(List.of(p, base)).stream()
                .filter(k -> base.perMessage(k) - p.perMessage(k) >= ADDED_PER_MESSAGE)
                .limit(MAX_NAMED).toList();
        String less = fewer.isEmpty() ? "" : " It makes fewer " + fewer.stream()
                .map(k -> "`" + k + "` (" + (p.perMessage(k) > 0
                        ? Format.significant(p.perMessage(k)) : "none") + " against "
                        + Format.significant(base.perMessage(k)) + ")")
                .collect(Collectors.joining(", ")) + ".";
        String totals = less + " In all, " + Format.significant(p.totalPerMessage())
                + " calls per message against " + base.receiver() + "'s "
                + Format.significant(base.totalPerMessage()) + ".";
        if (more.isEmpty()) {
            return "**" + p.receiver() + "** makes no kind of call at least "
                    + Format.significant(ADDED_PER_MESSAGE) + " times per message more often"
                    + " than " + base.receiver() + "." + totals;
        }
        String named = more.stream().limit(MAX_NAMED).map(k -> "`" + k + "` ("
                + Format.significant(p.perMessage(k)) + " per message"
                + (base.perMessage(k) > 0 ? " against " + Format.significant(base.perMessage(k))
                        : ", none in " + base.receiver()) + ")")
                .collect(Collectors.joining(", "));
        return "Compared with " + base.receiver() + ", **" + p.receiver() + "** adds " + named
                + (more.size() > MAX_NAMED ? " and " + Format.plural(more.size() - MAX_NAMED,
                        "more kind") : "") + "." + totals;
    }
}

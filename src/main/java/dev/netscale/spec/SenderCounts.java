package dev.netscale.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sender counts as written in specs: a number ({@code 4}), a range ({@code 1..40}), a range
 * with a step ({@code 1..40/3}), or a list mixing them ({@code [1, 2, 4..8]}).
 */
final class SenderCounts {
    private static final Pattern RANGE = Pattern.compile("(\\d+)\\s*\\.\\.\\s*(\\d+)(?:\\s*/\\s*(\\d+))?");
    private static final String ACCEPTED = "write a number, a range such as 1..40 (or 1..40/3"
            + " for every third), or a list such as [1, 2, 4, 8]";

    private SenderCounts() {
    }

    static List<Integer> parse(SpecReader in, JsonNode node, String path) {
        if (node == null || node.isNull()) {
            in.problem(path, "missing; " + ACCEPTED);
            return List.of(1);
        }
        LinkedHashSet<Integer> out = new LinkedHashSet<>();
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                add(in, node.get(i), path + "[" + i + "]", out);
            }
        } else {
            add(in, node, path, out);
        }
        return out.isEmpty() ? List.of(1) : new ArrayList<>(out);
    }

    private static void add(SpecReader in, JsonNode n, String path, LinkedHashSet<Integer> out) {
        if (n.isIntegralNumber()) {
            check(in, path, n.asLong(), out);
            return;
        }
        Matcher m = RANGE.matcher(n.asText().trim());
        if (!n.isTextual() || !m.matches()) {
            in.problem(path, "'" + n.asText() + "' is not a sender count; " + ACCEPTED);
            return;
        }
        long lo = Long.parseLong(m.group(1));
        long hi = Long.parseLong(m.group(2));
        long step = m.group(3) == null ? 1 : Long.parseLong(m.group(3));
        if (lo > hi || step < 1) {
            in.problem(path, "range '" + n.asText() + "' is empty; write it low..high");
            return;
        }
        for (long v = lo; v <= hi; v += step) {
            if (!check(in, path, v, out)) {
                return;
            }
        }
    }

    private static boolean check(SpecReader in, String path, long v, LinkedHashSet<Integer> out) {
        if (v < 1 || v > Defaults.MAX_SENDERS) {
            in.problem(path, "sender count " + v + " is out of range; accepted: 1 to "
                    + Defaults.MAX_SENDERS);
            return false;
        }
        out.add((int) v);
        return true;
    }
}

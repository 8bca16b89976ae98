package dev.netscale.measure;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/** What a receiver printed in one trial, parsed. */
public record ReceiverReport(List<Conn> connections, List<String> errors, boolean done,
        OptionalLong releasedNanos, String runtime) {

    /**
     * One connection as the receiver saw it.
     *
     * @param active messages received while every connection of the trial was active
     */
    public record Conn(long id, String thread, String threadKind, long messages, long warmup,
            long firstNanos, long lastNanos, long active) {
    }

    public static ReceiverReport parse(List<String> lines) {
        List<Conn> conns = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        boolean done = false;
        OptionalLong released = OptionalLong.empty();
        String runtime = "";
        for (String text : lines) {
            var parsed = OutputLine.parse(text);
            if (parsed.isEmpty()) {
                continue;
            }
            OutputLine l = parsed.get();
            switch (l.kind()) {
                case "ready" -> runtime = l.optional("runtime").orElse("");
                case "released" -> released = OptionalLong.of(l.number("ns"));
                case "conn" -> conns.add(new Conn(l.number("id"), l.text("thread"),
                        l.optional("thread-kind").orElse("os"), l.number("messages"),
                        l.number("warmup"), l.number("first-ns"), l.number("last-ns"),
                        l.optional("active").map(Long::parseLong).orElse(-1L)));
                case "error" -> errors.add(l.describe());
                case "done" -> done = true;
                default -> {
                    // Other lines are diagnostics, kept in the logs.
                }
            }
        }
        return new ReceiverReport(conns, errors, done, released, runtime);
    }
}

package dev.netscale.spec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.netscale.spec.ExperimentSpec.ReceiverSpec;
import dev.netscale.spec.ExperimentSpec.SenderSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Reads a spec's {@code expect:} list. Receivers must be ids of the spec and sender counts
 * counts it measures, so that an expectation that could never be evaluated is refused when the
 * spec is loaded rather than reported as "not measured" after a long run.
 */
final class ExpectationReader {
    static final String RATIO_AT = "ratio-at";
    static final String STOPS_GROWING_AT = "stops-growing-at";
    static final String CPU_PER_MESSAGE_ABOVE = "cpu-per-message-above";
    private static final List<String> KINDS = List.of(RATIO_AT, STOPS_GROWING_AT,
            CPU_PER_MESSAGE_ABOVE);
    private static final Set<String> ENTRY = Set.of("receiver", RATIO_AT, STOPS_GROWING_AT,
            CPU_PER_MESSAGE_ABOVE, "min-receiver-cpus");
    private static final Set<String> RATIO = Set.of("senders", "min", "max");
    private static final Set<String> STOPS = Set.of("senders", "tolerance");
    private static final String EXAMPLE = "{ receiver: native, ratio-at: { senders: 15, min: 8.5,"
            + " max: 10.5 } }";

    private final SpecReader in;
    private final List<String> receiverIds;
    private final List<Integer> counts;

    ExpectationReader(SpecReader in, List<ReceiverSpec> receivers, SenderSpec senders) {
        this.in = in;
        this.receiverIds = receivers.stream().map(ReceiverSpec::id).toList();
        this.counts = senders.counts();
    }

    List<Expectation> read(JsonNode root) {
        JsonNode list = root.get("expect");
        if (list == null || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            in.problem("expect", "expected a list of expectations such as - " + EXAMPLE);
            return List.of();
        }
        List<Expectation> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            entry(list.get(i), "expect[" + i + "]").ifPresent(out::add);
        }
        return out;
    }

    private Optional<Expectation> entry(JsonNode e, String path) {
        if (!e.isObject()) {
            in.problem(path, "expected a mapping such as " + EXAMPLE);
            return Optional.empty();
        }
        in.onlyKeys(e, path, ENTRY);
        Optional<String> receiver = in.string(e, path, "receiver", true)
                .filter(r -> knownReceiver(path + ".receiver", r));
        int minCpus = in.integer(e, path, "min-receiver-cpus", 1, Defaults.MAX_SENDERS)
                .orElse(0L).intValue();
        List<String> kinds = KINDS.stream().filter(e::has).toList();
        if (kinds.size() != 1) {
            in.problem(path, (kinds.isEmpty() ? "says nothing to check" : "gives "
                    + String.join(" and ", kinds)) + "; give exactly one of "
                    + String.join(", ", KINDS) + " per entry");
            return Optional.empty();
        }
        String kindPath = path + "." + kinds.get(0);
        Optional<Expectation> x = switch (kinds.get(0)) {
            case RATIO_AT -> ratioAt(e.get(RATIO_AT), kindPath, receiver, minCpus);
            case STOPS_GROWING_AT -> stopsGrowingAt(e.get(STOPS_GROWING_AT), kindPath, receiver,
                    minCpus);
            default -> cpuAbove(e, path, receiver, minCpus);
        };
        return receiver.isPresent() ? x : Optional.empty();
    }

    private Optional<Expectation> ratioAt(JsonNode n, String path, Optional<String> receiver,
            int minCpus) {
        if (!n.isObject()) {
            in.problem(path, "expected a mapping such as { senders: 15, min: 8.5, max: 10.5 }");
            return Optional.empty();
        }
        in.onlyKeys(n, path, RATIO);
        Optional<Integer> senders = senders(n, path);
        Optional<Double> min = in.decimal(n, path, "min", 0, 1e6);
        Optional<Double> max = in.decimal(n, path, "max", 0, 1e6);
        if (!n.has("min") && !n.has("max")) {
            in.problem(path, "gives no bound; add 'min', 'max' or both");
            return Optional.empty();
        }
        if (min.isPresent() && max.isPresent() && min.get() > max.get()) {
            in.problem(path + ".max", max.get() + " is below min (" + min.get() + ")");
            return Optional.empty();
        }
        if (senders.isEmpty() || receiver.isEmpty() || (n.has("min") && min.isEmpty())
                || (n.has("max") && max.isEmpty())) {
            return Optional.empty();
        }
        return Optional.of(new Expectation.RatioAt(receiver.get(), senders.get(),
                min.map(OptionalDouble::of).orElse(OptionalDouble.empty()),
                max.map(OptionalDouble::of).orElse(OptionalDouble.empty()), minCpus));
    }

    private Optional<Expectation> stopsGrowingAt(JsonNode n, String path,
            Optional<String> receiver, int minCpus) {
        if (!n.isObject()) {
            in.problem(path, "expected a mapping such as { senders: 4, tolerance: 1 }");
            return Optional.empty();
        }
        in.onlyKeys(n, path, STOPS);
        Optional<Integer> senders = senders(n, path);
        long tolerance = in.integer(n, path, "tolerance", 0, Defaults.MAX_SENDERS).orElse(0L);
        if (senders.isPresent() && senders.get() == counts.stream()
                .mapToInt(Integer::intValue).max().orElse(0)) {
            in.problem(path + ".senders", senders.get() + " is the spec's largest sender"
                    + " count, where no curve can be seen to stop growing; measure beyond it");
            return Optional.empty();
        }
        return senders.flatMap(s -> receiver.map(r -> new Expectation.StopsGrowingAt(r, s,
                (int) tolerance, minCpus)));
    }

    private Optional<Expectation> cpuAbove(JsonNode e, String path, Optional<String> receiver,
            int minCpus) {
        String p = path + "." + CPU_PER_MESSAGE_ABOVE;
        Optional<String> other = in.string(e, path, CPU_PER_MESSAGE_ABOVE, true)
                .filter(o -> knownReceiver(p, o));
        if (other.isPresent() && other.equals(receiver)) {
            in.problem(p, "compares " + other.get() + " with itself; name another receiver");
            return Optional.empty();
        }
        return other.flatMap(o -> receiver.map(r -> new Expectation.CpuPerMessageAbove(r, o,
                minCpus)));
    }

    private Optional<Integer> senders(JsonNode n, String path) {
        if (!n.has("senders")) {
            in.problem(path + ".senders", "missing; add the sender count to check, one of "
                    + counts);
            return Optional.empty();
        }
        return in.integer(n, path, "senders", 1, Defaults.MAX_SENDERS).map(Long::intValue)
                .filter(s -> {
                    if (!counts.contains(s)) {
                        in.problem(path + ".senders", s + " senders is not measured by this"
                                + " spec; accepted: one of senders.counts " + counts);
                        return false;
                    }
                    return true;
                });
    }

    private boolean knownReceiver(String path, String id) {
        if (receiverIds.contains(id)) {
            return true;
        }
        String hint = Suggest.closest(id, receiverIds).map(h -> "did you mean '" + h + "'? ")
                .orElse("");
        in.problem(path, "'" + id + "' is not a receiver id of this spec; " + hint + "accepted: "
                + String.join(", ", receiverIds));
        return false;
    }
}

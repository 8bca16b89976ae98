package dev.netscale.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.netscale.spec.ExperimentSpec.Convergence;
import dev.netscale.spec.ExperimentSpec.Order;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Reads how a spec repeats and orders its trials ({@code repetitions}, {@code convergence},
 * {@code order}) and how long the host is calibrated first ({@code calibration}).
 */
final class RepetitionReader {
    static final Set<String> KEYS = Set.of("repetitions", "convergence", "order", "calibration");
    private static final Set<String> CONVERGENCE = Set.of("target", "min", "max");
    private static final Set<String> ORDER = Set.of("shuffle", "seed");
    private static final int MAX_REPETITIONS = 1000;
    private static final Duration MAX_CALIBRATION = Duration.ofSeconds(60);

    private RepetitionReader() {
    }

    /** The fixed count, or with {@code convergence} the most a point gets. */
    static int repetitions(Optional<Convergence> convergence, SpecReader in, JsonNode root) {
        if (convergence.isPresent()) {
            return convergence.get().max();
        }
        if (root.path("repetitions").isTextual()) {
            return Defaults.REPETITIONS; // a word other than auto, reported by convergence()
        }
        return in.integer(root, "", "repetitions", 1, MAX_REPETITIONS)
                .orElse((long) Defaults.REPETITIONS).intValue();
    }

    /** Present for {@code repetitions: auto}, with its {@code convergence} settings. */
    static Optional<Convergence> convergence(SpecReader in, JsonNode root) {
        JsonNode reps = root.get("repetitions");
        boolean auto = reps != null && reps.isTextual() && reps.asText().equals("auto");
        if (reps != null && reps.isTextual() && !auto) {
            in.problem("repetitions", "'" + reps.asText() + "' is not accepted; write a whole"
                    + " number from 1 to " + MAX_REPETITIONS + ", or 'auto' to repeat each point"
                    + " until it converges (see 'convergence')");
        }
        Optional<JsonNode> c = in.object(root, "", "convergence", false);
        if (!auto) {
            c.ifPresent(n -> in.problem("convergence", "applies only with 'repetitions: auto';"
                    + " set it, or remove 'convergence'"));
            return Optional.empty();
        }
        JsonNode n = c.orElse(JsonNodeFactory.instance.objectNode());
        in.onlyKeys(n, "convergence", CONVERGENCE);
        double target = in.percent(n, "convergence", "target")
                .orElse(Defaults.CONVERGENCE_TARGET);
        // Two values are the fewest with an interval at all.
        int min = in.integer(n, "convergence", "min", 2, MAX_REPETITIONS)
                .orElse((long) Defaults.CONVERGENCE_MIN).intValue();
        int max = in.integer(n, "convergence", "max", 2, MAX_REPETITIONS)
                .orElse((long) Math.max(min, Defaults.CONVERGENCE_MAX)).intValue();
        if (max < min) {
            in.problem("convergence.max", max + " is below convergence.min (" + min + ");"
                    + " accepted: " + min + " or more");
            max = min;
        }
        return Optional.of(new Convergence(target, min, max));
    }

    static Order order(SpecReader in, JsonNode root) {
        JsonNode n = in.object(root, "", "order", false)
                .orElse(JsonNodeFactory.instance.objectNode());
        in.onlyKeys(n, "order", ORDER);
        boolean shuffle = in.bool(n, "order", "shuffle").orElse(Defaults.SHUFFLE);
        Optional<Long> seed = in.integer(n, "order", "seed", 0, Long.MAX_VALUE);
        return new Order(shuffle, seed.map(OptionalLong::of).orElse(OptionalLong.empty()));
    }

    /** {@code calibration: 3s} (the default) or {@code calibration: off}. */
    static Optional<Duration> calibration(SpecReader in, JsonNode root) {
        JsonNode n = root.get("calibration");
        if (n != null && (n.asText().equals("off") || (n.isBoolean() && !n.asBoolean()))) {
            return Optional.empty();
        }
        if (n != null && n.isBoolean()) {
            return Optional.of(Defaults.CALIBRATION);
        }
        Optional<Duration> d = in.duration(root, "", "calibration");
        if (d.isPresent() && d.get().compareTo(MAX_CALIBRATION) > 0) {
            in.problem("calibration", d.get().toSeconds() + " s is longer than a calibration"
                    + " needs; accepted: up to " + MAX_CALIBRATION.toSeconds() + "s, or off");
        }
        return Optional.of(d.orElse(Defaults.CALIBRATION));
    }
}

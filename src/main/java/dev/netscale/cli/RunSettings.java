package dev.netscale.cli;

import dev.netscale.spec.ExperimentSpec;
import dev.netscale.spec.ExperimentSpec.Convergence;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How one run repeats and orders its trials, settled once: from the spec and the command line
 * for a new run, from environment.json for a resumed one, so that a resumed run plans the same
 * trials in the same order as the run it finishes.
 *
 * @param repetitions the repetitions planned per point; with a convergence rule, the most
 * @param convergence the rule of {@code repetitions: auto}; empty for a fixed count
 * @param seedSource "spec", "drawn" (no seed in the spec) or "resumed"
 */
record RunSettings(int repetitions, Optional<Convergence> convergence, boolean shuffle,
        long seed, String seedSource) {

    /** Seeds drawn for a run stay below 2^31, short enough to copy into a spec. */
    private static final int DRAWN_SEED_BOUND = Integer.MAX_VALUE;

    /**
     * @param override {@code --repetitions}: a fixed count instead of the spec's; null for none
     * @param environment a resumed run's environment.json; empty for a new run
     */
    static RunSettings of(ExperimentSpec spec, Integer override,
            Map<String, Object> environment) {
        Optional<Convergence> rule = override != null ? Optional.empty() : spec.convergence();
        int reps = override != null ? override : spec.repetitions();
        if (environment.get("netscale") instanceof Map<?, ?> recorded) {
            return resumed(spec, override, recorded, reps, rule);
        }
        if (spec.order().seed().isPresent()) {
            return new RunSettings(reps, rule, spec.order().shuffle(),
                    spec.order().seed().getAsLong(), "spec");
        }
        return new RunSettings(reps, rule, spec.order().shuffle(),
                new SecureRandom().nextInt(DRAWN_SEED_BOUND), "drawn");
    }

    /**
     * A run recorded by a netscale without {@code order} planned its trials unshuffled, and
     * without {@code convergence} repeated a fixed count.
     */
    private static RunSettings resumed(ExperimentSpec spec, Integer override, Map<?, ?> recorded,
            int reps, Optional<Convergence> rule) {
        if (override == null && recorded.get("repetitions") instanceof Number n) {
            reps = n.intValue();
            rule = recorded.get("convergence") instanceof Map<?, ?> c
                    ? Optional.of(new Convergence(number(c, "target_percent") / 100,
                            (int) number(c, "min"), (int) number(c, "max")))
                    : Optional.empty();
        }
        if (recorded.get("order") instanceof Map<?, ?> o) {
            return new RunSettings(reps, rule, Boolean.TRUE.equals(o.get("shuffle")),
                    (long) number(o, "seed"), "resumed");
        }
        return new RunSettings(reps, rule, false, 0, "resumed");
    }

    private static double number(Map<?, ?> m, String key) {
        return m.get(key) instanceof Number n ? n.doubleValue() : 0;
    }

    /** The {@code netscale} entry of environment.json. */
    Map<String, Object> toMap(String backend, int trialsSchema, String specHash) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("backend", backend);
        m.put("repetitions", repetitions);
        convergence.ifPresent(c -> m.put("convergence", Map.of("target_percent",
                c.target() * 100, "min", c.min(), "max", c.max())));
        m.put("order", Map.of("shuffle", shuffle, "seed", seed, "seed_source", seedSource));
        m.put("trials_schema", trialsSchema);
        m.put("spec_hash", specHash);
        return m;
    }
}

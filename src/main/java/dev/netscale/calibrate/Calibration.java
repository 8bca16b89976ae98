package dev.netscale.calibrate;

import dev.netscale.plan.Trial;
import dev.netscale.runtime.Artifacts;
import dev.netscale.spec.CpuSet;
import dev.netscale.spec.ExperimentSpec;
import dev.netscale.spec.Runtime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a run records about its host before the first trial: the loopback ping-pong ceiling at
 * the trials' pinning, whether the host is busy, and what the JVM chooses on each JVM
 * receiver's CPU set.
 *
 * @param environment entries for environment.json: {@value CeilingShare#KEY},
 *     {@value #HEALTH} and, with JVM receivers, {@value #JVM}
 * @param warnings busy-host warnings with advice
 */
public record Calibration(Map<String, Object> environment, List<String> warnings) {
    public static final String HEALTH = "host_health";
    public static final String JVM = "jvm_ergonomics";

    /**
     * Calibrates at the first trial's CPU sets (with {@code auto} sets, every receiver gets the
     * same ones).
     */
    public static Calibration before(ExperimentSpec spec, List<Trial> trials, BitSet hostCpus) {
        Map<String, Object> env = new LinkedHashMap<>();
        Optional<HostHealth.CpuTimes> start = HostHealth.sample();
        Trial first = trials.get(0);
        if (spec.calibration().isPresent()) {
            Duration d = spec.calibration().get();
            env.put(CeilingShare.KEY, PingPongCeiling.measure(spec.message().sizeBytes(),
                    spec.message().tcpNoDelay(), first.receiverCpus(), first.senderCpus(), d)
                    .toMap());
        } else {
            env.put(CeilingShare.KEY, Map.of("skipped", "'calibration: off' in the spec"));
        }
        HostHealth health = start.filter(s -> spec.calibration().isPresent())
                .map(s -> HostHealth.during(hostCpus, s)).orElseGet(() -> HostHealth.read(
                        hostCpus));
        env.put(HEALTH, health.toMap());
        List<Map<String, Object>> jvm = jvmErgonomics(trials);
        if (!jvm.isEmpty()) {
            env.put(JVM, jvm);
        }
        return new Calibration(env, health.warnings());
    }

    /** One probe per distinct JVM receiver CPU set and option list. */
    private static List<Map<String, Object>> jvmErgonomics(List<Trial> trials) {
        Set<String> seen = new LinkedHashSet<>();
        List<Map<String, Object>> out = new ArrayList<>();
        for (Trial t : trials) {
            Runtime rt = t.receiver().runtime();
            if (rt != Runtime.JVM && rt != Runtime.JVM_VIRTUAL) {
                continue;
            }
            List<String> options = t.receiver().jvmOptions();
            if (seen.add(CpuSet.format(t.receiverCpus()) + " " + options)) {
                Map<String, Object> probe = new LinkedHashMap<>();
                probe.put("receivers", trials.stream().filter(x -> x.receiverCpus()
                        .equals(t.receiverCpus()) && x.receiver().jvmOptions().equals(options)
                        && (x.receiver().runtime() == Runtime.JVM
                                || x.receiver().runtime() == Runtime.JVM_VIRTUAL))
                        .map(x -> x.receiver().id()).distinct().toList());
                probe.putAll(JvmErgonomics.probe(Artifacts.java(), t.receiverCpus(), options));
                out.add(probe);
            }
        }
        return out;
    }
}

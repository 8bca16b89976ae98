package dev.netscale.compare;

import dev.netscale.check.MeasuredRun;
import dev.netscale.spec.ExperimentSpec.MessageSpec;
import dev.netscale.spec.ExperimentSpec.ReceiverSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Whether two runs measure the same thing. Runs are refused when a message per second means
 * something else in one than in the other: another schema of trials.csv, another message size
 * or count, warm-up or start. Settings a person may want to compare on purpose (Nagle, backend,
 * CPU sets, a receiver's runtime or compiler) are allowed and named in notes.
 */
public final class Comparability {
    private Comparability() {
    }

    /** Why the runs cannot be compared; empty when they can. */
    public static List<String> refusals(MeasuredRun a, MeasuredRun b) {
        List<String> out = new ArrayList<>();
        if (a.schema() != b.schema()) {
            out.add("trials.csv schema version " + a.schema() + " in A but " + b.schema()
                    + " in B; columns may differ in meaning across versions, so re-run one"
                    + " spec with the other's netscale");
        }
        MessageSpec ma = a.spec().message();
        MessageSpec mb = b.spec().message();
        differ(out, "message size (bytes)", ma, mb, MessageSpec::sizeBytes);
        differ(out, "message total", ma, mb, m -> m.total().map(String::valueOf).orElse("none"));
        differ(out, "messages per sender", ma, mb,
                m -> m.perSender().map(String::valueOf).orElse("none"));
        differ(out, "warm-up messages", ma, mb, MessageSpec::warmup);
        differ(out, "start", a.spec(), b.spec(), s -> s.start().id());
        if (out.isEmpty() && Points.common(a, b).isEmpty()) {
            out.add("no receiver id at a sender count was measured by both runs");
        }
        return out;
    }

    /** Differences that are allowed but change what is compared. */
    public static List<String> notes(MeasuredRun a, MeasuredRun b) {
        List<String> out = new ArrayList<>();
        differ(out, "TCP_NODELAY", a.spec().message(), b.spec().message(),
                MessageSpec::tcpNoDelay);
        differ(out, "backend", a, b, MeasuredRun::backend);
        for (String id : a.receivers()) {
            Optional<ReceiverSpec> ra = a.spec().receiver(id);
            Optional<ReceiverSpec> rb = b.spec().receiver(id);
            if (rb.isEmpty()) {
                out.add("receiver " + id + " is only in A");
                continue;
            }
            differ(out, id + " runtime", ra.get(), rb.get(), r -> r.runtime().id()
                    + r.compiler().map(c -> " (" + c + ")").orElse(""));
            differ(out, id + " receiver CPUs", a, b, run -> run.receiverCpus(id));
        }
        b.receivers().stream().filter(id -> a.spec().receiver(id).isEmpty())
                .forEach(id -> out.add("receiver " + id + " is only in B"));
        if (!a.spec().hash().equals(b.spec().hash())) {
            out.add("the specs differ (hash " + a.spec().hash() + " vs " + b.spec().hash()
                    + "); only the settings above change what a message per second means");
        }
        return out;
    }

    private static <T> void differ(List<String> out, String what, T a, T b,
            Function<T, Object> f) {
        Object va = f.apply(a);
        Object vb = f.apply(b);
        if (!Objects.equals(va, vb)) {
            out.add(what + ": " + va + " in A, " + vb + " in B");
        }
    }
}

package dev.netscale.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.netscale.spec.ExperimentSpec.MessageSpec;
import dev.netscale.spec.ExperimentSpec.ReceiverSpec;
import dev.netscale.spec.ExperimentSpec.SenderSpec;
import dev.netscale.spec.ExperimentSpec.Timeouts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a YAML experiment spec and validates it against the host, collecting every problem
 * before failing, so that a user fixes a spec in one pass.
 */
public final class SpecLoader {
    private static final Set<String> TOP = Set.of("name", "description", "backend", "message",
            "senders", "receivers", "start", "repetitions", "timeouts", "baseline", "reference",
            "allow-overlap", "docker", "order", "convergence", "calibration", "expect",
            "profile");
    private static final Set<String> MESSAGE = Set.of("size", "total", "per-sender", "warmup",
            "tcp-nodelay");
    private static final Set<String> SENDERS = Set.of("counts", "cpus", "per-process");
    /** Warm-up messages per connection, at most. */
    private static final long MAX_WARMUP = 1_000_000;
    private static final Set<String> RECEIVER = Set.of("id", "runtime", "compiler", "cpus",
            "jvm-options", "inject-fault", "warmup");
    private static final Set<String> TIMEOUTS = Set.of("setup", "trial");
    private static final Set<String> DOCKER = Set.of("memory");
    private static final Set<String> PROFILE = Set.of("senders");
    /** Docker refuses a memory limit below 6 MiB. */
    private static final long MIN_DOCKER_MEMORY_BYTES = 6L << 20;
    /** Faults a receiver injects on purpose; netscale's own tests use them. */
    public static final List<String> FAULTS = List.of("corrupt-ack", "repeat-ack", "cross-ack",
            "no-ack", "hang");
    private static final List<String> COMPILERS = List.of("cranelift", "singlepass");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private final BitSet hostCpus;
    private final boolean checkHost;

    /** @param hostCpus the CPUs this process may run on; explicit CPU sets must fit in them */
    public SpecLoader(BitSet hostCpus) {
        this(hostCpus, true);
    }

    private SpecLoader(BitSet hostCpus, boolean checkHost) {
        this.hostCpus = (BitSet) hostCpus.clone();
        this.checkHost = checkHost;
    }

    /**
     * A loader for specs that will not run here, such as the copy in a results folder being
     * redrawn: CPU sets are not checked against this host.
     */
    public static SpecLoader withoutHostCheck() {
        return new SpecLoader(new BitSet(), false);
    }

    public ExperimentSpec load(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new SpecException(List.of(new SpecProblem(file.toString(), 0, "(file)",
                    "cannot read: " + e.getMessage())));
        }
        return parse(text, file);
    }

    public ExperimentSpec parse(String text, Path source) {
        String file = source.toString();
        JsonNode root;
        try {
            root = new YAMLMapper().readTree(text);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new SpecException(List.of(new SpecProblem(file, line, "(yaml)",
                    "not valid YAML: " + e.getOriginalMessage())));
        }
        if (root == null || !root.isObject()) {
            throw new SpecException(List.of(new SpecProblem(file, 1, "(top)",
                    "expected a mapping with name, senders and receivers; see experiments/")));
        }
        SpecReader in = new SpecReader(file, YamlLines.index(text));
        in.onlyKeys(root, "", TOP);

        String name = in.string(root, "", "name", true).filter(n -> checkName(in, "name", n))
                .orElse("unnamed");
        String description = in.string(root, "", "description", false).orElse("");
        var backend = in.choice(root, "", "backend", List.of("local", "docker"))
                .map(b -> ExperimentSpec.Backend.valueOf(b.toUpperCase()))
                .orElse(ExperimentSpec.Backend.LOCAL);
        var start = in.choice(root, "", "start", List.of("together", "staggered"))
                .map(s -> ExperimentSpec.Start.valueOf(s.toUpperCase()))
                .orElse(ExperimentSpec.Start.TOGETHER);
        Optional<ExperimentSpec.Convergence> convergence = RepetitionReader.convergence(in, root);
        int repetitions = RepetitionReader.repetitions(convergence, in, root);
        ExperimentSpec.Order order = RepetitionReader.order(in, root);
        Optional<java.time.Duration> calibration = RepetitionReader.calibration(in, root);
        boolean allowOverlap = in.bool(root, "", "allow-overlap").orElse(false);
        SenderSpec senders = senders(in, root);
        MessageSpec message = message(in, root, senders);
        List<ReceiverSpec> receivers = receivers(in, root);
        Timeouts timeouts = timeouts(in, root);
        ExperimentSpec.DockerSpec docker = docker(in, root);
        ExperimentSpec.Profile profile = profile(in, root);
        String baseline = in.string(root, "", "baseline", false).orElse(null);
        if (baseline != null && receivers.stream().noneMatch(r -> r.id().equals(baseline))) {
            in.problem("baseline", "'" + baseline + "' is not a receiver id of this spec;"
                    + " accepted: " + String.join(", ", receivers.stream()
                            .map(ReceiverSpec::id).toList()));
        }
        Optional<Path> reference = in.string(root, "", "reference", false)
                .flatMap(r -> resolveReference(in, source, r));
        checkOverlap(in, receivers, senders, allowOverlap);
        checkWasmerThreads(in, receivers, senders);
        List<Expectation> expectations = new ExpectationReader(in, receivers, senders).read(root);

        if (!in.problems().isEmpty()) {
            List<SpecProblem> byLine = new ArrayList<>(in.problems());
            byLine.sort(java.util.Comparator.comparingInt(SpecProblem::line));
            throw new SpecException(byLine);
        }
        return new ExperimentSpec(name, description, backend, message, senders, receivers,
                start, repetitions, timeouts, baseline, reference, allowOverlap, docker, order,
                convergence, calibration, expectations, profile, source, text, sha256(text));
    }

    private static boolean checkName(SpecReader in, String path, String value) {
        if (!NAME.matcher(value).matches()) {
            in.problem(path, "'" + value + "' cannot name a folder; use letters, digits,"
                    + " '.', '_' and '-'");
            return false;
        }
        return true;
    }

    private MessageSpec message(SpecReader in, JsonNode root, SenderSpec senders) {
        JsonNode m = in.object(root, "", "message", false).orElse(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode());
        in.onlyKeys(m, "message", MESSAGE);
        int size = in.integer(m, "message", "size", Defaults.MIN_MESSAGE_BYTES,
                Defaults.MAX_MESSAGE_BYTES).orElse((long) Defaults.MESSAGE_BYTES).intValue();
        Optional<Long> total = in.integer(m, "message", "total", 1, Long.MAX_VALUE / 2);
        Optional<Long> perSender = in.integer(m, "message", "per-sender", 1,
                Long.MAX_VALUE / 2);
        if (total.isPresent() && perSender.isPresent()) {
            in.problem("message.per-sender", "give either 'total' (split across the senders,"
                    + " as the reference did) or 'per-sender', not both");
        }
        if (perSender.isEmpty() && total.isEmpty() && !m.has("total")) {
            total = Optional.of(Defaults.TOTAL_MESSAGES);
        }
        int most = senders.counts().stream().mapToInt(Integer::intValue).max().orElse(1);
        if (total.isPresent() && perSender.isEmpty() && total.get() < most) {
            in.problem("message.total", total.get() + " is smaller than the largest sender count ("
                    + most + "); every sender needs at least one message: raise 'total' to "
                    + most + " or more, or use 'per-sender'");
        }
        int warmup = in.integer(m, "message", "warmup", 0, MAX_WARMUP)
                .orElse((long) Defaults.WARMUP_MESSAGES).intValue();
        boolean noDelay = in.bool(m, "message", "tcp-nodelay").orElse(Defaults.TCP_NODELAY);
        return new MessageSpec(size, perSender.isPresent() ? Optional.empty() : total,
                perSender, warmup, noDelay);
    }

    private SenderSpec senders(SpecReader in, JsonNode root) {
        Optional<JsonNode> s = in.object(root, "", "senders", true);
        if (s.isEmpty()) {
            return new SenderSpec(List.of(1), CpuSet.AUTO, 1);
        }
        in.onlyKeys(s.get(), "senders", SENDERS);
        List<Integer> counts = SenderCounts.parse(in, s.get().get("counts"), "senders.counts");
        CpuSet cpus = cpus(in, s.get(), "senders");
        int perProcess = in.integer(s.get(), "senders", "per-process", 1, Defaults.MAX_SENDERS)
                .orElse((long) Defaults.SENDERS_PER_PROCESS).intValue();
        return new SenderSpec(counts, cpus, perProcess);
    }

    private List<ReceiverSpec> receivers(SpecReader in, JsonNode root) {
        JsonNode list = root.get("receivers");
        List<ReceiverSpec> out = new ArrayList<>();
        if (list == null || !list.isArray() || list.isEmpty()) {
            in.problem("receivers", "expected a list of receivers, each with an id and a runtime"
                    + " (" + Runtime.accepted() + ")");
            return out;
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String path = "receivers[" + i + "]";
            JsonNode r = list.get(i);
            if (!r.isObject()) {
                in.problem(path, "expected a mapping such as { id: native, runtime: native }");
                continue;
            }
            in.onlyKeys(r, path, RECEIVER);
            Optional<Runtime> runtime = in.string(r, path, "runtime", true).flatMap(id -> {
                Optional<Runtime> rt = Runtime.byId(id);
                if (rt.isEmpty()) {
                    String hint = Suggest.closest(id, List.of(Runtime.accepted().split(", ")))
                            .map(h -> "did you mean '" + h + "'? ").orElse("");
                    in.problem(path + ".runtime", "unknown runtime '" + id + "'; " + hint
                            + "accepted: " + Runtime.accepted());
                }
                return rt;
            });
            String id = in.string(r, path, "id", false)
                    .or(() -> runtime.map(Runtime::id)).orElse("receiver" + i);
            checkName(in, path + ".id", id);
            if (!ids.add(id)) {
                in.problem(path + ".id", "duplicate receiver id '" + id + "'; give each"
                        + " receiver its own id (for example native-2)");
            }
            Optional<String> compiler = in.choice(r, path, "compiler", COMPILERS);
            if (r.has("compiler") && runtime.isPresent() && runtime.get() != Runtime.WASMER) {
                in.problem(path + ".compiler", "only the wasmer runtime takes a compiler");
            }
            if (runtime.orElse(null) == Runtime.WASMER && compiler.isEmpty()) {
                compiler = Optional.of(Defaults.WASMER_COMPILER);
            }
            List<String> jvmOptions = jvmOptions(in, r, path, runtime);
            Optional<String> fault = in.choice(r, path, "inject-fault", FAULTS);
            Optional<Integer> warmup = in.integer(r, path, "warmup", 0, MAX_WARMUP)
                    .map(Long::intValue);
            out.add(new ReceiverSpec(id, runtime.orElse(Runtime.NATIVE), compiler,
                    cpus(in, r, path), jvmOptions, fault, warmup));
        }
        return out;
    }

    private static List<String> jvmOptions(SpecReader in, JsonNode r, String path,
            Optional<Runtime> runtime) {
        JsonNode o = r.get("jvm-options");
        if (o == null) {
            return List.of();
        }
        boolean jvm = runtime.map(rt -> rt == Runtime.JVM || rt == Runtime.JVM_VIRTUAL)
                .orElse(true);
        if (!jvm) {
            in.problem(path + ".jvm-options", "only the jvm and jvm-virtual runtimes take"
                    + " jvm-options");
        }
        if (!o.isArray()) {
            in.problem(path + ".jvm-options", "expected a list such as [\"-Xmx256m\"]");
            return List.of();
        }
        List<String> out = new ArrayList<>();
        o.forEach(n -> out.add(n.asText()));
        return out;
    }

    private CpuSet cpus(SpecReader in, JsonNode parent, String path) {
        Optional<String> text = in.string(parent, path, "cpus", false);
        if (text.isEmpty() || text.get().equals("auto")) {
            return CpuSet.AUTO;
        }
        BitSet set;
        try {
            set = CpuSet.parseList(text.get());
        } catch (IllegalArgumentException e) {
            in.problem(path + ".cpus", "'" + text.get() + "' is not a CPU list: " + e.getMessage()
                    + "; write 'auto' or a list such as \"0-19\" or \"0,2,4-7\"");
            return CpuSet.AUTO;
        }
        BitSet missing = (BitSet) set.clone();
        missing.andNot(hostCpus);
        if (checkHost && !missing.isEmpty()) {
            in.problem(path + ".cpus", "CPU set " + CpuSet.format(set) + " includes CPUs "
                    + CpuSet.format(missing) + ", which this host does not offer (it has "
                    + CpuSet.format(hostCpus) + "); use 'auto' or a set within "
                    + CpuSet.format(hostCpus));
        }
        return CpuSet.of(set);
    }

    private static void checkWasmerThreads(SpecReader in, List<ReceiverSpec> receivers,
            SenderSpec senders) {
        int most = senders.counts().stream().mapToInt(Integer::intValue).max().orElse(1);
        if (most > Defaults.WASMER_MAX_SENDERS
                && receivers.stream().anyMatch(r -> r.runtime() == Runtime.WASMER)) {
            in.problem("senders.counts", most + " senders is more than a wasmer receiver can"
                    + " serve: Wasmer's thread pool holds " + (Defaults.WASMER_MAX_SENDERS + 1)
                    + " threads on a small host, and threads past it never start; keep counts"
                    + " at or below " + Defaults.WASMER_MAX_SENDERS);
        }
    }

    private static void checkOverlap(SpecReader in, List<ReceiverSpec> receivers,
            SenderSpec senders, boolean allowOverlap) {
        if (allowOverlap || senders.cpus().isAuto()) {
            return;
        }
        BitSet sender = senders.cpus().cpus().orElseThrow();
        for (int i = 0; i < receivers.size(); i++) {
            var rc = receivers.get(i).cpus().cpus();
            if (rc.isPresent() && rc.get().intersects(sender)) {
                BitSet both = (BitSet) rc.get().clone();
                both.and(sender);
                in.problem("receivers[" + i + "].cpus", "shares CPUs " + CpuSet.format(both)
                        + " with senders.cpus; separate the sets, or set 'allow-overlap: true'"
                        + " to measure receiver and senders competing for CPUs");
            }
        }
    }

    private Timeouts timeouts(SpecReader in, JsonNode root) {
        JsonNode t = in.object(root, "", "timeouts", false).orElse(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode());
        in.onlyKeys(t, "timeouts", TIMEOUTS);
        return new Timeouts(in.duration(t, "timeouts", "setup").orElse(Defaults.SETUP_TIMEOUT),
                in.duration(t, "timeouts", "trial").orElse(Defaults.TRIAL_TIMEOUT));
    }

    private ExperimentSpec.DockerSpec docker(SpecReader in, JsonNode root) {
        JsonNode d = in.object(root, "", "docker", false).orElse(
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode());
        in.onlyKeys(d, "docker", DOCKER);
        long memory = in.bytes(d, "docker", "memory", MIN_DOCKER_MEMORY_BYTES)
                .orElse(Defaults.DOCKER_MEMORY_BYTES);
        return new ExperimentSpec.DockerSpec(memory);
    }

    /** {@code profile: true}, {@code false}, or {@code { senders: N }} (which turns it on). */
    private static ExperimentSpec.Profile profile(SpecReader in, JsonNode root) {
        JsonNode p = root.get("profile");
        if (p == null || p.isNull()) {
            return ExperimentSpec.Profile.OFF;
        }
        if (p.isBoolean()) {
            return new ExperimentSpec.Profile(p.asBoolean(), java.util.OptionalInt.empty());
        }
        if (!p.isObject()) {
            in.problem("profile", "expected true, false or a mapping such as { senders: 4 },"
                    + " found '" + p.asText() + "'");
            return ExperimentSpec.Profile.OFF;
        }
        in.onlyKeys(p, "profile", PROFILE);
        return new ExperimentSpec.Profile(true, in.integer(p, "profile", "senders", 1,
                Defaults.MAX_SENDERS).map(n -> java.util.OptionalInt.of(n.intValue()))
                .orElse(java.util.OptionalInt.empty()));
    }

    /**
     * Resolves a reference curve against the spec's folder, then the current folder, then a
     * results folder's own copy ({@code reference.csv} beside the spec copy).
     */
    private static Optional<Path> resolveReference(SpecReader in, Path source, String ref) {
        Path dir = source.toAbsolutePath().getParent();
        List<Path> tries = List.of(dir.resolve(ref), Path.of(ref), dir.resolve("reference.csv"));
        for (Path p : tries) {
            if (Files.isRegularFile(p)) {
                return Optional.of(p.normalize());
            }
        }
        in.problem("reference", "file '" + ref + "' not found (looked beside the spec and in the"
                + " current folder); give the path of a CSV like reference/seed-ratio.csv");
        return Optional.empty();
    }

    static String sha256(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package dev.netscale.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.netscale.spec.ExperimentSpec.Start;
import java.nio.file.Path;
import java.time.Duration;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpecLoaderTest {
    private static final Path SPECS = Path.of("src/test/resources/specs");

    /** A host with two CPUs, 0 and 1, like the machines CI runs on. */
    private static final SpecLoader TWO_CPUS = new SpecLoader(cpus(0, 1));

    private static BitSet cpus(int from, int to) {
        BitSet b = new BitSet();
        b.set(from, to + 1);
        return b;
    }

    private static List<SpecProblem> problems(String file) {
        try {
            TWO_CPUS.load(SPECS.resolve(file));
        } catch (SpecException e) {
            return e.problems();
        }
        throw new AssertionError(file + " was accepted");
    }

    @Test
    void readsEveryKeyOfAGoodSpec() {
        ExperimentSpec s = TWO_CPUS.load(SPECS.resolve("good.yaml"));
        assertThat(s.name()).isEqualTo("good");
        assertThat(s.message().sizeBytes()).isEqualTo(64);
        assertThat(s.message().total()).contains(100L);
        assertThat(s.message().warmup()).isEqualTo(2);
        assertThat(s.message().tcpNoDelay()).isTrue();
        assertThat(s.senders().counts()).containsExactly(1, 2, 3, 4, 8, 12, 16);
        assertThat(s.senders().perProcess()).isEqualTo(2);
        assertThat(s.receivers()).extracting(ExperimentSpec.ReceiverSpec::id)
                .containsExactly("native", "wasm-sp", "vthreads");
        assertThat(s.receivers().get(1).runtime()).isEqualTo(Runtime.WASMER);
        assertThat(s.receivers().get(1).compiler()).contains("singlepass");
        assertThat(s.receivers().get(2).jvmOptions()).containsExactly("-Xmx64m");
        assertThat(s.start()).isEqualTo(Start.STAGGERED);
        assertThat(s.repetitions()).isEqualTo(3);
        assertThat(s.timeouts().trial()).isEqualTo(Duration.ofMinutes(2));
        assertThat(s.baseline()).isEqualTo("native");
        assertThat(s.docker().memoryBytes()).isEqualTo(256L << 20);
        assertThat(s.hash()).hasSize(16);
    }

    @Test
    void fillsDefaultsForAMinimalSpec() {
        ExperimentSpec s = TWO_CPUS.parse("""
                name: minimal
                senders: { counts: 1..3 }
                receivers: [ { runtime: native } ]
                """, Path.of("minimal.yaml"));
        assertThat(s.message().sizeBytes()).isEqualTo(Defaults.MESSAGE_BYTES);
        assertThat(s.message().total()).contains(Defaults.TOTAL_MESSAGES);
        assertThat(s.message().perConnection(3)).isEqualTo(3333); // 10000 / 3, integer division
        assertThat(s.receivers().get(0).id()).isEqualTo("native");
        assertThat(s.receivers().get(0).compiler()).isEmpty();
        assertThat(s.repetitions()).isEqualTo(Defaults.REPETITIONS);
        assertThat(s.start()).isEqualTo(Start.TOGETHER);
        assertThat(s.backend()).isEqualTo(ExperimentSpec.Backend.LOCAL);
        assertThat(s.docker().memoryBytes()).isEqualTo(Defaults.DOCKER_MEMORY_BYTES);
    }

    @Test
    void readsDockerMemoryLimitsAsDockerWritesThem() {
        for (var c : List.of(List.of("64m", 64L << 20), List.of("2g", 2L << 30),
                List.of("8192k", 8L << 20), List.of("10485760", 10L << 20))) {
            ExperimentSpec s = TWO_CPUS.parse("""
                    name: d
                    senders: { counts: 1 }
                    receivers: [ { runtime: native } ]
                    docker: { memory: %s }
                    """.formatted(c.get(0)), Path.of("d.yaml"));
            assertThat(s.docker().memoryBytes()).as(c.get(0).toString()).isEqualTo(c.get(1));
        }
    }

    @Test
    void refusesADockerMemoryLimitDockerWouldRefuseWithItsLineAndAnExample() {
        assertThatThrownBy(() -> TWO_CPUS.parse("""
                name: d
                senders: { counts: 1 }
                receivers: [ { runtime: native } ]
                docker:
                  memory: 1m
                  swap: 0
                """, Path.of("d.yaml")))
                .isInstanceOfSatisfying(SpecException.class, e -> assertThat(e.problems())
                        .extracting(SpecProblem::toString).containsExactly(
                                "d.yaml:5: docker.memory: '1m' is not a size Docker accepts;"
                                        + " write a number with a unit k, m or g, such as 512m"
                                        + " or 2g, of at least 6m",
                                "d.yaml:6: docker.swap: unknown key 'swap'; accepted keys:"
                                        + " memory"));
    }

    @Test
    void wasmerDefaultsToTheCraneliftCompiler() {
        ExperimentSpec s = TWO_CPUS.parse("""
                name: w
                senders: { counts: 1 }
                receivers: [ { runtime: wasmer } ]
                """, Path.of("w.yaml"));
        assertThat(s.receivers().get(0).compiler()).contains("cranelift");
    }

    @Test
    void aReceiversOwnWarmupReplacesTheMessageSectionsForItAlone() {
        ExperimentSpec s = TWO_CPUS.parse("""
                name: w
                message: { warmup: 3 }
                senders: { counts: 1 }
                receivers: [ { runtime: native }, { runtime: jvm, warmup: 500 } ]
                """, Path.of("w.yaml"));
        assertThat(s.receivers().get(0).warmup(s.message())).isEqualTo(3);
        assertThat(s.receivers().get(1).warmup(s.message())).isEqualTo(500);
    }

    @Test
    void refusesANegativeReceiverWarmupWithItsLine() {
        assertThatThrownBy(() -> TWO_CPUS.parse("""
                name: w
                senders: { counts: 1 }
                receivers:
                  - { runtime: jvm, warmup: -1 }
                """, Path.of("w.yaml")))
                .isInstanceOfSatisfying(SpecException.class, e -> assertThat(e.problems())
                        .singleElement().satisfies(p -> {
                            assertThat(p.line()).isEqualTo(4);
                            assertThat(p.path()).isEqualTo("receivers[0].warmup");
                            assertThat(p.message()).contains("accepted: 0 to 1000000");
                        }));
    }

    @Test
    void namesAnUnknownRuntimeWithItsLineAndTheAcceptedOnes() {
        assertThat(problems("unknown-runtime.yaml")).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(5);
            assertThat(p.path()).isEqualTo("receivers[1].runtime");
            assertThat(p.toString()).endsWith("unknown-runtime.yaml:5: receivers[1].runtime:"
                    + " unknown runtime 'wasmr'; did you mean 'wasmer'? accepted: native,"
                    + " wasmer, jvm, jvm-virtual");
        });
    }

    @Test
    void refusesASenderCountBelowOne() {
        assertThat(problems("zero-senders.yaml")).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("senders.counts[0]");
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.message()).contains("sender count 0 is out of range; accepted: 1 to");
        });
    }

    @Test
    void refusesAMessageTooSmallForTheHeader() {
        assertThat(problems("tiny-message.yaml")).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("message.size");
            assertThat(p.message()).isEqualTo("1 is out of range; accepted: 16 to 1048576");
        });
    }

    @Test
    void refusesATotalSmallerThanTheLargestSenderCount() {
        assertThat(problems("small-total.yaml")).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("message.total");
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.message()).startsWith("10 is smaller than the largest sender count"
                    + " (40); every sender needs at least one message");
        });
    }

    @Test
    void refusesCpuSetsTheHostDoesNotHave() {
        assertThat(problems("missing-cpus.yaml")).hasSize(2).anySatisfy(p -> {
            assertThat(p.path()).isEqualTo("receivers[0].cpus");
            assertThat(p.message()).isEqualTo("CPU set 0-19 includes CPUs 2-19, which this host"
                    + " does not offer (it has 0-1); use 'auto' or a set within 0-1");
        });
    }

    @Test
    void acceptsTheReferenceHostsCpuSetsOnAFortyThreadHost() {
        SpecLoader forty = new SpecLoader(cpus(0, 39));
        assertThat(forty.load(SPECS.resolve("missing-cpus.yaml")).receivers().get(0).cpus())
                .hasToString("0-19");
    }

    @Test
    void refusesDuplicateReceiverIds() {
        assertThat(problems("duplicate-ids.yaml")).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("receivers[1].id");
            assertThat(p.line()).isEqualTo(5);
            assertThat(p.message()).startsWith("duplicate receiver id 'native'");
        });
    }

    @Test
    void pointsAnUnknownKeyAtItsOwnLineAndSuggestsTheKnownOne() {
        assertThat(problems("unknown-key.yaml")).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(5);
            assertThat(p.path()).isEqualTo("repetitons");
            assertThat(p.message()).startsWith("unknown key 'repetitons'; did you mean"
                    + " 'repetitions'? accepted keys: allow-overlap, backend,");
        });
    }

    @Test
    void refusesOverlappingCpuSetsUnlessAllowed() {
        assertThat(problems("overlap.yaml")).singleElement().satisfies(p ->
                assertThat(p.message()).contains("shares CPUs 0 with senders.cpus"));
        String allowed = "allow-overlap: true\n" + """
                name: overlap
                senders: { counts: 1, cpus: "0" }
                receivers: [ { id: native, runtime: native, cpus: "0" } ]
                """;
        assertThat(TWO_CPUS.parse(allowed, Path.of("x.yaml")).allowOverlap()).isTrue();
    }

    @Test
    void reportsEveryProblemOfASpecAtOnce() {
        List<SpecProblem> p = problems("many-problems.yaml");
        assertThat(p).extracting(SpecProblem::path).containsExactlyInAnyOrder(
                "name", "message.size", "receivers[0].runtime", "receivers[1].id",
                "receivers[1].compiler", "timeouts.setup", "message.total");
        assertThat(p).filteredOn(x -> x.path().equals("timeouts.setup")).singleElement()
                .satisfies(x -> assertThat(x.line()).isEqualTo(13));
    }

    @Test
    void reportsYamlSyntaxErrorsWithTheirLine() {
        assertThatThrownBy(() -> TWO_CPUS.parse("name: x\nsenders: [1\n", Path.of("b.yaml")))
                .isInstanceOf(SpecException.class)
                .hasMessageStartingWith("b.yaml:")
                .hasMessageContaining("not valid YAML");
    }

    @Test
    void everySpecShippedInExperimentsIsValidOnAFortyThreadHost() {
        SpecLoader forty = new SpecLoader(cpus(0, 39));
        for (String f : List.of("quick.yaml", "seed-reproduction.yaml",
                "seed-reproduction-40t.yaml")) {
            ExperimentSpec s = forty.load(Path.of("experiments", f));
            assertThat(s.reference()).as(f).isPresent();
        }
    }

    @Test
    void refusesMoreSendersThanWasmersThreadPoolCanServe() {
        SpecException e = org.assertj.core.api.Assertions.catchThrowableOfType(
                SpecException.class, () -> TWO_CPUS.parse("""
                        name: many
                        message: { total: 100000 }
                        senders: { counts: [1, 250] }
                        receivers: [ { runtime: wasmer } ]
                        """, Path.of("many.yaml")));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("senders.counts");
            assertThat(p.message()).startsWith("250 senders is more than a wasmer receiver can"
                    + " serve");
        });
    }
}

package dev.netscale.cli;

import dev.netscale.env.Environment;
import dev.netscale.runtime.Artifacts;
import dev.netscale.runtime.PinnedVersions;
import dev.netscale.runtime.RuntimeUnavailableException;
import dev.netscale.runtime.WasmerLauncher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = "Says what is installed, what is missing, how to get"
        + " it, and what needs root.")
final class DoctorCommand implements Callable<Integer> {
    @Spec
    CommandSpec command;


    /** One thing netscale uses; {@code fix} says how to get it and whether that needs root. */
    record Check(String name, String neededFor, Optional<String> found, String fix,
            boolean required) {
    }

    @Override
    public Integer call() {
        List<Check> checks = checks(Artifacts.fromEnvironment());
        int missingRequired = 0;
        for (Check c : checks) {
            String status = c.found().map(f -> "ok       " + f).orElse("MISSING  " + c.fix());
            command.commandLine().getOut().printf("%-22s %-26s %s%n", c.name(), c.neededFor(), status);
            if (c.found().isEmpty() && c.required()) {
                missingRequired++;
            }
        }
        command.commandLine().getOut().println(missingRequired == 0 ? "# everything the local backend needs is here"
                : "# " + missingRequired + " required piece(s) missing; `make setup` installs"
                        + " them (as root)");
        return missingRequired == 0 ? 0 : 1;
    }

    static List<Check> checks(Artifacts a) {
        List<Check> c = new ArrayList<>();
        c.add(new Check("java", "runner, jvm receivers", Optional.of(System.getProperty(
                "java.version") + " at " + System.getProperty("java.home")),
                "a JDK 22 or newer", true));
        c.add(tool("gcc", "native build", "apt-get install gcc make (root)", true,
                "gcc", "--version"));
        c.add(tool("taskset", "CPU pinning", "apt-get install util-linux (root)", true,
                "taskset", "--version"));
        c.add(file("native receiver", "runtime native", a.nativeReceiver(), "make build"));
        c.add(file("sender", "every trial", a.sender(), "make build"));
        c.add(tool("clang-19", "wasmer build", "apt-get install clang-19 lld-19 (root)", false,
                "clang-19", "--version"));
        c.add(tool("wasm-ld-19", "wasmer build", "apt-get install lld-19 (root)", false,
                "wasm-ld-19", "--version"));
        c.add(file("WASIX module", "runtime wasmer", a.wasixReceiver(), "make wasix"));
        c.add(wasmer(a));
        c.add(tool("docker", "docker backend", "apt-get install docker.io (root)", false,
                "docker", "--version"));
        c.add(tool("docker daemon", "docker backend", "start it: dockerd --bridge=none"
                + " --iptables=false & (root), or `make docker-daemon`", false,
                "docker", "info", "--format", "{{.ServerVersion}}"));
        c.add(tool("strace", "--profile", "apt-get install strace (root)", false,
                "strace", "-V"));
        c.add(tool("sockperf", "host calibration", "apt-get install sockperf (root)", false,
                "sockperf", "--version"));
        return c;
    }

    /** The pinned Wasmer, where scripts/install-wasmer.sh puts it. */
    private static Check wasmer(Artifacts a) {
        try {
            WasmerLauncher w = WasmerLauncher.pinned(a);
            String pinned = PinnedVersions.read(a.home()).wasmer();
            Optional<String> found = Environment.firstLine(w.wasmer().toString(), "--version")
                    .filter(v -> v.contains(pinned)).map(v -> v + " at " + w.wasmer());
            return new Check("wasmer " + pinned, "runtime wasmer", found, "`make wasmer`"
                    + " installs it (official installer, or a ~22 min build from crates.io)",
                    false);
        } catch (RuntimeUnavailableException e) {
            return new Check("wasmer", "runtime wasmer", Optional.empty(), e.getMessage(), false);
        }
    }

    private static Check tool(String name, String neededFor, String fix, boolean required,
            String... command) {
        return new Check(name, neededFor, Environment.firstLine(command), fix, required);
    }

    private static Check file(String name, String neededFor, Path path, String fix) {
        return new Check(name, neededFor, Files.isRegularFile(path) ? Optional.of(path.toString())
                : Optional.empty(), "`" + fix + "` builds it", true);
    }
}

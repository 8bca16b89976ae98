package dev.netscale.env;

import dev.netscale.spec.CpuSet;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** What environment.json records about the host and the tools a run used. */
public final class Environment {
    private Environment() {
    }

    public static Map<String, Object> collect(Path home) {
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("recorded_at", Instant.now().toString());
        env.put("host_cpus_online", java.lang.Runtime.getRuntime().availableProcessors());
        env.put("host_cpus_allowed", CpuSet.format(Host.allowedCpus()));
        env.put("cpu_model", cpuModel().orElse("unknown"));
        env.put("kernel", firstLine("uname", "-sr").orElse("unknown"));
        env.put("load_average", read(Path.of("/proc/loadavg")).orElse("unknown"));
        Map<String, Object> java = new LinkedHashMap<>();
        java.put("version", System.getProperty("java.version"));
        java.put("vendor", System.getProperty("java.vendor"));
        java.put("vm", System.getProperty("java.vm.name") + " "
                + System.getProperty("java.vm.version"));
        java.put("home", System.getProperty("java.home"));
        java.put("runner_flags", ManagementFactory.getRuntimeMXBean().getInputArguments());
        env.put("java", java);
        env.put("gcc", firstLine("gcc", "--version").orElse("not found"));
        env.put("git_commit", firstLine("git", "-C", home.toString(), "rev-parse", "HEAD")
                .orElse("unknown"));
        env.put("git_dirty", firstLine("git", "-C", home.toString(), "status", "--porcelain")
                .isPresent());
        return env;
    }

    private static Optional<String> cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> read(Path p) {
        try {
            return Optional.of(Files.readString(p).trim());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The first line a command prints, or empty when it is missing or fails. */
    public static Optional<String> firstLine(String... command) {
        try {
            Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            if (p.exitValue() != 0 || out.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(out.lines().findFirst().orElse(""));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}

package dev.netscale.results;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.netscale.spec.ExperimentSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One run's folder, {@code results/<spec>/<UTC timestamp>/}: the spec as run, the environment,
 * {@code trials.csv} appended after every trial (so an interrupted run keeps what it measured),
 * the logs of each trial, and the summary, charts and report written from the CSV.
 */
public final class ResultsFolder {
    public static final String SPEC = "spec.yaml";
    public static final String TRIALS = "trials.csv";
    public static final String ENVIRONMENT = "environment.json";
    public static final String REFERENCE = "reference.csv";
    private static final DateTimeFormatter STAMP = DateTimeFormatter
            .ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT);

    private final Path dir;

    private ResultsFolder(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    /** Creates a new folder under {@code root} for a run of {@code spec} and copies the spec in. */
    public static ResultsFolder create(Path root, ExperimentSpec spec) {
        Path dir = root.resolve(spec.name()).resolve(STAMP.format(Instant.now()));
        for (int i = 2; Files.exists(dir); i++) {
            dir = root.resolve(spec.name()).resolve(STAMP.format(Instant.now()) + "-" + i);
        }
        try {
            Files.createDirectories(dir.resolve("logs"));
            Files.writeString(dir.resolve(SPEC), spec.text());
            if (spec.reference().isPresent()) {
                Files.copy(spec.reference().get(), dir.resolve(REFERENCE),
                        StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new ResultsException("cannot create results folder " + dir + ": "
                    + e.getMessage(), e);
        }
        return new ResultsFolder(dir);
    }

    /**
     * Opens an existing run's folder.
     *
     * @throws ResultsException when it lacks the spec copy
     */
    public static ResultsFolder open(Path dir) {
        if (!Files.isRegularFile(dir.resolve(SPEC))) {
            throw new ResultsException(dir + " is not a netscale results folder: it has no "
                    + SPEC + "; give a folder such as results/quick/20260101T120000Z");
        }
        return new ResultsFolder(dir);
    }

    public Path spec() {
        return dir.resolve(SPEC);
    }

    public Path trials() {
        return dir.resolve(TRIALS);
    }

    public Path logs(int trial) {
        return dir.resolve("logs").resolve(String.format("trial-%04d", trial));
    }

    public void append(String specHash, TrialRecord record) {
        TrialsCsv.append(trials(), specHash, record);
    }

    /** Keys of the trials already recorded, failed ones included. */
    public Set<String> recordedKeys() {
        return TrialsCsv.read(trials()).trials().stream().map(TrialRecord::key)
                .collect(Collectors.toSet());
    }

    public void writeEnvironment(Map<String, Object> environment) {
        try {
            JSON.writeValue(dir.resolve(ENVIRONMENT).toFile(), environment);
        } catch (IOException e) {
            throw new ResultsException("cannot write " + dir.resolve(ENVIRONMENT) + ": "
                    + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> readEnvironment() {
        Path file = dir.resolve(ENVIRONMENT);
        try {
            return Files.exists(file) ? JSON.readValue(file.toFile(), LinkedHashMap.class)
                    : Map.of();
        } catch (IOException e) {
            throw new ResultsException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}

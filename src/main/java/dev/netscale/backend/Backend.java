package dev.netscale.backend;

import dev.netscale.plan.Trial;
import dev.netscale.spec.ExperimentSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Where trials run: plain processes ({@code local}) or containers ({@code docker}). A backend
 * starts the receiver and the senders of one trial with their CPU sets, waits for the trial
 * with the spec's timeouts, collects the output and ends everything it started, whatever
 * happened. It judges nothing: {@link dev.netscale.measure.TrialAnalyzer} does.
 */
public interface Backend extends AutoCloseable {

    String id();

    /**
     * Checks and prepares everything the trials need (programs, images, compiled modules)
     * before the first trial, so that a missing piece fails the run before any measuring and
     * no trial pays for one-off work.
     *
     * @throws dev.netscale.runtime.RuntimeUnavailableException naming what to install
     */
    void prepare(ExperimentSpec spec, List<Trial> trials);

    /**
     * Runs one trial. Never throws for a trial that went wrong: the reason goes into
     * {@link TrialOutput#failure()} and the raw output into {@code logs}.
     */
    TrialOutput run(ExperimentSpec spec, Trial trial, Path logs);

    /** What to record about this backend and its runtimes in environment.json. */
    Map<String, Object> describe(ExperimentSpec spec);

    /** Ends anything still running. */
    @Override
    void close();
}

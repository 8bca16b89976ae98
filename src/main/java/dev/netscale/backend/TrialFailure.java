package dev.netscale.backend;

/** Ends a trial early inside a backend; its message becomes the trial's failure reason. */
public class TrialFailure extends RuntimeException {
    public TrialFailure(String message) {
        super(message);
    }
}

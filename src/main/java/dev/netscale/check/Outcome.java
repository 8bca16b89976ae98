package dev.netscale.check;

import dev.netscale.spec.Expectation;

/**
 * How one expectation fared against a run.
 *
 * @param detail what was measured and what was expected, in words, or why there is no verdict
 */
public record Outcome(Expectation expectation, Verdict verdict, String detail) {

    /** The verdict of an expectation. Only {@link #FAIL} makes {@code netscale check} fail. */
    public enum Verdict {
        PASS("pass"),
        FAIL("FAIL"),
        /** The run's host was too small for the shape to be possible: no verdict. */
        NOT_APPLICABLE("n/a"),
        /** The run holds no data to judge by, such as a column an older netscale lacked. */
        NOT_MEASURED("not measured");

        private final String label;

        Verdict(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}

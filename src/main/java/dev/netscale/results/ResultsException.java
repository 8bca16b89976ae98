package dev.netscale.results;

/** A results folder that cannot be read or written; the message names the file and why. */
public class ResultsException extends RuntimeException {
    public ResultsException(String message) {
        super(message);
    }

    public ResultsException(String message, Throwable cause) {
        super(message, cause);
    }
}

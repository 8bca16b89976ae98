package dev.netscale.runtime;

/** A runtime that cannot run here; the message names what is missing and how to get it. */
public class RuntimeUnavailableException extends RuntimeException {
    public RuntimeUnavailableException(String message) {
        super(message);
    }
}

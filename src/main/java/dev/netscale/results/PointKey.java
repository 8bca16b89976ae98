package dev.netscale.results;

/** A point of a figure: one receiver (by its spec id) at one sender count. */
public record PointKey(String receiver, int senders) {
}

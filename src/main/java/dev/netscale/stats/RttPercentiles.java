package dev.netscale.stats;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Collection;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/**
 * Round-trip time percentiles of one point, merged from the HdrHistograms of its trials.
 *
 * <p>Percentiles are not averaged: the p99 of two trials is not the mean of their p99s, so the
 * histograms are added bucket by bucket first and the percentiles read from the sum. When no
 * trial carries a histogram every value is NaN.
 *
 * @param histograms how many trial histograms were merged
 */
public record RttPercentiles(
        double p50Micros, double p90Micros, double p99Micros, double maxMicros, int histograms) {

    public static final RttPercentiles NONE =
            new RttPercentiles(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);

    private static final double NANOS_PER_MICRO = 1_000.0;

    /**
     * Merges histograms given as Base64 text of HdrHistogram's compressed encoding, values in
     * nanoseconds. Null or blank entries (trials that recorded none) are skipped.
     *
     * @throws IllegalArgumentException when an entry is not a valid encoded histogram
     */
    public static RttPercentiles merge(Collection<String> encodedNanos) {
        Histogram sum = null;
        int merged = 0;
        for (String encoded : encodedNanos) {
            if (encoded == null || encoded.isBlank()) {
                continue;
            }
            Histogram h = decode(encoded);
            if (sum == null) {
                // Auto-resizing, with the precision of the recorded histograms.
                sum = new Histogram(h.getNumberOfSignificantValueDigits());
            }
            sum.add(h);
            merged++;
        }
        if (sum == null || sum.getTotalCount() == 0) {
            return new RttPercentiles(Double.NaN, Double.NaN, Double.NaN, Double.NaN, merged);
        }
        return new RttPercentiles(
                micros(sum.getValueAtPercentile(50)), micros(sum.getValueAtPercentile(90)),
                micros(sum.getValueAtPercentile(99)), micros(sum.getMaxValue()), merged);
    }

    /** Encodes a histogram the way trials.csv stores it; the inverse of what merge reads. */
    public static String encode(Histogram nanos) {
        ByteBuffer buffer = ByteBuffer.allocate(nanos.getNeededByteBufferCapacity());
        int length = nanos.encodeIntoCompressedByteBuffer(buffer);
        byte[] bytes = new byte[length];
        buffer.flip();
        buffer.get(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static Histogram decode(String encoded) {
        try {
            ByteBuffer bytes = ByteBuffer.wrap(Base64.getDecoder().decode(encoded.trim()));
            return Histogram.decodeFromCompressedByteBuffer(bytes, 0);
        } catch (DataFormatException | RuntimeException e) {
            throw new IllegalArgumentException("not an encoded HdrHistogram: " + e.getMessage(), e);
        }
    }

    private static double micros(long nanos) {
        return nanos / NANOS_PER_MICRO;
    }
}

package dev.netscale.report;

import dev.netscale.stats.Ratio;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Numbers as people read them: {@code 12,345 msg/s}, ratios to three significant digits,
 * {@code n/a} for what could not be computed. One locale for every report, so that reports
 * from different machines compare line by line.
 */
final class Format {

    static final String NONE = "n/a";
    private static final DecimalFormatSymbols SYMBOLS = DecimalFormatSymbols.getInstance(Locale.US);
    private static final MathContext THREE_DIGITS = new MathContext(3, RoundingMode.HALF_UP);

    private Format() {
    }

    /** A whole number with thousands separators: {@code 12,345}. */
    static String count(double value) {
        if (!Double.isFinite(value)) {
            return NONE;
        }
        // Half up, as String.format rounds on the console, so that both print the same.
        DecimalFormat f = new DecimalFormat("#,##0", SYMBOLS);
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f.format(value);
    }

    /** A throughput for prose: {@code 12,345 msg/s}. */
    static String throughput(double messagesPerSecond) {
        return Double.isFinite(messagesPerSecond) ? count(messagesPerSecond) + " msg/s" : NONE;
    }

    /**
     * Three significant digits, keeping trailing zeros ({@code 1.00}, {@code 9.85}, {@code
     * 0.345}); values of 1,000 and more are whole numbers with separators.
     */
    static String significant(double value) {
        if (!Double.isFinite(value)) {
            return NONE;
        }
        if (Math.abs(value) >= 999.5) {
            return count(value);
        }
        if (value == 0) {
            return "0";
        }
        // valueOf goes through the shortest decimal that reads back as the double, so 12.35
        // rounds to 12.4 as a person expects, not to 12.3 from its binary 12.34999...
        BigDecimal rounded = BigDecimal.valueOf(value).round(THREE_DIGITS);
        int leadingDigitExponent = rounded.precision() - rounded.scale() - 1;
        return rounded.setScale(Math.max(0, 2 - leadingDigitExponent), RoundingMode.HALF_UP)
                .toPlainString();
    }

    /** A ratio with its interval: {@code 3.64× (95% CI 2.89–4.39)}, or without when none. */
    static String ratio(Ratio r) {
        if (!Double.isFinite(r.value())) {
            return NONE;
        }
        String value = significant(r.value()) + "×";
        return r.hasInterval() && r.ci95HalfWidth() > 0
                ? value + " (95% CI " + interval(r.ci95Low(), r.ci95High()) + ")"
                : value;
    }

    /** A ratio in a table cell: {@code 3.64 (2.89–4.39)}, the interval only when there is one. */
    static String ratioCell(Ratio r) {
        if (!Double.isFinite(r.value())) {
            return NONE;
        }
        return r.hasInterval() && r.ci95HalfWidth() > 0
                ? significant(r.value()) + " (" + interval(r.ci95Low(), r.ci95High()) + ")"
                : significant(r.value());
    }

    /** An interval in a table cell: {@code 2.89–4.39}. */
    static String interval(double low, double high) {
        return significant(low) + "–" + significant(high);
    }

    /** "1 sender", "4 senders". */
    static String senders(int count) {
        return count == 1 ? "1 sender" : count + " senders";
    }

    /** "1 trial", "3 trials" and the like. */
    static String plural(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}

package dev.netscale.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Typed reads from a YAML tree that never throw: each read that fails records a
 * {@link SpecProblem} with the file, line and path, and returns an empty value, so that a
 * loader can report every problem of a spec at once.
 */
final class SpecReader {
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");
    private static final Pattern BYTES = Pattern.compile("(\\d+)\\s*([kmg]?)");
    private static final Pattern PERCENT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*%");

    private final String file;
    private final YamlLines lines;
    private final List<SpecProblem> problems = new ArrayList<>();

    SpecReader(String file, YamlLines lines) {
        this.file = file;
        this.lines = lines;
    }

    List<SpecProblem> problems() {
        return problems;
    }

    void problem(String path, String message) {
        problems.add(new SpecProblem(file, lines.lineOf(path), path, message));
    }

    /** Reports each key of {@code node} that is not in {@code accepted}. */
    void onlyKeys(JsonNode node, String path, Set<String> accepted) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String key = names.next();
            if (!accepted.contains(key)) {
                String hint = Suggest.closest(key, accepted).map(s -> "did you mean '" + s + "'? ")
                        .orElse("");
                problem(join(path, key), "unknown key '" + key + "'; " + hint + "accepted keys: "
                        + String.join(", ", accepted.stream().sorted().toList()));
            }
        }
    }

    static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    Optional<JsonNode> object(JsonNode parent, String path, String key, boolean required) {
        JsonNode n = parent.get(key);
        String p = join(path, key);
        if (n == null || n.isNull()) {
            if (required) {
                problem(p, "missing; add '" + key + ":' to the spec");
            }
            return Optional.empty();
        }
        if (!n.isObject()) {
            problem(p, "expected a mapping of keys, found '" + n.asText() + "'");
            return Optional.empty();
        }
        return Optional.of(n);
    }

    Optional<String> string(JsonNode parent, String path, String key, boolean required) {
        JsonNode n = parent.get(key);
        String p = join(path, key);
        if (n == null || n.isNull()) {
            if (required) {
                problem(p, "missing; add '" + key + ": ...' to the spec");
            }
            return Optional.empty();
        }
        if (!n.isValueNode()) {
            problem(p, "expected a single value, found a " + kind(n));
            return Optional.empty();
        }
        return Optional.of(n.asText());
    }

    /** An integer within [min, max]; {@code orElse} when absent. */
    Optional<Long> integer(JsonNode parent, String path, String key, long min, long max) {
        JsonNode n = parent.get(key);
        String p = join(path, key);
        if (n == null || n.isNull()) {
            return Optional.empty();
        }
        if (!n.canConvertToLong() || !n.isIntegralNumber()) {
            problem(p, "expected a whole number from " + min + " to " + max + ", found '"
                    + n.asText() + "'");
            return Optional.empty();
        }
        long v = n.asLong();
        if (v < min || v > max) {
            problem(p, v + " is out of range; accepted: " + min + " to " + max);
            return Optional.empty();
        }
        return Optional.of(v);
    }

    Optional<Boolean> bool(JsonNode parent, String path, String key) {
        JsonNode n = parent.get(key);
        if (n == null || n.isNull()) {
            return Optional.empty();
        }
        if (!n.isBoolean()) {
            problem(join(path, key), "expected true or false, found '" + n.asText() + "'");
            return Optional.empty();
        }
        return Optional.of(n.asBoolean());
    }

    /** One of the given words (case-sensitive, as written in specs). */
    Optional<String> choice(JsonNode parent, String path, String key, List<String> accepted) {
        return string(parent, path, key, false).flatMap(v -> {
            if (accepted.contains(v)) {
                return Optional.of(v);
            }
            problem(join(path, key), "'" + v + "' is not accepted; accepted: "
                    + String.join(", ", accepted));
            return Optional.empty();
        });
    }

    /** A duration such as {@code 500ms}, {@code 90s}, {@code 2m} or {@code 1h}. */
    Optional<Duration> duration(JsonNode parent, String path, String key) {
        return string(parent, path, key, false).flatMap(v -> {
            Matcher m = DURATION.matcher(v.trim().toLowerCase(Locale.ROOT));
            if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
                problem(join(path, key), "'" + v + "' is not a positive duration; write it as"
                        + " a number with a unit: 500ms, 90s, 2m or 1h");
                return Optional.empty();
            }
            long n = Long.parseLong(m.group(1));
            return Optional.of(switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofHours(n);
            });
        });
    }

    /**
     * A size in bytes written as Docker writes memory limits: a number with an optional unit
     * k, m or g (powers of 1024), such as {@code 512m}; at least {@code min}.
     */
    Optional<Long> bytes(JsonNode parent, String path, String key, long min) {
        return string(parent, path, key, false).flatMap(v -> {
            Matcher m = BYTES.matcher(v.trim().toLowerCase(Locale.ROOT));
            int shift = m.matches() ? switch (m.group(2)) {
                case "k" -> 10;
                case "m" -> 20;
                case "g" -> 30;
                default -> 0;
            } : 0;
            long n = m.matches() && m.group(1).length() < 12 ? Long.parseLong(m.group(1)) : -1;
            if (n < 0 || (n << shift) < min) {
                problem(join(path, key), "'" + v + "' is not a size Docker accepts; write a"
                        + " number with a unit k, m or g, such as 512m or 2g, of at least "
                        + (min >> 20) + "m");
                return Optional.empty();
            }
            return Optional.of(n << shift);
        });
    }

    /** A number, whole or decimal, within [min, max]; empty when absent. */
    Optional<Double> decimal(JsonNode parent, String path, String key, double min, double max) {
        JsonNode n = parent.get(key);
        if (n == null || n.isNull()) {
            return Optional.empty();
        }
        if (!n.isNumber() || n.asDouble() < min || n.asDouble() > max) {
            problem(join(path, key), "expected a number from " + decimalText(min) + " to "
                    + decimalText(max) + ", found '" + n.asText() + "'");
            return Optional.empty();
        }
        return Optional.of(n.asDouble());
    }

    /**
     * A share written as a percentage, such as {@code 5%} or {@code 2.5%}, above 0 and at most
     * 100; returned as a fraction (0.05). A bare number is refused: 5 and 0.05 are both
     * plausible readings of it.
     */
    Optional<Double> percent(JsonNode parent, String path, String key) {
        return string(parent, path, key, false).flatMap(v -> {
            Matcher m = PERCENT.matcher(v.trim());
            double share = m.matches() ? Double.parseDouble(m.group(1)) : -1;
            if (!(share > 0 && share <= 100)) {
                problem(join(path, key), "'" + v + "' is not a percentage; write it with a"
                        + " percent sign, above 0% and at most 100%, such as 5%");
                return Optional.empty();
            }
            return Optional.of(share / 100);
        });
    }

    private static String decimalText(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v)
                : Double.toString(v);
    }

    static String kind(JsonNode n) {
        return n.isArray() ? "list" : n.isObject() ? "mapping" : "value";
    }
}

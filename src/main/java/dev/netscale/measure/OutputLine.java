package dev.netscale.measure;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One line of receiver or sender output (docs/protocol.md): a word, then {@code key=value}
 * fields. Words without {@code =} after the first are kept in order under keys "1", "2", ...
 */
public record OutputLine(String kind, Map<String, String> fields) {

    public static Optional<OutputLine> parse(String line) {
        String[] parts = line.trim().split("\\s+");
        if (parts.length == 0 || parts[0].isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> fields = new LinkedHashMap<>();
        int loose = 0;
        for (int i = 1; i < parts.length; i++) {
            int eq = parts[i].indexOf('=');
            if (eq > 0) {
                fields.put(parts[i].substring(0, eq), parts[i].substring(eq + 1));
            } else {
                fields.put(Integer.toString(++loose), parts[i]);
            }
        }
        return Optional.of(new OutputLine(parts[0], fields));
    }

    public String text(String key) {
        String v = fields.get(key);
        if (v == null) {
            throw new MalformedOutputException("'" + kind + "' line lacks " + key + "=");
        }
        return v;
    }

    public long number(String key) {
        try {
            return Long.parseLong(text(key));
        } catch (NumberFormatException e) {
            throw new MalformedOutputException("'" + kind + "' line: " + key + "=" + fields.get(key)
                    + " is not a number");
        }
    }

    public Optional<String> optional(String key) {
        return Optional.ofNullable(fields.get(key));
    }

    /** The rest of an error line, for people. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        fields.forEach((k, v) -> sb.append(sb.isEmpty() ? "" : " ")
                .append(k.chars().allMatch(Character::isDigit) ? v : k + "=" + v));
        return sb.toString();
    }
}

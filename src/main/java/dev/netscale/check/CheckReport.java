package dev.netscale.check;

import dev.netscale.check.Outcome.Verdict;
import dev.netscale.results.ResultsException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The outcomes of a check as a console table and as the report's section. */
public final class CheckReport {
    /** The section's title in report.md. */
    public static final String SECTION = "Reproduction checks";
    private static final String BEFORE = "## Charts";

    private CheckReport() {
    }

    public static boolean failed(List<Outcome> outcomes) {
        return outcomes.stream().anyMatch(o -> o.verdict() == Verdict.FAIL);
    }

    /** For example "3 expectations: 1 passed, 1 failed, 1 not applicable". */
    public static String summary(List<Outcome> outcomes) {
        Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        outcomes.forEach(o -> counts.merge(o.verdict(), 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        counts.forEach((v, n) -> parts.add(n + " " + switch (v) {
            case PASS -> "passed";
            case FAIL -> "failed";
            case NOT_APPLICABLE -> "not applicable";
            case NOT_MEASURED -> "not measured";
        }));
        return Checks.plural(outcomes.size(), "expectation")
                + (parts.isEmpty() ? "" : ": " + String.join(", ", parts));
    }

    /** A fixed-width table: receiver, expectation, result, detail. */
    public static List<String> table(List<Outcome> outcomes) {
        int receiver = Math.max("receiver".length(), outcomes.stream()
                .mapToInt(o -> o.expectation().receiver().length()).max().orElse(0));
        int expectation = Math.max("expectation".length(), outcomes.stream()
                .mapToInt(o -> o.expectation().describe().length()).max().orElse(0));
        String format = "%-" + receiver + "s  %-" + expectation + "s  %-12s  %s";
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, format, "receiver", "expectation", "result",
                "detail"));
        outcomes.forEach(o -> out.add(String.format(Locale.ROOT, format,
                o.expectation().receiver(), o.expectation().describe(), o.verdict().label(),
                o.detail())));
        return out;
    }

    /** The section's body in Markdown: a sentence, then one table row per expectation. */
    public static List<String> markdown(List<Outcome> outcomes) {
        if (outcomes.isEmpty()) {
            return List.of("The spec states no expectations (`expect:`), so there is nothing"
                    + " to check.");
        }
        List<String> out = new ArrayList<>();
        out.add("The spec's `expect:` section, checked against this run: "
                + summary(outcomes) + ". Only a failure fails `netscale check`; an expectation"
                + " whose host requirement this run did not meet is not applicable.");
        out.add("");
        out.add("| receiver | expectation | result | detail |");
        out.add("| --- | --- | --- | --- |");
        outcomes.forEach(o -> out.add("| " + o.expectation().receiver() + " | "
                + o.expectation().describe() + " | "
                + (o.verdict() == Verdict.FAIL ? "**FAIL**" : o.verdict().label()) + " | "
                + o.detail().replace("|", "\\|") + " |"));
        return out;
    }

    /**
     * Puts the section into an existing report.md: replaces an earlier one, or goes before the
     * charts (or at the end when there are none).
     *
     * @throws ResultsException naming the file when it cannot be read or written
     */
    public static void writeInto(Path report, List<Outcome> outcomes) {
        try {
            List<String> lines = new ArrayList<>(Files.readAllLines(report));
            List<String> section = new ArrayList<>();
            section.add("## " + SECTION);
            section.add("");
            section.addAll(markdown(outcomes));
            section.add("");
            int start = lines.indexOf("## " + SECTION);
            if (start >= 0) {
                int end = start + 1;
                while (end < lines.size() && !lines.get(end).startsWith("## ")) {
                    end++;
                }
                lines.subList(start, end).clear();
            } else {
                start = lines.indexOf(BEFORE);
                if (start < 0) {
                    start = lines.size();
                    section.add(0, "");
                }
            }
            lines.addAll(start, section);
            Files.writeString(report, String.join("\n", lines).stripTrailing() + "\n");
        } catch (IOException e) {
            throw new ResultsException("cannot update " + report + ": " + e.getMessage(), e);
        }
    }
}

package dev.netscale.report;

import dev.netscale.results.TrialRecord;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a report is drawn from: the trials of one results folder and what is known about
 * the run. Nothing else is read, so that {@code netscale report DIR} redraws a report from the
 * CSVs alone.
 *
 * @param specName the experiment's name, the report's title
 * @param description the spec's description; may be null or blank
 * @param baseline the receiver id other receivers are divided by; null for none
 * @param referenceCsv a published curve to overlay on the ratio chart: {@code #} comment lines,
 *     then a header {@code senders,<runtime>,...} and one row per sender count, each runtime
 *     column holding throughput relative to 1 sender
 * @param trials every trial of the run, failed ones included
 * @param environment the contents of {@code environment.json}; may be empty
 * @param warnings run-level warnings, in the words they should be shown in
 * @param sections sections drawn elsewhere (reproduction checks, host calibration), shown
 *     after the findings in the order given
 */
public record ReportInput(
        String specName,
        String description,
        String baseline,
        Optional<Path> referenceCsv,
        List<TrialRecord> trials,
        Map<String, Object> environment,
        List<String> warnings,
        List<Section> sections) {

    /** A report without sections drawn elsewhere. */
    public ReportInput(String specName, String description, String baseline,
            Optional<Path> referenceCsv, List<TrialRecord> trials,
            Map<String, Object> environment, List<String> warnings) {
        this(specName, description, baseline, referenceCsv, trials, environment, warnings,
                List.of());
    }

    /** A section of report.md: its title and its Markdown lines. */
    public record Section(String title, List<String> lines) {
    }
}

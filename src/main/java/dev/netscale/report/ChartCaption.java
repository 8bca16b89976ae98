package dev.netscale.report;

import dev.netscale.results.PointSummaries;
import dev.netscale.results.TrialRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The CPU sets a chart was measured on, for its title. A figure made with one receiver core
 * must not look like one made with twenty, so every chart names them.
 */
final class ChartCaption {

    private ChartCaption() {
    }

    /**
     * For example {@code receiver CPUs 0-19; sender CPUs 20-39}, or {@code receiver CPUs
     * native 0-3, jvm 4-7; sender CPUs 8-15} when receivers ran on different sets. The sets
     * the kernel reported are used, the requested ones where none was reported.
     */
    static String of(List<TrialRecord> trials) {
        Map<String, String> receiverSets = new LinkedHashMap<>();
        trials.stream().collect(Collectors.groupingBy(TrialRecord::receiver, LinkedHashMap::new,
                Collectors.toList())).forEach((receiver, list) -> receiverSets.put(receiver,
                        PointSummaries.cpus(list, TrialRecord::receiverCpusActual,
                                TrialRecord::receiverCpus)));
        String senders = PointSummaries.cpus(trials, TrialRecord::senderCpusActual,
                TrialRecord::senderCpus);

        return "receiver CPUs " + receivers(receiverSets) + "; sender CPUs "
                + orUnknown(senders);
    }

    private static String receivers(Map<String, String> sets) {
        if (sets.values().stream().distinct().count() <= 1) {
            return orUnknown(sets.values().stream().findFirst().orElse(""));
        }
        return sets.entrySet().stream().map(e -> e.getKey() + " " + orUnknown(e.getValue()))
                .collect(Collectors.joining(", "));
    }

    private static String orUnknown(String cpus) {
        return cpus.isEmpty() ? "not recorded" : cpus;
    }
}

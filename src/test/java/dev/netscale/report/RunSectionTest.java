package dev.netscale.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netscale.results.TrialBuilder;
import dev.netscale.results.TrialRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunSectionTest {
    private static List<TrialRecord> trials(int repetitionsAtTwoSenders) {
        List<TrialRecord> out = new ArrayList<>();
        for (int rep = 1; rep <= 3; rep++) {
            out.add(TrialBuilder.ok("native", 1, 1000).repetition(rep).build());
        }
        for (int rep = 1; rep <= repetitionsAtTwoSenders; rep++) {
            out.add(TrialBuilder.ok("native", 2, 1800).repetition(rep).build());
        }
        return out;
    }

    @Test
    void saysTheRepetitionCountWhenEveryPointHasIt() {
        assertThat(RunSection.lines(trials(3), Map.of()).get(0))
                .endsWith("at sender counts 1, 2, 3 repetitions each.");
    }

    @Test
    void saysUpToWhenSomePointHasFewer() {
        assertThat(RunSection.lines(trials(2), Map.of()).get(0))
                .endsWith("at sender counts 1, 2, up to 3 repetitions each.");
    }
}

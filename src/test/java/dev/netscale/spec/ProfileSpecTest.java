package dev.netscale.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ProfileSpecTest {
    private static final String BASE = """
            name: p
            senders: { counts: [1, 2, 4] }
            receivers: [ { runtime: native } ]
            """;

    private static ExperimentSpec parse(String extra) {
        return new SpecLoader(CpuSet.parseList("0-1")).parse(BASE + extra, Path.of("p.yaml"));
    }

    @Test
    void profilingIsOffUnlessTheSpecAsks() {
        assertThat(parse("").profile()).isEqualTo(ExperimentSpec.Profile.OFF);
        assertThat(parse("profile: false\n").profile().enabled()).isFalse();
    }

    @Test
    void profileTrueProfilesAtTheDefaultSenderCount() {
        assertThat(parse("profile: true\n").profile())
                .isEqualTo(new ExperimentSpec.Profile(true, OptionalInt.empty()));
    }

    @Test
    void aSenderCountTurnsProfilingOnAtThatCount() {
        assertThat(parse("profile: { senders: 2 }\n").profile())
                .isEqualTo(new ExperimentSpec.Profile(true, OptionalInt.of(2)));
    }

    @Test
    void refusesAnUnknownKeyAndAWordThatIsNoBoolean() {
        assertThatThrownBy(() -> parse("profile: { sender: 2 }\n"))
                .isInstanceOf(SpecException.class)
                .hasMessageContaining("p.yaml:4: profile.sender: unknown key 'sender'; did you"
                        + " mean 'senders'? accepted keys: senders");
        assertThatThrownBy(() -> parse("profile: always\n"))
                .hasMessageContaining("p.yaml:4: profile: expected true, false or a mapping"
                        + " such as { senders: 4 }, found 'always'");
        assertThatThrownBy(() -> parse("profile: { senders: 0 }\n"))
                .hasMessageContaining("profile.senders: 0 is out of range; accepted: 1 to 4096");
    }
}

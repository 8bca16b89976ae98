package dev.netscale.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.netscale.results.ResultsException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReferenceCurveTest {

    @TempDir
    Path dir;

    @Test
    void commentsAreSkippedAndEachRuntimeIsAColumn() {
        ReferenceCurve curve = ReferenceCurve.read(Fixtures.reference());

        assertThat(curve.senders()).containsExactly(1, 2, 4, 8, 16);
        assertThat(curve.ratios().keySet()).containsExactly("native", "wasmer", "jvm");
        assertThat(curve.ratios().get("wasmer")).containsExactly(1.0, 1.8, 2.1, 2.0, 2.0);
    }

    @Test
    void anEmptyCellIsAMissingValue() throws IOException {
        Path file = Files.writeString(dir.resolve("r.csv"), "senders,native\n1,1.0\n2,\n");

        assertThat(ReferenceCurve.read(file).ratios().get("native")[1]).isNaN();
    }

    @Test
    void aHeaderWithoutSendersIsRefusedWithItsLine() throws IOException {
        Path file = Files.writeString(dir.resolve("r.csv"), "# comment\nn,native\n1,1.0\n");

        assertThatThrownBy(() -> ReferenceCurve.read(file))
                .isInstanceOf(ResultsException.class)
                .hasMessage(file + ":2: header 'n,native' should be senders,<runtime>,..."
                        + " (for example senders,native)");
    }

    @Test
    void aCellThatIsNoNumberIsRefusedWithItsLine() throws IOException {
        Path file = Files.writeString(dir.resolve("r.csv"), "senders,native\n1,one\n");

        assertThatThrownBy(() -> ReferenceCurve.read(file))
                .isInstanceOf(ResultsException.class)
                .hasMessage(file + ":2: not a number in '1,one'");
    }

    @Test
    void aMissingFileIsReportedWithItsPath() {
        Path file = dir.resolve("absent.csv");

        assertThatThrownBy(() -> ReferenceCurve.read(file))
                .isInstanceOf(ResultsException.class)
                .hasMessageStartingWith("cannot read reference curve " + file);
    }
}

package dev.netscale.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netscale.results.PointSummaries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartFilesTest {

    @TempDir
    Path dir;

    @Test
    void aChartIsWrittenAsPngAndSvgHeadless() throws IOException {
        var points = PointSummaries.of(Fixtures.trials(), "native");
        var chart = ScalingChart.build(points, ChartCaption.of(Fixtures.trials()),
                Optional.of(ReferenceCurve.read(Fixtures.reference())));

        List<Path> files = ChartFiles.write(chart, dir.resolve("charts"), "scaling");

        assertThat(files).containsExactly(dir.resolve("charts/scaling.png"),
                dir.resolve("charts/scaling.svg"));
        byte[] png = Files.readAllBytes(files.get(0));
        assertThat(png).isNotEmpty();
        // Every PNG starts with the byte 0x89 and "PNG".
        assertThat(new String(png, 1, 3, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("PNG");
        String svg = Files.readString(files.get(1));
        assertThat(svg).isNotEmpty();
        assertThat(svg.startsWith("<?xml") || svg.startsWith("<svg")).isTrue();
    }
}

package dev.netscale.report;

import dev.netscale.results.ResultsException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;

/** Writes a chart as PNG (for the report) and SVG (for papers and zooming). */
final class ChartFiles {

    private ChartFiles() {
    }

    /**
     * Writes {@code <stem>.png} and {@code <stem>.svg} into {@code dir}, creating it. Needs
     * no display: AWT runs headless.
     *
     * @return the two files, PNG first
     * @throws ResultsException naming the file that could not be written
     */
    static List<Path> write(XYChart chart, Path dir, String stem) {
        // Without it AWT may look for a display on a machine that has none, and fail.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        ChartStyle.fitLegend(chart);
        ChartStyle.fitTitle(chart);
        Path png = dir.resolve(stem + ".png");
        Path svg = dir.resolve(stem + ".svg");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new ResultsException("cannot create " + dir + ": " + e.getMessage(), e);
        }
        // Both encoders append the extension to the name they are given.
        String base = dir.resolve(stem).toString();
        try {
            BitmapEncoder.saveBitmap(chart, base, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException | RuntimeException e) {
            throw new ResultsException("cannot write " + png + ": " + e.getMessage(), e);
        }
        try {
            VectorGraphicsEncoder.saveVectorGraphic(chart, base,
                    VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        } catch (IOException | RuntimeException e) {
            throw new ResultsException("cannot write " + svg + ": " + e.getMessage(), e);
        }
        return List.of(png, svg);
    }
}

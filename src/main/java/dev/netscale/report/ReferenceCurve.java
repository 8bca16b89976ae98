package dev.netscale.report;

import dev.netscale.results.ResultsException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A published scaling curve: for each runtime, throughput at N senders over throughput at 1
 * sender, as read off the reference measurement's figure.
 *
 * @param senders the sender counts, in file order
 * @param ratios one column per runtime id, aligned with {@code senders}; NaN for empty cells
 */
record ReferenceCurve(int[] senders, Map<String, double[]> ratios) {

    /**
     * Reads a reference CSV: lines starting with {@code #} and blank lines are comments, the
     * first other line is the header {@code senders,<runtime>,...}.
     *
     * @throws ResultsException naming the file and line when it cannot be read or parsed
     */
    static ReferenceCurve read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new ResultsException("cannot read reference curve " + file + ": "
                    + e.getMessage(), e);
        }

        String[] header = null;
        List<Integer> senders = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (header == null) {
                header = cells;
                if (header.length < 2 || !header[0].strip().equals("senders")) {
                    throw new ResultsException(file + ":" + (i + 1) + ": header '" + line
                            + "' should be senders,<runtime>,... (for example senders,native)");
                }
                continue;
            }
            if (cells.length != header.length) {
                throw new ResultsException(file + ":" + (i + 1) + ": " + cells.length
                        + " cells, the header has " + header.length);
            }
            try {
                senders.add(Integer.parseInt(cells[0].strip()));
                rows.add(Arrays.stream(cells, 1, cells.length).map(String::strip)
                        .mapToDouble(c -> c.isEmpty() ? Double.NaN : Double.parseDouble(c))
                        .toArray());
            } catch (NumberFormatException e) {
                throw new ResultsException(file + ":" + (i + 1) + ": not a number in '" + line
                        + "'", e);
            }
        }
        if (header == null) {
            throw new ResultsException(file + ": no header line senders,<runtime>,...");
        }

        Map<String, double[]> ratios = new LinkedHashMap<>();
        for (int c = 1; c < header.length; c++) {
            int column = c - 1;
            ratios.put(header[c].strip(), rows.stream().mapToDouble(r -> r[column]).toArray());
        }
        return new ReferenceCurve(senders.stream().mapToInt(Integer::intValue).toArray(), ratios);
    }
}

package dev.netscale.report;

import static dev.netscale.results.TrialBuilder.failed;
import static dev.netscale.results.TrialBuilder.ok;

import dev.netscale.results.TrialBuilder;
import dev.netscale.results.TrialRecord;
import dev.netscale.stats.RttPercentiles;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * A small run shared by the report tests: two receivers, 1 to 8 senders, 3 repetitions, one
 * failed trial. Round trips take {@code senders} microseconds, so p50 = p99 = senders us.
 *
 * <pre>
 * senders  native {values} mean   wasmer {values} mean      ratios native, wasmer   wasmer/native
 *    1     {1000,1100,1200} 1100  {500,550,600}    550      1        1              0.5
 *    2     {2000,2100,2200} 2100  {1000,1050,1100} 1050     1.909091 1.909091       0.5
 *    4     {3900,4000,4100} 4000  {1100,1150,1200} 1150 +1 failed  3.636364 2.090909  0.2875
 *    8     {6900,7000,7100} 7000  {1050,1100,1150} 1100     6.363636 2        0.157143
 * </pre>
 */
final class Fixtures {

    static final String RECEIVER_CPUS = "0-1";
    static final String SENDER_CPUS = "2-3";

    private Fixtures() {
    }

    static List<TrialRecord> trials() {
        List<TrialRecord> out = new ArrayList<>();
        add(out, "native", 1, 1000, 1100, 1200);
        add(out, "native", 2, 2000, 2100, 2200);
        add(out, "native", 4, 3900, 4000, 4100);
        add(out, "native", 8, 6900, 7000, 7100);
        add(out, "wasmer", 1, 500, 550, 600);
        add(out, "wasmer", 2, 1000, 1050, 1100);
        add(out, "wasmer", 4, 1100, 1150, 1200);
        add(out, "wasmer", 8, 1050, 1100, 1150);
        out.add(cpus(failed("wasmer", 4, "lost 2 messages").repetition(4)
                .logs("logs/trial-0042")).build());
        return out;
    }

    static Path reference() {
        try {
            return Path.of(Fixtures.class.getResource("reference.csv").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Each trial records 100 round trips of {@code senders} microseconds. */
    private static void add(List<TrialRecord> out, String receiver, int senders,
            double... throughputs) {
        Histogram rtt = new Histogram(3);
        rtt.recordValueWithCount(senders * 1_000L, 100);
        for (int i = 0; i < throughputs.length; i++) {
            out.add(cpus(ok(receiver, senders, throughputs[i]).repetition(i + 1))
                    .rtt(RttPercentiles.encode(rtt)).build());
        }
    }

    private static TrialBuilder cpus(TrialBuilder b) {
        return b.receiverCpus(RECEIVER_CPUS, RECEIVER_CPUS).senderCpus(SENDER_CPUS, SENDER_CPUS);
    }
}

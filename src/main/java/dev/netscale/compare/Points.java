package dev.netscale.compare;

import dev.netscale.check.MeasuredRun;
import dev.netscale.results.PointKey;
import java.util.ArrayList;
import java.util.List;

/** The points two runs share. */
final class Points {
    private Points() {
    }

    /** Receivers in A's spec order, sender counts ascending, measured by both runs. */
    static List<PointKey> common(MeasuredRun a, MeasuredRun b) {
        List<PointKey> out = new ArrayList<>();
        for (String receiver : a.receivers()) {
            List<Integer> inB = b.senders(receiver);
            a.senders(receiver).stream().filter(inB::contains)
                    .forEach(s -> out.add(new PointKey(receiver, s)));
        }
        return out;
    }
}

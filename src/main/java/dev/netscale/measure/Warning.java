package dev.netscale.measure;

/**
 * Result-quality warnings, stored with each trial and printed after the results with advice.
 */
public enum Warning {
    SHORT_WINDOW("short-window", "the measured window was under "
            + dev.netscale.spec.Defaults.MIN_MEANINGFUL_WINDOW.toMillis() + " ms, so start-up"
            + " jitter weighs on the throughput; raise message.total or use message.per-sender"),
    CPU_OVERLAP("cpu-overlap", "receiver and senders shared CPUs, so they competed for them;"
            + " give them separate CPU sets on a host with more CPUs"),
    FAILED_TRIAL("failed-trial", "a trial failed and was left out of its point; see the reason"
            + " and its logs"),
    HIGH_VARIANCE("high-variance", "the 95% confidence interval is wider than 10% of the mean;"
            + " add repetitions or quiet the host"),
    COARSE_CPU("coarse-cpu", "a CPU figure counted in 10 ms clock ticks rested on fewer than"
            + " 20 of them (the CPU sets' busy time, from /proc/stat; the receiver's CPU time too"
            + " where its process CPU clock could not be read), so it is uncertain by more than"
            + " 10%, and the CPU set can even read less busy than the receiver alone kept it;"
            + " raise message.total or use message.per-sender"),
    SENDER_LIMITED("sender-limited", "the senders' CPU set was at least 90% busy over the"
            + " window, so the senders, not the receiver, may have set the throughput; give"
            + " the senders more CPUs (senders.cpus) or put fewer senders on each"),
    WIDE_PROBE("wide-probe", "the receiver's resource readings spanned more than 1.25"
            + " times its measured phase (the receiver's lines reached the runner late, as a"
            + " busy host or Docker's attach stream can make them), so cores busy, CPU set busy"
            + " and thread shares read low for this trial; CPU per message is not affected;"
            + " raise message.total for longer trials"),
    SUPERLINEAR("superlinear", "throughput grew faster than the sender count from the first"
            + " point, beyond its 95% interval: the first point was held back by something that"
            + " more senders hide, often an idle CPU waking up for every message, so ratios to"
            + " it overstate scaling; compare against the second point, or keep the receiver's"
            + " CPUs from idling");

    private final String id;
    private final String advice;

    Warning(String id, String advice) {
        this.id = id;
        this.advice = advice;
    }

    public String id() {
        return id;
    }

    public String advice() {
        return advice;
    }

    public static java.util.Optional<Warning> byId(String id) {
        for (Warning w : values()) {
            if (w.id.equals(id)) {
                return java.util.Optional.of(w);
            }
        }
        return java.util.Optional.empty();
    }
}

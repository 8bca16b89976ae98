package dev.netscale.calibrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.netscale.spec.CpuSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.BitSet;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Reading sockperf, /proc and the JVM's flags; one real ping-pong when sockperf is here. */
class CalibrationTest {
    private static final Path RECORDED = Path.of("src/test/resources/calibrate");

    @Test
    void sockperfsRateIsTheRoundTripsOfItsValidDurationOverItsLength() throws IOException {
        // Recorded: "[Valid Duration] RunTime=0.519 sec; ... ReceivedMessages=1177", with
        // colour codes around "avg-rtt=440.544": 1177 / 0.519 = 2267.8 round trips/s.
        PingPongCeiling.Ceiling c = PingPongCeiling.parse(Files.readString(
                RECORDED.resolve("sockperf-ping-pong.txt"))).orElseThrow();

        assertThat(c.roundTripsPerSecond()).isCloseTo(2267.8, within(0.1));
        assertThat(c.roundTrips()).isEqualTo(1177);
        assertThat(c.rttMeanMicros()).isEqualTo(440.544);
        assertThat(c.rttP50Micros()).isEqualTo(72.026);
        assertThat(c.rttP99Micros()).isEqualTo(8239.787);
    }

    @Test
    void outputWithoutAValidDurationHasNoCeiling() {
        assertThat(PingPongCeiling.parse("sockperf: ERROR: connect failed")).isEmpty();
    }

    @Test
    void theJvmOnOneCpuPicksTheSerialCollectorAndTwoCompilerThreads() throws IOException {
        Map<String, Object> flags = JvmErgonomics.parse(Files.readString(
                RECORDED.resolve("flags-final-1cpu.txt")));

        assertThat(flags).containsEntry("gc", "SerialGC")
                .containsEntry("CICompilerCount", "2 (ergonomic)")
                .containsEntry("UseSerialGC", "true (ergonomic)")
                .containsEntry("UseG1GC", "false (default)")
                .containsEntry("TieredCompilation", "true (default)")
                .doesNotContainKey("AlwaysPreTouch");
    }

    @Test
    void stealIsItsShareOfTheFirstEightCpuTimeFields() {
        // user nice system idle iowait irq softirq steal guest guest_nice: guest time is
        // already in user, so the total is 100 + 0 + 50 + 800 + 0 + 0 + 0 + 50 = 1000.
        HostHealth.CpuTimes t = HostHealth.parseCpuLine("cpu  100 0 50 800 0 0 0 50 30 0")
                .orElseThrow();
        assertThat(t).isEqualTo(new HostHealth.CpuTimes(1000, 50));

        HostHealth h = HostHealth.of("0.50 0.40 0.30 1/200 99", CpuSet.parseList("0-1"),
                new HostHealth.CpuTimes(2000, 150), Optional.of(t));
        // During: (150 - 50) / (2000 - 1000) = 10%, above the 5% that warns.
        assertThat(h.stealShareDuring()).isCloseTo(0.10, within(1e-12));
        assertThat(h.warnings()).singleElement().asString()
                .startsWith("CPU steal: a hypervisor took 10.0% of CPU time during the"
                        + " calibration");
    }

    @Test
    void aLoadAverageAboveTheCpuCountWarnsThatTheHostIsBusy() {
        HostHealth busy = HostHealth.of("3.20 2.00 1.00 3/300 42", CpuSet.parseList("0-1"),
                new HostHealth.CpuTimes(1000, 0), Optional.empty());
        assertThat(busy.loadAverage1m()).isEqualTo(3.2);
        assertThat(busy.warnings()).singleElement().asString().startsWith("host busy: the"
                + " 1-minute load average was 3.20 on 2 CPUs");
        assertThat(busy.toMap()).containsEntry("load_average", "3.20 2.00 1.00");
    }

    @Test
    void sockperfMeasuresTheLoopbackCeilingAtTheGivenPinning() {
        BitSet first = new BitSet();
        first.set(dev.netscale.env.Host.allowedCpus().nextSetBit(0));
        PingPongCeiling.Result r = PingPongCeiling.measure(1024, false, first, first,
                Duration.ofSeconds(1));

        // `make setup` installs sockperf, so the test host has it: a calibration that skipped
        // here is a failure, not a reason to skip the test.
        assertThat(r.skipped()).as("sockperf skipped").isEmpty();
        assertThat(r.ceiling().orElseThrow().roundTripsPerSecond()).isPositive();
        assertThat(r.toMap()).containsEntry("message_bytes", 1024)
                .containsEntry("tcp_nodelay", false).containsKey("round_trips_per_s");
        assertThat(r.clientCommand()).contains("--tcp-avoid-nodelay", "--full-rtt");
        assertThat(ProcessHandle.current().children().filter(ProcessHandle::isAlive).count())
                .as("sockperf processes left").isZero();
    }
}

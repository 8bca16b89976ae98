package dev.netscale.backend.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StdinLinesTest {

    @Test
    void givesEachLineSentThenTheEndOfInputAfterClose() throws Exception {
        StdinLines in = new StdinLines();
        in.send("go");
        in.send("exit");
        in.close();
        assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII))
                .isEqualTo("go\nexit\n");
        assertThat(in.read()).isEqualTo(-1);
    }

    @Test
    void blocksUntilALineIsSent() throws Exception {
        StdinLines in = new StdinLines();
        byte[] buf = new byte[16];
        AtomicInteger read = new AtomicInteger(-2);
        Thread reader = Thread.ofPlatform().start(() -> read.set(in.read(buf, 0, buf.length)));
        reader.join(200);
        assertThat(reader.isAlive()).as("reading before anything was sent").isTrue();
        in.send("go");
        reader.join();
        assertThat(new String(buf, 0, read.get(), StandardCharsets.US_ASCII)).isEqualTo("go\n");
    }

    @Test
    void closingBeforeAnyLineEndsTheInputWithoutOne() {
        StdinLines in = new StdinLines();
        in.close();
        assertThat(in.read(new byte[4], 0, 4)).isEqualTo(-1);
    }
}

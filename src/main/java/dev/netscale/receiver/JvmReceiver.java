package dev.netscale.receiver;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Java receiver: the protocol and output of docs/protocol.md, with one platform thread or
 * one virtual thread per connection. Blocking socket streams are used on purpose: that is what
 * thread-per-connection means, and virtual threads make the same code release their carrier
 * while they wait.
 */
public final class JvmReceiver {
    private final ReceiverOptions opt;
    private final PrintStream out = System.out;
    private final BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in));
    private final List<Connection> connections = new ArrayList<>();
    private final CountDownLatch running;
    private final CountDownLatch warmedUp;
    private final CountDownLatch finished;
    /** Connections that received a measured message, and connections that sent their last. */
    private final AtomicInteger started = new AtomicInteger();
    private final AtomicInteger ended = new AtomicInteger();

    private JvmReceiver(ReceiverOptions opt) {
        this.opt = opt;
        running = new CountDownLatch(opt.connections());
        warmedUp = new CountDownLatch(opt.connections());
        finished = new CountDownLatch(opt.connections());
    }

    public static void main(String[] args) throws Exception {
        ReceiverOptions opt;
        try {
            opt = ReceiverOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("receiver: " + e.getMessage());
            System.err.println(ReceiverOptions.USAGE);
            System.exit(2);
            return;
        }
        System.exit(new JvmReceiver(opt).run());
    }

    private int run() throws IOException, InterruptedException {
        try (ServerSocket server = new ServerSocket()) {
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(InetAddress.getByName(opt.bind()), opt.port()),
                    opt.connections());
            out.println("ready port=" + server.getLocalPort() + " pid="
                    + ProcessHandle.current().pid() + " runtime="
                    + (opt.virtualThreads() ? "jvm-virtual" : "jvm"));
            out.flush();
            for (int i = 0; i < opt.connections(); i++) {
                Socket s = server.accept();
                s.setTcpNoDelay(opt.tcpNoDelay());
                Connection c = new Connection(s);
                connections.add(c);
                if (!opt.fault().equals("hang")) {
                    Thread.Builder b = opt.virtualThreads() ? Thread.ofVirtual()
                            : Thread.ofPlatform();
                    b.name("conn-" + i).start(() -> serve(c));
                }
            }
            if (opt.fault().equals("hang")) {
                new CountDownLatch(1).await(); // a receiver that never answers, for tests
            }
            release();
            finished.await();
        }
        return report();
    }

    /**
     * The start-together barrier of docs/protocol.md, the warm-up barrier if any, and with
     * {@code --hold 1} the wait for "go" before the measured phase.
     */
    private void release() throws IOException, InterruptedException {
        if (!opt.staggered()) {
            running.await();
            if (opt.warmup() > 0) {
                releaseAll();
                warmedUp.await();
            }
            if (opt.hold()) {
                hold();
            }
        }
        // Printed before the release bytes, so that it precedes every line of the measured
        // phase.
        out.println("released ns=" + System.nanoTime());
        out.flush();
        if (!opt.staggered()) {
            releaseAll();
        }
    }

    /** Prints "holding" and waits for a line "go"; "exit" or the end of input ends it. */
    private void hold() throws IOException {
        out.println("holding connections=" + opt.connections());
        out.flush();
        String line;
        while ((line = stdin.readLine()) != null && !line.trim().equals("exit")) {
            if (line.trim().equals("go")) {
                return;
            }
        }
        System.err.println("receiver: told to exit while holding the release");
        out.flush();
        System.exit(1);
    }

    private void releaseAll() {
        for (Connection c : connections) {
            try {
                c.out.write(Message.RELEASE);
                c.out.flush();
            } catch (IOException e) {
                c.error = "release-failed";
            }
        }
    }

    private void serve(Connection c) {
        Thread t = Thread.currentThread();
        c.threadId = t.threadId();
        c.virtual = t.isVirtual();
        running.countDown();
        boolean warm = opt.warmup() == 0;
        if (warm) {
            warmedUp.countDown();
        }
        byte[] m = new byte[opt.messageBytes()];
        long expected = 0;
        try {
            while (true) {
                if (c.in.readNBytes(m, 0, m.length) < m.length) {
                    c.error = "closed-early";
                    return;
                }
                long now = System.nanoTime();
                int kind = Message.kind(m);
                long seq = Message.sequence(m);
                if (c.id < 0) {
                    c.id = Message.id(m);
                } else if (Message.id(m) != c.id) {
                    c.error = "id-changed expected=" + c.id + " got=" + Message.id(m);
                    return;
                }
                if (kind == Message.WARMUP) {
                    if (warm || seq != expected) {
                        c.error = warm ? "warmup-after-release" : sequenceError(expected, seq);
                        return;
                    }
                    ack(c, m, seq);
                    expected++;
                    c.warmup++;
                    if (c.warmup == opt.warmup()) {
                        warm = true;
                        expected = 0;
                        warmedUp.countDown();
                    }
                    continue;
                }
                if (kind != Message.DATA && kind != Message.LAST) {
                    c.error = "bad-kind kind=" + kind;
                    return;
                }
                if (seq != expected) {
                    c.error = sequenceError(expected, seq);
                    return;
                }
                if (c.messages == 0) {
                    c.firstNanos = now;
                    started.incrementAndGet();
                }
                if (started.get() == opt.connections() && ended.get() == 0) {
                    c.activeMessages++;
                }
                c.lastNanos = now;
                c.messages++;
                expected++;
                if (kind == Message.LAST) {
                    ended.incrementAndGet();
                }
                if (!opt.fault().equals("no-ack")) {
                    ack(c, m, seq);
                }
                if (kind == Message.LAST) {
                    return;
                }
            }
        } catch (IOException e) {
            c.error = "io-error";
        } finally {
            if (c.error != null && !warm) {
                warmedUp.countDown();
            }
            finished.countDown();
        }
    }

    private static String sequenceError(long expected, long got) {
        return "sequence-gap expected=" + expected + " got=" + got;
    }

    /** Sends the ack in one write: the message itself, unless a test asked for a fault. */
    private void ack(Connection c, byte[] m, long seq) throws IOException {
        byte[] ack = m;
        switch (opt.fault()) {
            case "corrupt-ack" -> {
                if (seq == 5 || Message.kind(m) == Message.LAST) {
                    ack = m.clone();
                    ack[m.length - 1] ^= 0x5a;
                }
            }
            case "cross-ack" -> {
                if (c == connections.get(0) && Message.kind(m) != Message.WARMUP) {
                    ack = m.clone();
                    Message.setId(ack, c.id + 1);
                }
            }
            case "repeat-ack" -> {
                if (seq == 3) {
                    c.out.write(m);
                }
            }
            default -> {
            }
        }
        c.out.write(ack);
        c.out.flush();
    }

    /** Prints the records and the done line, then waits to be told to exit. */
    private int report() throws IOException {
        long messages = 0;
        boolean failed = false;
        for (Connection c : connections) {
            if (c.error != null) {
                failed = true;
                out.println("error id=" + c.id + " reason=" + c.error);
            }
            out.println(c.record());
            messages += c.messages;
        }
        out.println("done connections=" + connections.size() + " messages=" + messages);
        out.flush();
        String line;
        while ((line = stdin.readLine()) != null && !line.trim().equals("exit")) {
            // Keep the process, and its counters in /proc, until the runner has read them.
        }
        for (Connection c : connections) {
            c.socket.close();
        }
        return failed ? 1 : 0;
    }
}

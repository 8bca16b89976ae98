package dev.netscale.receiver;

import java.util.List;

/** The receiver's command line (docs/protocol.md), shared by every receiver runtime. */
record ReceiverOptions(int port, int connections, int messageBytes, boolean staggered,
        int warmup, boolean tcpNoDelay, boolean hold, String bind, boolean virtualThreads,
        String fault) {

    static final String USAGE = "usage: receiver --port P --connections N --size S"
            + " [--start together|staggered] [--warmup W] [--nodelay 0|1] [--hold 0|1]"
            + " [--bind ADDR]"
            + " [--threads platform|virtual] [--inject-fault KIND]";
    private static final List<String> FAULTS = List.of("none", "corrupt-ack", "repeat-ack",
            "cross-ack", "no-ack", "hang");

    static ReceiverOptions parse(String[] args) {
        int port = 0;
        int connections = -1;
        int size = -1;
        boolean staggered = false;
        int warmup = 0;
        boolean noDelay = false;
        boolean hold = false;
        String bind = "127.0.0.1";
        boolean virtual = false;
        String fault = "none";
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            String v = args[++i];
            switch (name) {
                case "--port" -> port = number(name, v, 0, 65535);
                case "--connections" -> connections = number(name, v, 1, 1 << 16);
                case "--size" -> size = number(name, v, Message.HEADER_BYTES, 1 << 20);
                case "--start" -> staggered = word(name, v, List.of("together", "staggered"))
                        .equals("staggered");
                case "--warmup" -> warmup = number(name, v, 0, Integer.MAX_VALUE);
                case "--nodelay" -> noDelay = word(name, v, List.of("0", "1")).equals("1");
                case "--hold" -> hold = word(name, v, List.of("0", "1")).equals("1");
                case "--bind" -> bind = v;
                case "--threads" -> virtual = word(name, v, List.of("platform", "virtual"))
                        .equals("virtual");
                case "--inject-fault" -> fault = word(name, v, FAULTS);
                default -> throw new IllegalArgumentException("unknown option " + name);
            }
        }
        if (connections < 0 || size < 0) {
            throw new IllegalArgumentException("--connections and --size are required");
        }
        return new ReceiverOptions(port, connections, size, staggered, warmup, noDelay, hold, bind,
                virtual, fault);
    }

    private static int number(String name, String v, int min, int max) {
        try {
            int n = Integer.parseInt(v);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // Reported below with the accepted range.
        }
        throw new IllegalArgumentException(name + " " + v + ": accepted " + min + " to " + max);
    }

    private static String word(String name, String v, List<String> accepted) {
        if (!accepted.contains(v)) {
            throw new IllegalArgumentException(name + " " + v + ": accepted "
                    + String.join(", ", accepted));
        }
        return v;
    }
}

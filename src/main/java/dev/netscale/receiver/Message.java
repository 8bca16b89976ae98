package dev.netscale.receiver;

/**
 * The message layout of docs/protocol.md: kind at 0, connection id (u32 LE) at 4, sequence
 * number (u64 LE) at 8, filler from 16 on.
 */
final class Message {
    static final int HEADER_BYTES = 16;
    static final byte DATA = 1;
    static final byte LAST = 2;
    static final byte WARMUP = 3;
    static final byte RELEASE = 'R';

    private Message() {
    }

    static int kind(byte[] m) {
        return m[0];
    }

    static long id(byte[] m) {
        return (m[4] & 0xffL) | (m[5] & 0xffL) << 8 | (m[6] & 0xffL) << 16 | (m[7] & 0xffL) << 24;
    }

    static long sequence(byte[] m) {
        long v = 0;
        for (int i = 7; i >= 0; i--) {
            v = v << 8 | (m[8 + i] & 0xffL);
        }
        return v;
    }

    static void setId(byte[] m, long id) {
        for (int i = 0; i < 4; i++) {
            m[4 + i] = (byte) (id >>> (8 * i));
        }
    }
}

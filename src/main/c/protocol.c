/* protocol.c: the netscale wire protocol (see protocol.h). */
#include "protocol.h"

const char *const proto_start_names[] = {"together", "staggered", NULL};

static uint64_t proto_load_le(const uint8_t *p, int len_bytes)
{
    uint64_t v = 0;

    for (int i = len_bytes - 1; i >= 0; i--)
        v = v << 8 | p[i];
    return v;
}

static void proto_store_le(uint8_t *p, uint64_t v, int len_bytes)
{
    for (int i = 0; i < len_bytes; i++) {
        p[i] = (uint8_t)v;
        v >>= 8;
    }
}

void proto_read_header(const uint8_t *msg, struct proto_header *header)
{
    header->kind = msg[0];
    header->id = (uint32_t)proto_load_le(msg + PROTO_OFFSET_ID, 4);
    header->seq = proto_load_le(msg + PROTO_OFFSET_SEQ, 8);
}

/*
 * The filler repeats every 256 bytes: the first period is computed, the
 * rest copied from 256 bytes back, eight bytes at a time, which keeps the
 * sender's CPU cost per byte low for large messages. __builtin_memcpy of
 * a constant 8 bytes compiles to plain loads and stores, no libc call.
 */
void proto_fill(uint8_t *msg, size_t size_bytes, uint8_t kind, uint32_t id,
                uint64_t seq)
{
    enum { PERIOD = 256 };
    uint8_t base = (uint8_t)(id + seq);
    size_t i = PROTO_HEADER_BYTES;

    msg[0] = kind;
    proto_store_le(msg + 1, 0, 3);
    proto_store_le(msg + PROTO_OFFSET_ID, id, 4);
    proto_store_le(msg + PROTO_OFFSET_SEQ, seq, 8);
    for (; i < size_bytes && i < PROTO_HEADER_BYTES + PERIOD; i++)
        msg[i] = (uint8_t)(base + i);
    for (; i + 8 <= size_bytes; i += 8) {
        uint64_t word;

        __builtin_memcpy(&word, msg + i - PERIOD, 8);
        __builtin_memcpy(msg + i, &word, 8);
    }
    for (; i < size_bytes; i++)
        msg[i] = msg[i - PERIOD];
}

size_t proto_first_difference(const uint8_t *a, const uint8_t *b,
                              size_t len_bytes)
{
    size_t i = 0;

    while (i < len_bytes && a[i] == b[i])
        i++;
    return i;
}

int proto_check(const struct proto_header *header,
                const struct proto_expect *expect,
                struct proto_violation *violation)
{
    int kind_ok = expect->warmup ? header->kind == PROTO_KIND_WARMUP
                                 : header->kind == PROTO_KIND_DATA ||
                                       header->kind == PROTO_KIND_LAST;

    violation->has_expected = 1;
    if (!kind_ok) {
        violation->reason = "bad-kind";
        violation->has_expected = 0;
        violation->got = header->kind;
        return -1;
    }
    if (expect->id_known && header->id != expect->id) {
        violation->reason = "id-changed";
        violation->expected = expect->id;
        violation->got = header->id;
        return -1;
    }
    if (header->seq != expect->seq) {
        violation->reason = "sequence-gap";
        violation->expected = expect->seq;
        violation->got = header->seq;
        return -1;
    }
    return 0;
}

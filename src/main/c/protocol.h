/*
 * protocol.h: the netscale wire protocol (docs/protocol.md).
 *
 * A message of S bytes: kind (1 byte), three zero bytes, connection id
 * (u32), sequence number (u64), then filler where byte i of the message
 * is (id + seq + i) mod 256. Integers are little-endian. The receiver
 * echoes each message as its acknowledgement.
 */
#ifndef NETSCALE_PROTOCOL_H
#define NETSCALE_PROTOCOL_H

#include <stddef.h>
#include <stdint.h>

enum {
    PROTO_KIND_DATA = 1,
    PROTO_KIND_LAST = 2,
    PROTO_KIND_WARMUP = 3,
    PROTO_HEADER_BYTES = 16,
    PROTO_OFFSET_ID = 4,
    PROTO_OFFSET_SEQ = 8,
    PROTO_MIN_SIZE_BYTES = 16,
    PROTO_MAX_SIZE_BYTES = 1048576,
    PROTO_RELEASE_BYTE = 0x52
};

#define PROTO_SIZE_ACCEPTED "16..1048576"

enum proto_start { PROTO_START_TOGETHER = 0, PROTO_START_STAGGERED = 1 };

/* {"together", "staggered", NULL}, indexed by enum proto_start. */
extern const char *const proto_start_names[];

struct proto_header {
    uint8_t kind;
    uint32_t id;
    uint64_t seq;
};

void proto_read_header(const uint8_t *msg, struct proto_header *header);

/* Writes a whole message: header and filler. */
void proto_fill(uint8_t *msg, size_t size_bytes, uint8_t kind, uint32_t id,
                uint64_t seq);

/* Offset of the first byte where a and b differ, or len_bytes if none. */
size_t proto_first_difference(const uint8_t *a, const uint8_t *b,
                              size_t len_bytes);

/* What a connection expects of its next message. */
struct proto_expect {
    int warmup;      /* 1: a warm-up message (kind 3) is due */
    int id_known;    /* 0 before the connection's first message */
    uint32_t id;
    uint64_t seq;    /* the due sequence number */
};

/* A violation, worded for an error line: reason=... expected=... got=... */
struct proto_violation {
    const char *reason;   /* "bad-kind", "id-changed", "sequence-gap" */
    int has_expected;     /* 0 for bad-kind: the phase tells what was due */
    uint64_t expected;
    uint64_t got;
};

/*
 * Checks a received header against what the connection expects. Returns 0
 * when it is the due message, -1 and fills *violation otherwise. The
 * filler is not checked: the sender checks the echoed copy byte for byte.
 */
int proto_check(const struct proto_header *header,
                const struct proto_expect *expect,
                struct proto_violation *violation);

#endif

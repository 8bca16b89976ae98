/*
 * receiver.h: state shared by the receiver's main thread (receiver.c) and
 * its connection threads (receiver_conn.c).
 *
 * Only platform.h is used for system services, so that the receiver
 * builds unchanged as a freestanding WASIX module.
 */
#ifndef NETSCALE_RECEIVER_H
#define NETSCALE_RECEIVER_H

#include <stdint.h>

#include "platform.h"

enum receiver_fault {
    FAULT_NONE,
    FAULT_CORRUPT_ACK,
    FAULT_REPEAT_ACK,
    FAULT_CROSS_ACK,
    FAULT_NO_ACK,
    FAULT_HANG
};

/*
 * The measured sequence number whose ack a fault spoils on the first
 * accepted connection, or that connection's last message if it has fewer.
 */
enum {
    FAULT_CORRUPT_SEQ = 5,
    FAULT_REPEAT_SEQ = 3,
    FAULT_CROSS_SEQ = 2
};

enum { RECEIVER_LINE_BYTES = 512 };

struct receiver_config {
    uint64_t port;
    uint64_t connections;
    uint64_t size_bytes;
    uint64_t start;
    uint64_t warmup;
    uint64_t nodelay;
    uint64_t hold;
    uint64_t fault;
    uint8_t bind_addr[4];
};

struct receiver;

/*
 * One accepted connection. Its thread owns every field but sock, which the
 * main thread also writes release bytes to and closes at the end; the
 * thread only shuts the connection down, so that the descriptor cannot be
 * reused under the main thread. The main thread reads the results after
 * the "finished" counter, which orders them.
 */
struct receiver_conn {
    struct receiver *rx;
    uint32_t index;
    plat_sock sock;
    uint8_t *msg;
    uint64_t thread_id;
    uint32_t id;
    uint32_t id_known; /* atomic: read by other threads for cross-ack */
    uint64_t warmup_count;
    uint64_t measured_count;
    uint64_t first_ns;
    uint64_t last_ns;
    uint64_t active_count; /* measured while every connection was active */
    int completed;
    int failed; /* atomic: read by the main thread during the release */
    int warm_counted;
};

struct receiver {
    struct receiver_config cfg;
    struct receiver_conn *conns;
    uint32_t running;  /* connection threads started */
    uint32_t warmed;   /* connections past warm-up, or failed */
    uint32_t finished; /* connections finished or failed */
    uint32_t errors;   /* error lines printed */
    /*
     * Connections that received a measured message, and that received
     * their last one: while started == connections and ended == 0, every
     * connection is active, and messages count towards "active".
     */
    uint32_t started;
    uint32_t ended;
};

/* The thread of one connection: serves it until its end or failure. */
void receiver_conn_main(void *arg);

#endif

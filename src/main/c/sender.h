/*
 * sender.h: state shared by the sender's main thread (sender.c) and its
 * connection threads (sender_conn.c).
 */
#ifndef NETSCALE_SENDER_H
#define NETSCALE_SENDER_H

#include <stdint.h>

#include "hist.h"
#include "platform.h"
#include "text.h"

enum { SENDER_LINE_BYTES = 512 };

/* CPUs looked at when reporting the allowed-CPU list. */
enum { SENDER_MAX_CPUS = 1024 };

struct sender_config {
    uint64_t port;
    uint64_t connections;
    uint64_t first_id;
    uint64_t messages;
    uint64_t size_bytes;
    uint64_t start;
    uint64_t warmup;
    uint64_t nodelay;
    uint64_t ack_timeout_ms;
    uint8_t host_addr[4];
};

struct sender;

/* One connection; its thread owns it until the "finished" counter. */
struct sender_conn {
    struct sender *tx;
    uint32_t id;
    plat_sock sock;
    uint8_t *out;
    uint8_t *in;
    struct hist *rtt;
    uint64_t acked;
    uint64_t start_ns;
    uint64_t end_ns;
    int completed;
};

struct sender {
    struct sender_config cfg;
    struct sender_conn *conns;
    uint32_t attempted; /* connection threads past their connect */
    uint32_t connected; /* of those, connected */
    uint32_t finished;  /* connection threads done */
    uint32_t announced; /* 1 once "connected" is printed */
    uint32_t errors;    /* error lines printed */
};

/* Writes a line to stdout; a failing stdout ends the program. */
void sender_print(struct text_line *line);

/* The thread of one connection: connects, runs it and counts its end. */
void sender_conn_main(void *arg);

#endif

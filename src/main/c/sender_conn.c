/*
 * sender_conn.c: the thread of one sender connection.
 *
 * It connects, waits for the release, runs the warm-up and measured
 * messages as a closed loop (send, wait for the ack, check it byte for
 * byte, time the round trip) and counts its progress for the main thread.
 * A failure prints one "error" line and ends the connection.
 */
#include "sender.h"

#include <string.h>

#include "counter.h"
#include "diag.h"
#include "protocol.h"

void sender_print(struct text_line *line)
{
    int status = text_emit(line, PLAT_STDOUT);

    if (status != PLAT_OK)
        diag_fatal_call("write stdout", status);
}

static void sender_error_begin(const struct sender_conn *conn,
                               struct text_line *line, char *buf,
                               const char *reason)
{
    text_init(line, buf, SENDER_LINE_BYTES);
    text_str(line, "error");
    text_field_u64(line, "id", conn->id);
    text_field_str(line, "reason", reason);
}

static void sender_error_end(struct sender_conn *conn,
                             struct text_line *line)
{
    __atomic_fetch_add(&conn->tx->errors, 1, __ATOMIC_SEQ_CST);
    sender_print(line);
}

/* Reports a failed system call: "error ... code=E" and a diagnostic. */
static void sender_fail_call(struct sender_conn *conn, const char *call,
                             const char *reason, int status)
{
    char buf[SENDER_LINE_BYTES];
    struct text_line line;

    diag_call_u64(call, status, "connection id", conn->id);
    sender_error_begin(conn, &line, buf, reason);
    text_field_u64(&line, "code", (uint64_t)status);
    sender_error_end(conn, &line);
}

/* Reports a failed receive of an ack (or release byte) in a phase. */
static void sender_fail_recv(struct sender_conn *conn, int status,
                             uint64_t seq, const char *phase)
{
    char buf[SENDER_LINE_BYTES];
    struct text_line line;
    const char *reason = "recv-failed";

    if (status == PLAT_EOF)
        reason = "closed";
    else if (status == PLAT_ETRUNC)
        reason = "truncated";
    else if (status == PLAT_ETIMEDOUT)
        reason = "ack-timeout";
    else
        diag_call_u64("recv", status, "connection id", conn->id);
    sender_error_begin(conn, &line, buf, reason);
    text_field_u64(&line, "seq", seq);
    if (text_equal(reason, "recv-failed"))
        text_field_u64(&line, "code", (uint64_t)status);
    text_field_str(&line, "phase", phase);
    sender_error_end(conn, &line);
}

static void sender_fail_send(struct sender_conn *conn, int status,
                             uint64_t seq, const char *phase)
{
    char buf[SENDER_LINE_BYTES];
    struct text_line line;

    if (status == PLAT_ETIMEDOUT) {
        sender_error_begin(conn, &line, buf, "send-timeout");
        text_field_u64(&line, "seq", seq);
    } else {
        diag_call_u64("send", status, "connection id", conn->id);
        sender_error_begin(conn, &line, buf, "send-failed");
        text_field_u64(&line, "seq", seq);
        text_field_u64(&line, "code", (uint64_t)status);
    }
    text_field_str(&line, "phase", phase);
    sender_error_end(conn, &line);
}

/* Sets the ack timeout, or none while waiting for a release byte. */
static int sender_set_timeout(struct sender_conn *conn, int waiting_release)
{
    uint64_t timeout_ms = conn->tx->cfg.ack_timeout_ms;
    int status;

    if (timeout_ms == 0)
        return 0;
    status = plat_set_timeout_ms(conn->sock,
                                 waiting_release ? 0 : (uint32_t)timeout_ms);
    if (status != PLAT_OK) {
        sender_fail_call(conn, "setsockopt SO_RCVTIMEO", "setup-failed",
                         status);
        return -1;
    }
    return 0;
}

/*
 * Waits for one release byte, with no timeout: releases wait for every
 * sender of the trial. Returns 0, or -1 after reporting.
 *
 * The last ack received is acknowledged at once first. Otherwise, with
 * Nagle's algorithm on, the receiver holds the second release byte until
 * our delayed ACK of its last warm-up ack goes out, about 40 ms on Linux,
 * and connections start their measured phase tens of ms apart.
 */
static int sender_await_release(struct sender_conn *conn)
{
    char buf[SENDER_LINE_BYTES];
    struct text_line line;
    uint8_t release;
    size_t got;
    int status;

    status = plat_ack_now(conn->sock);
    if (status != PLAT_OK) {
        sender_fail_call(conn, "setsockopt TCP_QUICKACK", "setup-failed",
                         status);
        return -1;
    }
    if (sender_set_timeout(conn, 1) != 0)
        return -1;
    status = plat_recv_exact(conn->sock, &release, 1, &got);
    if (status != PLAT_OK) {
        sender_fail_recv(conn, status, 0, "release");
        return -1;
    }
    if (release != PROTO_RELEASE_BYTE) {
        sender_error_begin(conn, &line, buf, "bad-release");
        text_field_u64(&line, "got", release);
        sender_error_end(conn, &line);
        return -1;
    }
    return sender_set_timeout(conn, 0);
}

/*
 * Sends one message and checks its ack byte for byte. Returns 0, or -1
 * after reporting the failure.
 */
static int sender_exchange(struct sender_conn *conn, uint8_t kind,
                           uint64_t seq, const char *phase)
{
    size_t size_bytes = conn->tx->cfg.size_bytes;
    char buf[SENDER_LINE_BYTES];
    struct text_line line;
    size_t got;
    int status;

    proto_fill(conn->out, size_bytes, kind, conn->id, seq);
    status = plat_send_all(conn->sock, conn->out, size_bytes);
    if (status != PLAT_OK) {
        sender_fail_send(conn, status, seq, phase);
        return -1;
    }
    status = plat_recv_exact(conn->sock, conn->in, size_bytes, &got);
    if (status != PLAT_OK) {
        sender_fail_recv(conn, status, seq, phase);
        return -1;
    }
    if (memcmp(conn->in, conn->out, size_bytes) != 0) {
        sender_error_begin(conn, &line, buf, "ack-mismatch");
        text_field_u64(&line, "seq", seq);
        text_field_u64(&line, "offset",
                       proto_first_difference(conn->in, conn->out,
                                              size_bytes));
        text_field_str(&line, "phase", phase);
        sender_error_end(conn, &line);
        return -1;
    }
    return 0;
}

/* Runs the release, warm-up and measured phases of one connection. */
static int sender_run(struct sender_conn *conn, uint64_t connected_ns)
{
    const struct sender_config *cfg = &conn->tx->cfg;
    int together = cfg->start == PROTO_START_TOGETHER;

    conn->start_ns = connected_ns;
    if (together) {
        if (sender_await_release(conn) != 0)
            return -1;
        conn->start_ns = plat_clock_ns();
    } else if (sender_set_timeout(conn, 0) != 0) {
        return -1;
    }
    for (uint64_t seq = 0; seq < cfg->warmup; seq++) {
        if (sender_exchange(conn, PROTO_KIND_WARMUP, seq, "warmup") != 0)
            return -1;
    }
    if (cfg->warmup > 0) {
        if (together && sender_await_release(conn) != 0)
            return -1;
        conn->start_ns = plat_clock_ns();
    }
    for (uint64_t seq = 0; seq < cfg->messages; seq++) {
        uint8_t kind =
            seq + 1 == cfg->messages ? PROTO_KIND_LAST : PROTO_KIND_DATA;
        uint64_t sent_ns = plat_clock_ns();
        uint64_t acked_ns;

        if (sender_exchange(conn, kind, seq, "measured") != 0)
            return -1;
        acked_ns = plat_clock_ns();
        hist_add(conn->rtt, acked_ns - sent_ns);
        conn->acked++;
        conn->end_ns = acked_ns;
    }
    conn->completed = 1;
    return 0;
}

/* Connects and applies --nodelay. Returns 0, or -1 after reporting. */
static int sender_connect(struct sender_conn *conn)
{
    const struct sender_config *cfg = &conn->tx->cfg;
    const char *call;
    int status;

    status = plat_connect(cfg->host_addr, (uint16_t)cfg->port, &conn->sock,
                          &call);
    if (status != PLAT_OK) {
        sender_fail_call(conn, call, "connect-failed", status);
        return -1;
    }
    status = plat_set_nodelay(conn->sock, (int)cfg->nodelay);
    if (status != PLAT_OK) {
        sender_fail_call(conn, "setsockopt TCP_NODELAY", "setup-failed",
                         status);
        (void)plat_close(conn->sock);
        return -1;
    }
    return 0;
}

void sender_conn_main(void *arg)
{
    struct sender_conn *conn = arg;
    struct sender *tx = conn->tx;
    uint64_t connected_ns;
    int status;

    if (sender_connect(conn) != 0) {
        counter_add(&tx->attempted);
        counter_add(&tx->finished);
        return;
    }
    connected_ns = plat_clock_ns();
    __atomic_fetch_add(&tx->connected, 1, __ATOMIC_SEQ_CST);
    counter_add(&tx->attempted);
    /*
     * With start=together nothing happens before the release, so waiting
     * here costs nothing and keeps "connected" before this connection's
     * lines. With start=staggered the connection starts at once.
     */
    if (tx->cfg.start == PROTO_START_TOGETHER)
        counter_await(&tx->announced, 1);
    (void)sender_run(conn, connected_ns);
    status = plat_close(conn->sock);
    if (status != PLAT_OK)
        diag_call_u64("close", status, "connection id", conn->id);
    counter_add(&tx->finished);
}

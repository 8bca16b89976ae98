/*
 * receiver_conn.c: the thread of one receiver connection.
 *
 * It receives whole messages, timestamps each right after its last byte,
 * checks it (protocol.c), echoes it as the ack, and counts its progress
 * for the main thread. A violation or a failed call prints one "error"
 * line and shuts the connection down.
 */
#include "receiver.h"

#include "counter.h"
#include "diag.h"
#include "protocol.h"
#include "text.h"

/* Starts "error id=<id> reason=<reason>"; id=unknown before any message. */
static void receiver_error_begin(struct receiver_conn *conn,
                                 struct text_line *line, char *buf,
                                 const char *reason)
{
    text_init(line, buf, RECEIVER_LINE_BYTES);
    text_str(line, "error");
    if (__atomic_load_n(&conn->id_known, __ATOMIC_ACQUIRE))
        text_field_u64(line, "id", conn->id);
    else
        text_field_str(line, "id", "unknown");
    text_field_str(line, "reason", reason);
}

/* Prints the error line and ends the connection for its peer. */
static void receiver_error_end(struct receiver_conn *conn,
                               struct text_line *line)
{
    int status;

    __atomic_store_n(&conn->failed, 1, __ATOMIC_SEQ_CST);
    __atomic_fetch_add(&conn->rx->errors, 1, __ATOMIC_SEQ_CST);
    status = text_emit(line, PLAT_STDOUT);
    if (status != PLAT_OK)
        diag_call("write stdout", status);
    /* Fails only when the peer is already gone: nothing left to report. */
    (void)plat_shutdown(conn->sock);
}

/* Reports a failed system call on a connection: stdout and stderr. */
static void receiver_fail_call(struct receiver_conn *conn, const char *call,
                               const char *reason, int status)
{
    char buf[RECEIVER_LINE_BYTES];
    struct text_line line;

    diag_call_u64(call, status, "accepted connection", conn->index);
    receiver_error_begin(conn, &line, buf, reason);
    text_field_u64(&line, "code", (uint64_t)status);
    receiver_error_end(conn, &line);
}

static void receiver_fail_recv(struct receiver_conn *conn, int status,
                               size_t got_bytes)
{
    char buf[RECEIVER_LINE_BYTES];
    struct text_line line;

    if (status == PLAT_EOF) {
        receiver_error_begin(conn, &line, buf, "closed");
        text_field_u64(&line, "warmup", conn->warmup_count);
        text_field_u64(&line, "messages", conn->measured_count);
    } else if (status == PLAT_ETRUNC) {
        receiver_error_begin(conn, &line, buf, "truncated");
        text_field_u64(&line, "expected", conn->rx->cfg.size_bytes);
        text_field_u64(&line, "got", got_bytes);
    } else {
        receiver_fail_call(conn, "recv", "recv-failed", status);
        return;
    }
    receiver_error_end(conn, &line);
}

static void receiver_fail_violation(struct receiver_conn *conn,
                                    const struct proto_violation *violation,
                                    int warmup)
{
    char buf[RECEIVER_LINE_BYTES];
    struct text_line line;

    receiver_error_begin(conn, &line, buf, violation->reason);
    if (violation->has_expected)
        text_field_u64(&line, "expected", violation->expected);
    text_field_u64(&line, "got", violation->got);
    text_field_str(&line, "phase", warmup ? "warmup" : "measured");
    receiver_error_end(conn, &line);
}

/*
 * Receives one whole message into conn->msg. A receive timeout (WASIX has
 * a default one) on an idle connection is not an error: keep waiting.
 * Returns a platform status; *got_bytes tells how much arrived.
 */
static int receiver_recv_message(struct receiver_conn *conn,
                                 size_t *got_bytes)
{
    size_t size_bytes = conn->rx->cfg.size_bytes;
    size_t done = 0;
    int status;

    do {
        size_t got;

        status = plat_recv_exact(conn->sock, conn->msg + done,
                                 size_bytes - done, &got);
        done += got;
    } while (status == PLAT_ETIMEDOUT);
    if (status == PLAT_EOF && done > 0)
        status = PLAT_ETRUNC;
    *got_bytes = done;
    return status;
}

/* Whether a fault aimed at seq hits this message. */
static int receiver_fault_hits(const struct proto_header *header,
                               uint64_t seq)
{
    return header->seq == seq ||
           (header->kind == PROTO_KIND_LAST && header->seq < seq);
}

/* Another connection's id for cross-ack, or a wrong one if none is known. */
static uint32_t receiver_other_id(const struct receiver_conn *conn)
{
    const struct receiver *rx = conn->rx;

    for (uint32_t i = 0; i < rx->cfg.connections; i++) {
        const struct receiver_conn *other = &rx->conns[i];

        if (other != conn &&
            __atomic_load_n(&other->id_known, __ATOMIC_ACQUIRE) &&
            other->id != conn->id)
            return other->id;
    }
    return conn->id + 1;
}

/*
 * Echoes the message in conn->msg as its ack, in one send call where the
 * platform takes it, after spoiling it if a fault is injected here.
 * Returns 0, or -1 after reporting a failed send.
 */
static int receiver_ack(struct receiver_conn *conn,
                        const struct proto_header *header)
{
    const struct receiver_config *cfg = &conn->rx->cfg;
    size_t size_bytes = cfg->size_bytes;
    uint64_t fault = FAULT_NONE;
    int status;

    if (conn->index == 0 && header->kind != PROTO_KIND_WARMUP)
        fault = cfg->fault;
    if (fault == FAULT_NO_ACK)
        return 0;
    if (fault == FAULT_CORRUPT_ACK &&
        receiver_fault_hits(header, FAULT_CORRUPT_SEQ))
        conn->msg[size_bytes > PROTO_HEADER_BYTES ? PROTO_HEADER_BYTES : 1] ^=
            0xff;
    if (fault == FAULT_CROSS_ACK &&
        receiver_fault_hits(header, FAULT_CROSS_SEQ))
        proto_fill(conn->msg, size_bytes, header->kind,
                   receiver_other_id(conn), header->seq);
    status = plat_send_all(conn->sock, conn->msg, size_bytes);
    if (status == PLAT_OK && fault == FAULT_REPEAT_ACK &&
        receiver_fault_hits(header, FAULT_REPEAT_SEQ))
        status = plat_send_all(conn->sock, conn->msg, size_bytes);
    if (status != PLAT_OK) {
        receiver_fail_call(conn, "send", "send-failed", status);
        return -1;
    }
    return 0;
}

/* Serves one connection until its last message or its first failure. */
static void receiver_serve(struct receiver_conn *conn)
{
    struct receiver *rx = conn->rx;
    struct proto_expect expect = {rx->cfg.warmup > 0, 0, 0, 0};

    for (;;) {
        struct proto_header header;
        struct proto_violation violation;
        size_t got_bytes;
        int status = receiver_recv_message(conn, &got_bytes);
        uint64_t now_ns = plat_clock_ns();

        if (status != PLAT_OK) {
            receiver_fail_recv(conn, status, got_bytes);
            return;
        }
        proto_read_header(conn->msg, &header);
        if (!expect.id_known) {
            expect.id_known = 1;
            expect.id = header.id;
            conn->id = header.id;
            __atomic_store_n(&conn->id_known, 1, __ATOMIC_RELEASE);
        }
        if (proto_check(&header, &expect, &violation) != 0) {
            receiver_fail_violation(conn, &violation, expect.warmup);
            return;
        }
        if (expect.warmup) {
            conn->warmup_count++;
        } else {
            if (conn->measured_count == 0) {
                conn->first_ns = now_ns;
                __atomic_fetch_add(&rx->started, 1, __ATOMIC_RELAXED);
            }
            conn->last_ns = now_ns;
            conn->measured_count++;
            if (__atomic_load_n(&rx->ended, __ATOMIC_RELAXED) == 0 &&
                __atomic_load_n(&rx->started, __ATOMIC_RELAXED) ==
                    rx->cfg.connections)
                conn->active_count++;
            if (header.kind == PROTO_KIND_LAST)
                __atomic_fetch_add(&rx->ended, 1, __ATOMIC_RELAXED);
        }
        if (receiver_ack(conn, &header) != 0)
            return;
        expect.seq++;
        if (expect.warmup && expect.seq == rx->cfg.warmup) {
            expect.warmup = 0;
            expect.seq = 0;
            conn->warm_counted = 1;
            counter_add(&rx->warmed);
        } else if (header.kind == PROTO_KIND_LAST) {
            conn->completed = 1;
            /* The ack is queued: the peer reads it, then the end. */
            (void)plat_shutdown(conn->sock);
            return;
        }
    }
}

void receiver_conn_main(void *arg)
{
    struct receiver_conn *conn = arg;
    struct receiver *rx = conn->rx;

    conn->thread_id = plat_thread_id();
    counter_add(&rx->running);
    receiver_serve(conn);
    if (!conn->warm_counted)
        counter_add(&rx->warmed);
    counter_add(&rx->finished);
}

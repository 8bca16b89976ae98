/*
 * receiver.c: the netscale receiver, one thread per connection.
 *
 * The main thread listens, prints "ready", accepts the expected number of
 * connections and gives each its own thread. It releases the senders
 * together (or lets them start as they connect), waits for the warm-up
 * barrier (and, with --hold 1, for a line "go" on standard input), prints
 * "released", waits until every connection has finished
 * or failed, prints one "conn" record per finished connection and "done",
 * then waits for "exit" or the end of standard input. docs/protocol.md is
 * the contract for every line printed here.
 *
 * Only platform.h is used for system services, so that the receiver builds
 * unchanged as a freestanding WASIX module.
 */
#include "receiver.h"

#include "counter.h"
#include "diag.h"
#include "options.h"
#include "protocol.h"
#include "text.h"

enum {
    RECEIVER_MAX_CONNECTIONS = 10000,
    RECEIVER_WORD_BYTES = 8
};

/* Indexed by enum receiver_fault. */
static const char *const receiver_fault_names[] = {
    "none", "corrupt-ack", "repeat-ack", "cross-ack", "no-ack", "hang", NULL};

static const char receiver_synopsis[] =
    "usage: netscale-receiver --port P --connections N --size S\n"
    "         [--start together|staggered] [--warmup W] [--nodelay 0|1]\n"
    "         [--hold 0|1] [--bind 127.0.0.1]\n"
    "         [--inject-fault corrupt-ack|repeat-ack|cross-ack|no-ack|hang]\n";

static struct receiver receiver_state;

static void receiver_parse(struct receiver_config *cfg, int argc,
                           char **argv)
{
    const struct opt_spec specs[] = {
        {"--port", OPT_UINT, 1, 0, 65535, NULL, "0..65535", &cfg->port,
         NULL},
        {"--connections", OPT_UINT, 1, 1, RECEIVER_MAX_CONNECTIONS, NULL,
         "1..10000", &cfg->connections, NULL},
        {"--size", OPT_UINT, 1, PROTO_MIN_SIZE_BYTES, PROTO_MAX_SIZE_BYTES,
         NULL, PROTO_SIZE_ACCEPTED, &cfg->size_bytes, NULL},
        {"--start", OPT_CHOICE, 0, 0, 0, proto_start_names,
         "together|staggered", &cfg->start, NULL},
        {"--warmup", OPT_UINT, 0, 0, UINT32_MAX, NULL, "0..4294967295",
         &cfg->warmup, NULL},
        {"--nodelay", OPT_UINT, 0, 0, 1, NULL, "0|1", &cfg->nodelay, NULL},
        {"--hold", OPT_UINT, 0, 0, 1, NULL, "0|1", &cfg->hold, NULL},
        {"--bind", OPT_IPV4, 0, 0, 0, NULL, "an IPv4 address like 127.0.0.1",
         NULL, cfg->bind_addr},
        {"--inject-fault", OPT_CHOICE, 0, 0, 0, receiver_fault_names,
         "corrupt-ack|repeat-ack|cross-ack|no-ack|hang", &cfg->fault, NULL},
    };

    cfg->start = PROTO_START_TOGETHER;
    cfg->warmup = 0;
    cfg->nodelay = 0;
    cfg->hold = 0;
    cfg->fault = FAULT_NONE;
    cfg->bind_addr[0] = 127;
    cfg->bind_addr[1] = 0;
    cfg->bind_addr[2] = 0;
    cfg->bind_addr[3] = 1;
    opt_parse(argc, argv, specs, sizeof(specs) / sizeof(specs[0]),
              receiver_synopsis);
}

static void receiver_print(struct text_line *line)
{
    int status = text_emit(line, PLAT_STDOUT);

    if (status != PLAT_OK)
        diag_fatal_call("write stdout", status);
}

/* Listens and prints "ready port=... pid=... runtime=...". */
static plat_sock receiver_listen(const struct receiver_config *cfg)
{
    char buf[RECEIVER_LINE_BYTES];
    struct text_line line;
    const char *call;
    plat_sock listener;
    uint16_t port;
    int status;

    status = plat_listen(cfg->bind_addr, (uint16_t)cfg->port,
                         (uint32_t)cfg->connections + 16, &listener, &call);
    if (status != PLAT_OK)
        diag_fatal_call(call, status);
    status = plat_local_port(listener, &port);
    if (status != PLAT_OK)
        diag_fatal_call("getsockname", status);
    text_init(&line, buf, sizeof(buf));
    text_str(&line, "ready");
    text_field_u64(&line, "port", port);
    text_field_u64(&line, "pid", plat_process_id());
    text_field_str(&line, "runtime", plat_runtime_name());
    receiver_print(&line);
    return listener;
}

static void receiver_print_released(uint64_t released_ns)
{
    char buf[RECEIVER_LINE_BYTES];
    struct text_line line;

    text_init(&line, buf, sizeof(buf));
    text_str(&line, "released");
    text_field_u64(&line, "ns", released_ns);
    receiver_print(&line);
}

/* Accepts the expected connections; with spawn, starts their threads. */
static void receiver_accept_all(struct receiver *rx, plat_sock listener,
                                int spawn)
{
    for (uint32_t i = 0; i < rx->cfg.connections; i++) {
        struct receiver_conn *conn = &rx->conns[i];
        int status = plat_accept(listener, &conn->sock);

        if (status != PLAT_OK)
            diag_fatal_call("accept", status);
        status = plat_set_nodelay(conn->sock, (int)rx->cfg.nodelay);
        if (status != PLAT_OK)
            diag_fatal_call("setsockopt TCP_NODELAY", status);
        if (!spawn)
            continue;
        conn->rx = rx;
        conn->index = i;
        conn->msg = plat_alloc(rx->cfg.size_bytes);
        if (conn->msg == NULL)
            diag_fatal_call("allocate message buffer", PLAT_ENOMEM);
        status = plat_thread_spawn(receiver_conn_main, conn);
        if (status != PLAT_OK)
            diag_fatal_call("spawn connection thread", status);
    }
}

/*
 * Writes one release byte to every connection. A connection that already
 * failed may refuse it; one that has not is shut down so that its thread
 * notices and reports it.
 */
static void receiver_release_all(struct receiver *rx)
{
    static const uint8_t release = PROTO_RELEASE_BYTE;

    for (uint32_t i = 0; i < rx->cfg.connections; i++) {
        struct receiver_conn *conn = &rx->conns[i];
        int status = plat_send_all(conn->sock, &release, 1);

        if (status != PLAT_OK &&
            !__atomic_load_n(&conn->failed, __ATOMIC_SEQ_CST)) {
            diag_call_u64("send release", status, "accepted connection", i);
            /* Its thread then sees the end and reports the connection. */
            (void)plat_shutdown(conn->sock);
        }
    }
}

static void receiver_hold(const struct receiver *rx);

/* Starts the measured phase as docs/protocol.md says; prints "released". */
static void receiver_release(struct receiver *rx)
{
    uint32_t n = (uint32_t)rx->cfg.connections;

    if (rx->cfg.start == PROTO_START_STAGGERED) {
        receiver_print_released(plat_clock_ns());
        return;
    }
    counter_await(&rx->running, n);
    if (rx->cfg.warmup > 0) {
        receiver_release_all(rx);
        counter_await(&rx->warmed, n);
    }
    if (rx->cfg.hold)
        receiver_hold(rx);
    /* Printed first, so that it precedes every line of the measured phase. */
    receiver_print_released(plat_clock_ns());
    receiver_release_all(rx);
}

/* Prints a "conn" record per finished connection, then "done". */
static void receiver_report(const struct receiver *rx)
{
    char buf[RECEIVER_LINE_BYTES];
    struct text_line line;
    uint64_t finished = 0;
    uint64_t messages = 0;

    for (uint32_t i = 0; i < rx->cfg.connections; i++) {
        const struct receiver_conn *conn = &rx->conns[i];

        if (!conn->completed)
            continue;
        finished++;
        messages += conn->measured_count;
        text_init(&line, buf, sizeof(buf));
        text_str(&line, "conn");
        text_field_u64(&line, "id", conn->id);
        text_field_u64(&line, "thread", conn->thread_id);
        text_field_str(&line, "thread-kind", plat_thread_kind());
        text_field_u64(&line, "messages", conn->measured_count);
        text_field_u64(&line, "warmup", conn->warmup_count);
        text_field_u64(&line, "first-ns", conn->first_ns);
        text_field_u64(&line, "last-ns", conn->last_ns);
        text_field_u64(&line, "active", conn->active_count);
        receiver_print(&line);
    }
    text_init(&line, buf, sizeof(buf));
    text_str(&line, "done");
    text_field_u64(&line, "connections", finished);
    text_field_u64(&line, "messages", messages);
    receiver_print(&line);
}

static void receiver_close_all(struct receiver *rx)
{
    for (uint32_t i = 0; i < rx->cfg.connections; i++) {
        int status = plat_close(rx->conns[i].sock);

        if (status != PLAT_OK)
            diag_call_u64("close", status, "accepted connection", i);
    }
}

/*
 * Reads standard input up to the next line and stores its first word (at
 * most RECEIVER_WORD_BYTES - 1 characters; longer lines give an empty
 * word). Reads one byte at a time, so that nothing after the line is taken
 * from the stream. Returns 0 for a line, -1 at the end of input or on a
 * read error.
 */
static int receiver_read_line(char word[RECEIVER_WORD_BYTES])
{
    size_t len = 0;
    int too_long = 0;

    for (;;) {
        char c;
        size_t got;
        int status = plat_read_stdin(&c, 1, &got);

        if (status != PLAT_OK) {
            diag_call("read stdin", status);
            return -1;
        }
        if (got == 0)
            return -1;
        if (c == '\n') {
            word[too_long ? 0 : len] = '\0';
            return 0;
        }
        if (c == '\r')
            continue;
        if (len < RECEIVER_WORD_BYTES - 1)
            word[len++] = c;
        else
            too_long = 1;
    }
}

/* Returns at the end of standard input or after a line "exit". */
static void receiver_wait_for_exit(void)
{
    char word[RECEIVER_WORD_BYTES];

    while (receiver_read_line(word) == 0) {
        if (text_equal(word, "exit"))
            return;
    }
}

/*
 * With --hold 1: prints "holding" and waits for a line "go", so that the
 * runner can start measuring the receiver before the measured phase
 * begins. A line "exit" or the end of standard input ends the receiver
 * with status 1, the senders never released.
 */
static void receiver_hold(const struct receiver *rx)
{
    char buf[RECEIVER_LINE_BYTES];
    char word[RECEIVER_WORD_BYTES];
    struct text_line line;

    text_init(&line, buf, sizeof(buf));
    text_str(&line, "holding");
    text_field_u64(&line, "connections", rx->cfg.connections);
    receiver_print(&line);
    for (;;) {
        if (receiver_read_line(word) != 0 || text_equal(word, "exit")) {
            diag_note("told to exit while holding the release");
            plat_exit(1);
        }
        if (text_equal(word, "go"))
            return;
    }
}

/* The hang fault: accept, then never release, read or answer anything. */
static PLAT_NORETURN void receiver_hang(struct receiver *rx,
                                        plat_sock listener)
{
    receiver_accept_all(rx, listener, 0);
    receiver_wait_for_exit();
    plat_exit(1);
}

static void receiver_announce_fault(uint64_t fault)
{
    char buf[RECEIVER_LINE_BYTES];
    struct text_line line;

    text_init(&line, buf, sizeof(buf));
    text_str(&line, "injecting fault ");
    text_str(&line, receiver_fault_names[fault]);
    text_str(&line, fault == FAULT_HANG
                        ? ": connections are accepted, never served"
                        : " on the first accepted connection");
    diag_note(text_cstr(&line));
}

int netscale_main(int argc, char **argv)
{
    struct receiver *rx = &receiver_state;
    plat_sock listener;
    int status;

    diag_set_program("netscale-receiver");
    receiver_parse(&rx->cfg, argc, argv);
    if (rx->cfg.fault != FAULT_NONE)
        receiver_announce_fault(rx->cfg.fault);
    rx->conns = plat_alloc(rx->cfg.connections * sizeof(rx->conns[0]));
    if (rx->conns == NULL)
        diag_fatal_call("allocate connections", PLAT_ENOMEM);
    listener = receiver_listen(&rx->cfg);
    if (rx->cfg.fault == FAULT_HANG)
        receiver_hang(rx, listener);

    receiver_accept_all(rx, listener, 1);
    status = plat_close(listener);
    if (status != PLAT_OK)
        diag_call("close listener", status);
    receiver_release(rx);

    counter_await(&rx->finished, (uint32_t)rx->cfg.connections);
    receiver_report(rx);
    receiver_close_all(rx);

    receiver_wait_for_exit();
    return __atomic_load_n(&rx->errors, __ATOMIC_SEQ_CST) > 0 ? 1 : 0;
}

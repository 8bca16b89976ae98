/*
 * sender.c: the netscale sender, one thread per connection.
 *
 * Opens K connections with ids I..I+K-1 and runs a closed loop on each
 * (sender_conn.c), then prints one "conn" and one "rtt" record per
 * connection whose every ack matched and "sender-done" with the process's
 * CPU use. docs/protocol.md is the contract for every line printed here.
 * The sender runs natively only; it still uses platform.h so that sockets,
 * threads and clocks behave exactly as in the receiver.
 */
#include "sender.h"

#include "counter.h"
#include "diag.h"
#include "options.h"
#include "protocol.h"

enum {
    SENDER_MAX_CONNECTIONS = 10000,
    SENDER_DEFAULT_ACK_TIMEOUT_MS = 30000,
    /* " <lower>:<count>" is at most 42 bytes. */
    SENDER_RTT_LINE_BYTES = 64 + HIST_BUCKETS * 42
};

static const char sender_synopsis[] =
    "usage: netscale-sender --port P --connections K --first-id I\n"
    "         --messages M --size S [--start together|staggered]\n"
    "         [--warmup W] [--nodelay 0|1] [--host 127.0.0.1]\n"
    "         [--ack-timeout-ms T]\n";

static struct sender sender_state;

static void sender_parse(struct sender_config *cfg, int argc, char **argv)
{
    const struct opt_spec specs[] = {
        {"--port", OPT_UINT, 1, 1, 65535, NULL, "1..65535", &cfg->port,
         NULL},
        {"--connections", OPT_UINT, 1, 1, SENDER_MAX_CONNECTIONS, NULL,
         "1..10000", &cfg->connections, NULL},
        {"--first-id", OPT_UINT, 1, 0, UINT32_MAX, NULL, "0..4294967295",
         &cfg->first_id, NULL},
        {"--messages", OPT_UINT, 1, 1, UINT64_MAX, NULL, "1 or more",
         &cfg->messages, NULL},
        {"--size", OPT_UINT, 1, PROTO_MIN_SIZE_BYTES, PROTO_MAX_SIZE_BYTES,
         NULL, PROTO_SIZE_ACCEPTED, &cfg->size_bytes, NULL},
        {"--start", OPT_CHOICE, 0, 0, 0, proto_start_names,
         "together|staggered", &cfg->start, NULL},
        {"--warmup", OPT_UINT, 0, 0, UINT64_MAX, NULL, "0 or more",
         &cfg->warmup, NULL},
        {"--nodelay", OPT_UINT, 0, 0, 1, NULL, "0|1", &cfg->nodelay, NULL},
        {"--host", OPT_IPV4, 0, 0, 0, NULL, "an IPv4 address like 127.0.0.1",
         NULL, cfg->host_addr},
        {"--ack-timeout-ms", OPT_UINT, 0, 0, UINT32_MAX, NULL,
         "0..4294967295 (0 waits forever)", &cfg->ack_timeout_ms, NULL},
    };

    cfg->start = PROTO_START_TOGETHER;
    cfg->warmup = 0;
    cfg->nodelay = 0;
    cfg->ack_timeout_ms = SENDER_DEFAULT_ACK_TIMEOUT_MS;
    cfg->host_addr[0] = 127;
    cfg->host_addr[1] = 0;
    cfg->host_addr[2] = 0;
    cfg->host_addr[3] = 1;
    opt_parse(argc, argv, specs, sizeof(specs) / sizeof(specs[0]),
              sender_synopsis);
    if (cfg->first_id + cfg->connections - 1 > UINT32_MAX)
        diag_usage("--first-id", "the last id would pass 4294967295",
                   "I + K - 1 <= 4294967295", NULL,
                   sender_synopsis);
}

/* Allocates every connection's buffers and starts its thread. */
static void sender_start(struct sender *tx)
{
    const struct sender_config *cfg = &tx->cfg;

    tx->conns = plat_alloc(cfg->connections * sizeof(tx->conns[0]));
    if (tx->conns == NULL)
        diag_fatal_call("allocate connections", PLAT_ENOMEM);
    for (uint32_t i = 0; i < cfg->connections; i++) {
        struct sender_conn *conn = &tx->conns[i];
        int status;

        conn->tx = tx;
        conn->id = (uint32_t)(cfg->first_id + i);
        conn->out = plat_alloc(cfg->size_bytes);
        conn->in = plat_alloc(cfg->size_bytes);
        conn->rtt = plat_alloc(sizeof(*conn->rtt));
        if (conn->out == NULL || conn->in == NULL || conn->rtt == NULL)
            diag_fatal_call("allocate connection buffers", PLAT_ENOMEM);
        status = plat_thread_spawn(sender_conn_main, conn);
        if (status != PLAT_OK)
            diag_fatal_call("spawn connection thread", status);
    }
}

/* Appends " cpus=LIST", the allowed CPUs in Linux list form ("0-3,8"). */
static void sender_field_cpus(struct text_line *line)
{
    static uint8_t allowed[SENDER_MAX_CPUS];
    uint32_t i = 0;
    int first = 1;
    int status = plat_allowed_cpus(allowed, SENDER_MAX_CPUS);

    if (status != PLAT_OK) {
        diag_call("sched_getaffinity", status);
        return;
    }
    text_str(line, " cpus=");
    while (i < SENDER_MAX_CPUS) {
        uint32_t end = i;

        if (!allowed[i]) {
            i++;
            continue;
        }
        while (end + 1 < SENDER_MAX_CPUS && allowed[end + 1])
            end++;
        if (!first)
            text_char(line, ',');
        text_u64(line, i);
        if (end > i) {
            text_char(line, '-');
            text_u64(line, end);
        }
        first = 0;
        i = end + 1;
    }
}

/* Prints "connected" with the connection count and the allowed CPUs. */
static void sender_print_connected(uint64_t connections)
{
    char buf[SENDER_LINE_BYTES];
    struct text_line line;

    text_init(&line, buf, sizeof(buf));
    text_str(&line, "connected");
    text_field_u64(&line, "connections", connections);
    sender_field_cpus(&line);
    sender_print(&line);
}

/* Prints "conn" and "rtt" for one finished connection. */
static void sender_report_conn(const struct sender_conn *conn,
                               char *rtt_buf)
{
    char buf[SENDER_LINE_BYTES];
    struct text_line line;

    text_init(&line, buf, sizeof(buf));
    text_str(&line, "conn");
    text_field_u64(&line, "id", conn->id);
    text_field_u64(&line, "messages", conn->acked);
    text_field_u64(&line, "start-ns", conn->start_ns);
    text_field_u64(&line, "end-ns", conn->end_ns);
    sender_print(&line);

    text_init(&line, rtt_buf, SENDER_RTT_LINE_BYTES);
    text_str(&line, "rtt");
    text_field_u64(&line, "id", conn->id);
    text_field_str(&line, "unit", "ns");
    for (uint32_t b = 0; b < HIST_BUCKETS; b++) {
        if (conn->rtt->counts[b] == 0)
            continue;
        text_char(&line, ' ');
        text_u64(&line, hist_lower_bound(b));
        text_char(&line, ':');
        text_u64(&line, conn->rtt->counts[b]);
    }
    sender_print(&line);
}

/* Prints the records of finished connections and "sender-done". */
static void sender_report(struct sender *tx)
{
    char *rtt_buf = plat_alloc(SENDER_RTT_LINE_BYTES);
    char buf[SENDER_LINE_BYTES];
    struct text_line line;
    uint64_t finished = 0;
    uint64_t messages = 0;
    uint64_t user_us = 0;
    uint64_t system_us = 0;
    int status;

    if (rtt_buf == NULL)
        diag_fatal_call("allocate rtt line", PLAT_ENOMEM);
    for (uint32_t i = 0; i < tx->cfg.connections; i++) {
        const struct sender_conn *conn = &tx->conns[i];

        if (!conn->completed)
            continue;
        finished++;
        messages += conn->acked;
        sender_report_conn(conn, rtt_buf);
    }
    status = plat_cpu_usage_us(&user_us, &system_us);
    if (status != PLAT_OK) {
        diag_call("getrusage", status);
        __atomic_fetch_add(&tx->errors, 1, __ATOMIC_SEQ_CST);
    }
    text_init(&line, buf, sizeof(buf));
    text_str(&line, "sender-done");
    text_field_u64(&line, "connections", finished);
    text_field_u64(&line, "messages", messages);
    text_field_u64(&line, "cpu-user-us", user_us);
    text_field_u64(&line, "cpu-sys-us", system_us);
    sender_print(&line);
}

int netscale_main(int argc, char **argv)
{
    struct sender *tx = &sender_state;
    uint32_t n;

    diag_set_program("netscale-sender");
    sender_parse(&tx->cfg, argc, argv);
    n = (uint32_t)tx->cfg.connections;

    sender_start(tx);
    counter_await(&tx->attempted, n);
    sender_print_connected(__atomic_load_n(&tx->connected, __ATOMIC_SEQ_CST));
    counter_add(&tx->announced);

    counter_await(&tx->finished, n);
    sender_report(tx);
    return __atomic_load_n(&tx->errors, __ATOMIC_SEQ_CST) > 0 ? 1 : 0;
}

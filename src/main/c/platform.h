/*
 * platform.h: everything the receiver and the sender need from the system.
 *
 * The receiver (receiver.c, receiver_conn.c) and everything it uses
 * (protocol.c, options.c, counter.c, text.c, diag.c) call nothing but the
 * functions below, the C11 __atomic builtins and the freestanding headers
 * <stddef.h> and <stdint.h>.
 * One implementation of this header is linked into each program:
 *
 *   platform_posix.c   Linux, POSIX sockets and pthreads (native builds)
 *   platform_wasix.c   freestanding WASIX module on Wasmer, imports
 *                      declared by hand in wasix_abi.h
 *
 * Every #ifdef of the C sources belongs in this header; there are none yet.
 *
 * Status codes: functions that can fail return int, 0 on success, a
 * positive system error code (errno on POSIX, a WASI errno on WASIX) or one
 * of the negative PLAT_E* values below; diag.c turns any of them into
 * words. The platform owns main(): it calls netscale_main().
 */
#ifndef NETSCALE_PLATFORM_H
#define NETSCALE_PLATFORM_H

#include <stddef.h>
#include <stdint.h>

#define PLAT_NORETURN __attribute__((noreturn))

enum {
    PLAT_OK = 0,
    PLAT_EOF = -1,       /* the peer closed before the first byte */
    PLAT_ETRUNC = -2,    /* the peer closed after part of the buffer */
    PLAT_ETIMEDOUT = -3, /* a receive or send timeout expired */
    PLAT_ENOMEM = -4     /* an allocation failed */
};

enum { PLAT_STDOUT = 1, PLAT_STDERR = 2 };

typedef int32_t plat_sock;

/* The program's entry point, defined by receiver.c or sender.c. */
int netscale_main(int argc, char **argv);

/* Words for a positive system error code (errno, or a WASI errno). */
const char *plat_error_text(int code);

/* Runtime id printed in the ready line: "native", "wasmer". */
const char *plat_runtime_name(void);

/* Kind of thread a connection runs on, printed as thread-kind: "os". */
const char *plat_thread_kind(void);

/*
 * Sockets (IPv4, TCP). addr is an IPv4 address in network order.
 * Functions that make several system calls name the one that failed in
 * *call; the caller reports "call: reason".
 */
int plat_listen(const uint8_t addr[4], uint16_t port, uint32_t backlog,
                plat_sock *out, const char **call);
int plat_local_port(plat_sock sock, uint16_t *port);
int plat_accept(plat_sock listener, plat_sock *out);
int plat_connect(const uint8_t addr[4], uint16_t port, plat_sock *out,
                 const char **call);
int plat_set_nodelay(plat_sock sock, int on);

/*
 * Acknowledges received data now instead of after the delayed-ACK timer
 * (Linux TCP_QUICKACK). Used by the sender before it waits for a release
 * byte: see sender_await_release. Where the system has no such control,
 * it does nothing and returns PLAT_OK.
 */
int plat_ack_now(plat_sock sock);

/*
 * Receive and send timeout of a socket; 0 = wait forever. WASIX cannot
 * wait forever: there 0 means Wasmer's default of 30 seconds, and callers
 * that wait without a limit retry after PLAT_ETIMEDOUT.
 */
int plat_set_timeout_ms(plat_sock sock, uint32_t timeout_ms);

/*
 * One receive call, retried on interruption: stores up to len_bytes and
 * sets *got_bytes (0 when the peer closed). Returns PLAT_OK,
 * PLAT_ETIMEDOUT when the socket's timeout expired, or a system error code.
 */
int plat_recv_some(plat_sock sock, void *buf, size_t len_bytes,
                   size_t *got_bytes);

/*
 * One send call, retried on interruption, that never raises SIGPIPE: sets
 * *sent_bytes. Returns PLAT_OK, PLAT_ETIMEDOUT or a system error code.
 */
int plat_send_some(plat_sock sock, const void *buf, size_t len_bytes,
                   size_t *sent_bytes);

/*
 * The loops over the calls above, the same on every platform (sock.c).
 *
 * Receives exactly len_bytes, retrying short reads and interruptions.
 * *got_bytes is set to the number of bytes stored, also on failure, so
 * that a caller can resume after PLAT_ETIMEDOUT. Returns PLAT_EOF when the
 * peer closed before the first byte, PLAT_ETRUNC when it closed later.
 */
int plat_recv_exact(plat_sock sock, void *buf, size_t len_bytes,
                    size_t *got_bytes);

/*
 * Sends all len_bytes, in one send call when the system takes them at
 * once, retrying short writes and interruptions. Never raises SIGPIPE.
 */
int plat_send_all(plat_sock sock, const void *buf, size_t len_bytes);

/* Ends both directions; data already queued is still delivered. */
int plat_shutdown(plat_sock sock);
int plat_close(plat_sock sock);

/* Threads: detached, no return value. */
int plat_thread_spawn(void (*start)(void *), void *arg);
uint64_t plat_thread_id(void);
uint64_t plat_process_id(void);

/* Monotonic clock shared by every thread of the process, nanoseconds. */
uint64_t plat_clock_ns(void);

/*
 * Wait and wake on a 32-bit word (futex). plat_wait_u32 returns when the
 * word may no longer hold seen_value, possibly spuriously: callers loop.
 */
void plat_wait_u32(uint32_t *word, uint32_t seen_value);
void plat_wake_all_u32(uint32_t *word);

/* Writes the whole buffer to PLAT_STDOUT or PLAT_STDERR. */
int plat_write(int stream, const void *buf, size_t len_bytes);

/* Reads up to len_bytes of standard input; *got_bytes = 0 at end of file. */
int plat_read_stdin(void *buf, size_t len_bytes, size_t *got_bytes);

/* Zeroed memory for the life of the process; NULL when there is none. */
void *plat_alloc(size_t len_bytes);

/* CPU time used by the whole process so far, microseconds. */
int plat_cpu_usage_us(uint64_t *user_us, uint64_t *system_us);

/*
 * The CPUs this process may run on, as the kernel reports them: sets
 * allowed[i] to 1 or 0 for i < max_cpus. Returns a status.
 */
int plat_allowed_cpus(uint8_t *allowed, uint32_t max_cpus);

PLAT_NORETURN void plat_exit(int status);

#endif

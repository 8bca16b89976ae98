/*
 * wasix_abi.h: the WASI and WASIX system interface, declared by hand.
 *
 * Only platform_wasix.c includes this header. The receiver is built
 * freestanding, without wasix-libc, so every import, constant and record
 * layout it relies on is written out here, each with the file it was
 * taken from. "wasmer:" names a file of github.com/wasmerio/wasmer as of
 * Wasmer 7.4.2 (the crates wasmer-wasix and wasmer-wasix-types 0.704.2,
 * which live in lib/wasix and lib/wasi-types); "wasix-libc:" names a file
 * of github.com/wasix-org/wasix-libc. Wasmer is the ABI that matters:
 * where the two differ, this header follows Wasmer.
 *
 * Every import returns a WASI errno (a u16 widened to i32), 0 on success.
 * Enum and flag arguments (address family, socket option, Bool, ...) are
 * passed as i32, pointers as 32-bit offsets into the shared memory.
 */
#ifndef NETSCALE_WASIX_ABI_H
#define NETSCALE_WASIX_ABI_H

#include <stddef.h>
#include <stdint.h>

#define WASIX_IMPORT(module, name)                                         \
    __attribute__((import_module(module), import_name(name)))

/* Standard WASI functions; wasmer: lib/wasix/src/lib.rs,
 * wasi_snapshot_preview1_exports(). */
#define WASI_P1 "wasi_snapshot_preview1"
/* WASIX extensions; wasmer: lib/wasix/src/lib.rs, wasix_exports_32(). */
#define WASIX_32 "wasix_32v1"

/* WASI errno values; wasix-libc: libc-bottom-half/headers/public/wasi/
 * api_wasix.h (__WASI_ERRNO_*), the same as wasmer:
 * lib/wasi-types/src/wasi/bindings.rs, enum Errno. */
enum {
    WASI_ESUCCESS = 0,
    WASI_EAGAIN = 6,
    WASI_ECONNABORTED = 13,
    WASI_EINTR = 27,
    WASI_EINVAL = 28,
    WASI_ENOTSUP = 58,
    WASI_ETIMEDOUT = 73,
    WASI_ERRNO_COUNT = 81 /* SUCCESS .. PENDING */
};

/* Words for a WASI errno (wasix_errno.c). */
const char *wasix_errno_text(int err);

/* wasmer: lib/wasi-types/src/wasi/bindings.rs, enums Addressfamily,
 * Socktype, SockProto and Sockoption. Socktype STREAM is 1, not the
 * POSIX SOCK_STREAM; SockProto TCP is 6 (Ip, Icmp, Igmp, 3, Ipip, 5). */
enum {
    WASIX_AF_INET4 = 1,
    WASIX_SOCK_STREAM = 1,
    WASIX_PROTO_TCP = 6,
    WASIX_OPT_REUSE_ADDR = 2,
    WASIX_OPT_NO_DELAY = 3,
    WASIX_OPT_RECV_TIMEOUT = 19,
    WASIX_OPT_SEND_TIMEOUT = 20
};

/* wasmer: lib/wasi-types/src/types.rs, __WASI_SHUT_RD | __WASI_SHUT_WR. */
enum { WASIX_SHUT_RDWR = 3 };

/* wasmer: lib/wasi-types/src/wasi/bindings.rs, enum Snapshot0Clockid. */
enum { WASI_CLOCK_MONOTONIC = 1 };

/* wasmer: lib/wasi-types/src/wasi/bindings.rs, enums OptionTag and Bool
 * (both one byte in memory). */
enum { WASI_OPTION_NONE = 0, WASI_OPTION_SOME = 1 };
enum { WASI_FALSE = 0, WASI_TRUE = 1 };

/* wasmer: lib/wasi-types/src/types.rs, __wasi_iovec_t (32-bit memory). */
struct wasi_iovec {
    void *buf;
    uint32_t buf_len;
};

/* wasmer: lib/wasi-types/src/wasi/bindings.rs, struct OptionTimestamp. */
struct wasi_option_timestamp {
    uint8_t tag;
    uint64_t ns;
};

_Static_assert(sizeof(struct wasi_option_timestamp) == 16, "OptionTimestamp");

/*
 * An address and port; wasmer: lib/wasi-types/src/types.rs,
 * __wasi_addr_port_t: a tag (WASIX_AF_INET4), a zero padding byte, then
 * 18 bytes. For IPv4, bytes 0-1 are the port, 2-5 the address in network
 * order. Wasmer 7.4.2 reads the port in host byte order (little-endian)
 * and writes it big-endian: lib/wasix/src/net/mod.rs, read_ip_port() and
 * write_ip_port(). wasix-libc works around the same asymmetry
 * (libc-bottom-half/sources/common/net.h, is_wasi_port_ok()).
 */
struct wasix_addr_port {
    uint8_t tag;
    uint8_t padding;
    uint8_t octs[18];
};

_Static_assert(sizeof(struct wasix_addr_port) == 20, "__wasi_addr_port_t");

/*
 * The record that thread_spawn_v2 reads; wasmer:
 * lib/wasi-types/src/wasi/wasix_manual.rs, struct ThreadStart (32-bit).
 * Wasmer takes the new thread's stack from stack_upper and stack_size
 * (lib/wasix/src/syscalls/wasix/thread_spawn.rs) and then calls the
 * export wasi_thread_start(tid, record) on the new thread; it does not
 * set __stack_pointer itself: wasix_start.s does.
 */
struct wasix_thread_start {
    uint32_t stack_upper;
    uint32_t tls_base;
    uint32_t start_funct;
    uint32_t start_args;
    uint32_t reserved[10];
    uint32_t stack_size;
    uint32_t guard_size;
};

_Static_assert(sizeof(struct wasix_thread_start) == 64, "ThreadStart");
_Static_assert(offsetof(struct wasix_thread_start, stack_size) == 56,
               "ThreadStart.stack_size");

/* Program arguments and exit. */
int32_t wasi_args_sizes_get(uint32_t *argc, uint32_t *argv_buf_bytes)
    WASIX_IMPORT(WASI_P1, "args_sizes_get");
int32_t wasi_args_get(char **argv, char *argv_buf)
    WASIX_IMPORT(WASI_P1, "args_get");
_Noreturn void wasi_proc_exit(uint32_t code)
    WASIX_IMPORT(WASI_P1, "proc_exit");

/* Descriptors: standard streams and sockets alike. */
int32_t wasi_fd_read(int32_t fd, const struct wasi_iovec *iovs,
                     uint32_t iovs_len, uint32_t *nread)
    WASIX_IMPORT(WASI_P1, "fd_read");
int32_t wasi_fd_write(int32_t fd, const struct wasi_iovec *iovs,
                      uint32_t iovs_len, uint32_t *nwritten)
    WASIX_IMPORT(WASI_P1, "fd_write");
int32_t wasi_fd_close(int32_t fd) WASIX_IMPORT(WASI_P1, "fd_close");

/* wasmer: lib/wasix/src/syscalls/wasi/clock_time_get.rs. */
int32_t wasi_clock_time_get(uint32_t clock, uint64_t precision_ns,
                            uint64_t *time_ns)
    WASIX_IMPORT(WASI_P1, "clock_time_get");

/* wasmer: lib/wasix/src/syscalls/wasix/sock_recv.rs, sock_send.rs and
 * sock_shutdown.rs (also offered under wasi_snapshot_preview1). */
int32_t wasi_sock_recv(int32_t fd, const struct wasi_iovec *iovs,
                       uint32_t iovs_len, uint32_t riflags, uint32_t *nread,
                       uint16_t *roflags)
    WASIX_IMPORT(WASI_P1, "sock_recv");
int32_t wasi_sock_send(int32_t fd, const struct wasi_iovec *iovs,
                       uint32_t iovs_len, uint32_t siflags, uint32_t *nsent)
    WASIX_IMPORT(WASI_P1, "sock_send");
int32_t wasi_sock_shutdown(int32_t fd, uint32_t how)
    WASIX_IMPORT(WASI_P1, "sock_shutdown");

/* wasmer: lib/wasix/src/syscalls/wasix/sock_open.rs, sock_bind.rs,
 * sock_listen.rs, sock_accept.rs (sock_accept_v2), sock_connect.rs,
 * sock_addr_local.rs, sock_set_opt_flag.rs, sock_set_opt_time.rs. */
int32_t wasix_sock_open(uint32_t af, uint32_t type, uint32_t proto,
                        int32_t *fd) WASIX_IMPORT(WASIX_32, "sock_open");
int32_t wasix_sock_bind(int32_t fd, const struct wasix_addr_port *addr)
    WASIX_IMPORT(WASIX_32, "sock_bind");
int32_t wasix_sock_listen(int32_t fd, uint32_t backlog)
    WASIX_IMPORT(WASIX_32, "sock_listen");
int32_t wasix_sock_accept_v2(int32_t fd, uint32_t fdflags, int32_t *child,
                             struct wasix_addr_port *peer)
    WASIX_IMPORT(WASIX_32, "sock_accept_v2");
int32_t wasix_sock_connect(int32_t fd, const struct wasix_addr_port *addr)
    WASIX_IMPORT(WASIX_32, "sock_connect");
int32_t wasix_sock_addr_local(int32_t fd, struct wasix_addr_port *addr)
    WASIX_IMPORT(WASIX_32, "sock_addr_local");
int32_t wasix_sock_set_opt_flag(int32_t fd, uint32_t opt, uint32_t flag)
    WASIX_IMPORT(WASIX_32, "sock_set_opt_flag");
int32_t wasix_sock_set_opt_time(int32_t fd, uint32_t opt,
                                const struct wasi_option_timestamp *time)
    WASIX_IMPORT(WASIX_32, "sock_set_opt_time");

/* wasmer: lib/wasix/src/syscalls/wasix/thread_spawn.rs, thread_id.rs,
 * proc_id.rs, futex_wait.rs, futex_wake_all.rs. */
int32_t wasix_thread_spawn_v2(struct wasix_thread_start *start,
                              uint32_t *tid)
    WASIX_IMPORT(WASIX_32, "thread_spawn_v2");
int32_t wasix_thread_id(uint32_t *tid) WASIX_IMPORT(WASIX_32, "thread_id");
int32_t wasix_proc_id(uint32_t *pid) WASIX_IMPORT(WASIX_32, "proc_id");
int32_t wasix_futex_wait(uint32_t *futex, uint32_t expected,
                         const struct wasi_option_timestamp *timeout,
                         uint8_t *woken)
    WASIX_IMPORT(WASIX_32, "futex_wait");
int32_t wasix_futex_wake_all(uint32_t *futex, uint8_t *woken)
    WASIX_IMPORT(WASIX_32, "futex_wake_all");

#endif

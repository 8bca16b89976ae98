/*
 * platform_wasix.c: platform.h for a freestanding WASIX module on Wasmer.
 *
 * No libc: the imports are declared by hand in wasix_abi.h, memory comes
 * from a bump allocator, and wasix_start.s is the entry of every thread
 * but the main one. What Wasmer 7.4.2 does behind each import, and so
 * what this file may assume, is cited next to the code that relies on it.
 *
 * Sockets are blocking, but Wasmer bounds every blocking accept, receive
 * and send by a timeout that defaults to 30 seconds and cannot be lifted
 * (lib/wasix/src/syscalls/wasix/sock_recv.rs, sock_send.rs and
 * lib/wasix/src/net/socket.rs, listen()). An expired one is reported as
 * PLAT_ETIMEDOUT, as on POSIX, and callers that wait without a limit
 * retry: the receiver does, for idle connections.
 *
 * Threads: Wasmer runs each WASIX thread in its own instance of the
 * module, on a host thread of its own that blocks in system calls
 * (lib/wasix/src/runtime/task_manager/tokio.rs, task_wasm()), so that
 * the thread kind is "os" as for the native receiver. That pool has
 * max(200, 100 x the CPUs wasmer may run on) host threads (same file,
 * TokioTaskManager::new()); a thread spawned past that succeeds but only
 * starts once another ends, so the receiver then waits for ever. On 2
 * CPUs, 199 connections ran and 200 did not: the main thread counts too.
 * The instances share the imported memory; wasm-ld's __wasm_init_memory,
 * the module's start function, initialises the data segments once under
 * an atomic flag, and nothing here uses thread-local storage.
 */
#include "platform.h"

#include "diag.h"
#include "wasix_abi.h"

enum {
    /*
     * Connection threads need little stack: messages live on the heap,
     * and only arrays, structures and locals whose address is taken live
     * on this stack at all (other locals are WebAssembly locals).
     */
    WASIX_THREAD_STACK_BYTES = 128 * 1024,
    /* Also the alignment the C ABI wants for the stack pointer. */
    WASIX_ALLOC_ALIGN_BYTES = 16,
    WASIX_PAGE_BYTES = 65536
};

_Static_assert(WASIX_THREAD_STACK_BYTES % WASIX_ALLOC_ALIGN_BYTES == 0,
               "a thread's stack pointer starts aligned");

/* What a spawned thread needs: the record Wasmer reads comes first. */
struct wasix_thread {
    struct wasix_thread_start record;
    void (*start)(void *);
    void *arg;
};

/* The end of the linker's data and main stack; the heap starts there. */
extern uint8_t __heap_base;

/* Called by wasi_thread_start (wasix_start.s) on its new stack. */
void wasix_thread_main(uint32_t tid, struct wasix_thread *thread);

/* Next free heap address; 0 until the first allocation. Atomic. */
static uintptr_t wasix_heap_top;

const char *plat_error_text(int code)
{
    return wasix_errno_text(code);
}

const char *plat_runtime_name(void)
{
    return "wasmer";
}

/* Each WASIX thread is a host thread of its own: see the top of file. */
const char *plat_thread_kind(void)
{
    return "os";
}

/* Little-endian port, as Wasmer 7.4.2 reads it: see wasix_abi.h. */
static void wasix_address(struct wasix_addr_port *sa, const uint8_t addr[4],
                          uint16_t port)
{
    *sa = (struct wasix_addr_port){0};
    sa->tag = WASIX_AF_INET4;
    sa->octs[0] = (uint8_t)(port & 0xff);
    sa->octs[1] = (uint8_t)(port >> 8);
    for (int i = 0; i < 4; i++)
        sa->octs[2 + i] = addr[i];
}

/* Closes fd after a failed setup step and returns that step's error. */
static int wasix_abandon(int32_t fd, int err)
{
    (void)wasi_fd_close(fd);
    return err;
}

int plat_listen(const uint8_t addr[4], uint16_t port, uint32_t backlog,
                plat_sock *out, const char **call)
{
    struct wasix_addr_port sa;
    int32_t fd;
    int err;

    *call = "sock_open";
    err = wasix_sock_open(WASIX_AF_INET4, WASIX_SOCK_STREAM, WASIX_PROTO_TCP,
                          &fd);
    if (err != WASI_ESUCCESS)
        return err;
    *call = "sock_set_opt_flag REUSE_ADDR";
    err = wasix_sock_set_opt_flag(fd, WASIX_OPT_REUSE_ADDR, WASI_TRUE);
    if (err != WASI_ESUCCESS)
        return wasix_abandon(fd, err);
    wasix_address(&sa, addr, port);
    *call = "sock_bind";
    err = wasix_sock_bind(fd, &sa);
    if (err != WASI_ESUCCESS)
        return wasix_abandon(fd, err);
    *call = "sock_listen";
    err = wasix_sock_listen(fd, backlog);
    if (err != WASI_ESUCCESS)
        return wasix_abandon(fd, err);
    *out = fd;
    return PLAT_OK;
}

/* Big-endian port, as Wasmer 7.4.2 writes it: see wasix_abi.h. */
int plat_local_port(plat_sock sock, uint16_t *port)
{
    struct wasix_addr_port sa = {0};
    int err = wasix_sock_addr_local(sock, &sa);

    if (err != WASI_ESUCCESS)
        return err;
    if (sa.tag != WASIX_AF_INET4)
        return WASI_EINVAL;
    *port = (uint16_t)(sa.octs[0] << 8 | sa.octs[1]);
    return PLAT_OK;
}

/*
 * Waits for a connection as long as it takes: the 30-second accept
 * timeout of Wasmer's listeners only starts another wait. A connection
 * that was reset while it waited in the queue is skipped.
 */
int plat_accept(plat_sock listener, plat_sock *out)
{
    for (;;) {
        struct wasix_addr_port peer;
        int32_t fd;
        int err = wasix_sock_accept_v2(listener, 0, &fd, &peer);

        if (err == WASI_ESUCCESS) {
            *out = fd;
            return PLAT_OK;
        }
        if (err != WASI_ETIMEDOUT && err != WASI_EAGAIN &&
            err != WASI_EINTR && err != WASI_ECONNABORTED)
            return err;
    }
}

int plat_connect(const uint8_t addr[4], uint16_t port, plat_sock *out,
                 const char **call)
{
    struct wasix_addr_port sa;
    int32_t fd;
    int err;

    *call = "sock_open";
    err = wasix_sock_open(WASIX_AF_INET4, WASIX_SOCK_STREAM, WASIX_PROTO_TCP,
                          &fd);
    if (err != WASI_ESUCCESS)
        return err;
    wasix_address(&sa, addr, port);
    *call = "sock_connect";
    err = wasix_sock_connect(fd, &sa);
    if (err != WASI_ESUCCESS)
        return wasix_abandon(fd, err);
    *out = fd;
    return PLAT_OK;
}

int plat_set_nodelay(plat_sock sock, int on)
{
    return wasix_sock_set_opt_flag(sock, WASIX_OPT_NO_DELAY,
                                   on ? WASI_TRUE : WASI_FALSE);
}

/* WASIX has no TCP_QUICKACK. */
int plat_ack_now(plat_sock sock)
{
    (void)sock;
    return PLAT_OK;
}

/*
 * 0 restores Wasmer's default, 30 seconds, since WASIX cannot wait
 * forever: callers that mean "forever" retry after PLAT_ETIMEDOUT.
 */
int plat_set_timeout_ms(plat_sock sock, uint32_t timeout_ms)
{
    struct wasi_option_timestamp time = {WASI_OPTION_NONE, 0};
    int err;

    if (timeout_ms > 0) {
        time.tag = WASI_OPTION_SOME;
        time.ns = (uint64_t)timeout_ms * 1000000u;
    }
    err = wasix_sock_set_opt_time(sock, WASIX_OPT_RECV_TIMEOUT, &time);
    if (err == WASI_ESUCCESS)
        err = wasix_sock_set_opt_time(sock, WASIX_OPT_SEND_TIMEOUT, &time);
    return err;
}

int plat_recv_some(plat_sock sock, void *buf, size_t len_bytes,
                   size_t *got_bytes)
{
    for (;;) {
        struct wasi_iovec iov = {buf, (uint32_t)len_bytes};
        uint32_t n = 0;
        uint16_t roflags;
        int err = wasi_sock_recv(sock, &iov, 1, 0, &n, &roflags);

        *got_bytes = n;
        if (err == WASI_ESUCCESS)
            return PLAT_OK;
        if (err == WASI_ETIMEDOUT || err == WASI_EAGAIN)
            return PLAT_ETIMEDOUT;
        if (err != WASI_EINTR)
            return err;
    }
}

/* WASIX has no signals: a peer that went away is an error code. */
int plat_send_some(plat_sock sock, const void *buf, size_t len_bytes,
                   size_t *sent_bytes)
{
    for (;;) {
        struct wasi_iovec iov = {(void *)buf, (uint32_t)len_bytes};
        uint32_t n = 0;
        int err = wasi_sock_send(sock, &iov, 1, 0, &n);

        *sent_bytes = n;
        if (err == WASI_ESUCCESS)
            return PLAT_OK;
        if (err == WASI_ETIMEDOUT || err == WASI_EAGAIN)
            return PLAT_ETIMEDOUT;
        if (err != WASI_EINTR)
            return err;
    }
}

int plat_shutdown(plat_sock sock)
{
    return wasi_sock_shutdown(sock, WASIX_SHUT_RDWR);
}

int plat_close(plat_sock sock)
{
    return wasi_fd_close(sock);
}

void wasix_thread_main(uint32_t tid, struct wasix_thread *thread)
{
    (void)tid;
    thread->start(thread->arg);
    /* Returning ends this thread only (thread_spawn.rs). */
}

/*
 * The record, the closure and the stack come from plat_alloc and are
 * never freed: connection threads live as long as the receiver.
 */
int plat_thread_spawn(void (*start)(void *), void *arg)
{
    struct wasix_thread *thread = plat_alloc(sizeof(*thread));
    uint8_t *stack = plat_alloc(WASIX_THREAD_STACK_BYTES);
    uint32_t tid;

    if (thread == NULL || stack == NULL)
        return PLAT_ENOMEM;
    thread->start = start;
    thread->arg = arg;
    thread->record.stack_upper =
        (uint32_t)(uintptr_t)(stack + WASIX_THREAD_STACK_BYTES);
    thread->record.stack_size = WASIX_THREAD_STACK_BYTES;
    /* No thread-local storage, no guard: tls_base and guard_size stay 0;
     * start_funct and start_args are libc's, Wasmer ignores them. */
    return wasix_thread_spawn_v2(&thread->record, &tid);
}

/* The WASIX thread id; the main thread's equals the WASIX process id. */
uint64_t plat_thread_id(void)
{
    uint32_t tid;
    int err = wasix_thread_id(&tid);

    if (err != WASI_ESUCCESS)
        diag_fatal_call("thread_id", err);
    return tid;
}

/* Wasmer's own process id, not the host pid of the wasmer process. */
uint64_t plat_process_id(void)
{
    uint32_t pid;
    int err = wasix_proc_id(&pid);

    if (err != WASI_ESUCCESS)
        diag_fatal_call("proc_id", err);
    return pid;
}

/*
 * Wasmer answers MONOTONIC with the host's clock_gettime(CLOCK_MONOTONIC)
 * plus an offset that only clock_time_set changes, kept in the state that
 * every thread of the process shares (lib/wasix/src/syscalls/wasi/
 * clock_time_get.rs, lib/wasix/src/syscalls/unix/mod.rs,
 * platform_clock_time_get()). So all threads read one clock, and times of
 * different connections compare; it is even the native sender's clock.
 */
uint64_t plat_clock_ns(void)
{
    uint64_t ns;
    int err = wasi_clock_time_get(WASI_CLOCK_MONOTONIC, 1, &ns);

    if (err != WASI_ESUCCESS)
        diag_fatal_call("clock_time_get", err);
    return ns;
}

/*
 * WASIX futexes, as wasix-libc uses them. Wasmer 7.4.2 returns success
 * with woken = true when the word no longer holds seen_value
 * (futex_wait.rs); EINVAL, as wasix-libc's api_wasix.h documents for that
 * case, and EINTR are taken as spurious wake-ups too.
 */
void plat_wait_u32(uint32_t *word, uint32_t seen_value)
{
    const struct wasi_option_timestamp forever = {WASI_OPTION_NONE, 0};
    uint8_t woken;
    int err = wasix_futex_wait(word, seen_value, &forever, &woken);

    if (err != WASI_ESUCCESS && err != WASI_EINVAL && err != WASI_EINTR)
        diag_fatal_call("futex_wait", err);
}

void plat_wake_all_u32(uint32_t *word)
{
    uint8_t woken;
    int err = wasix_futex_wake_all(word, &woken);

    if (err != WASI_ESUCCESS)
        diag_fatal_call("futex_wake_all", err);
}

int plat_write(int stream, const void *buf, size_t len_bytes)
{
    const uint8_t *p = buf;
    size_t done = 0;

    while (done < len_bytes) {
        struct wasi_iovec iov = {(void *)(p + done),
                                 (uint32_t)(len_bytes - done)};
        uint32_t n = 0;
        int err = wasi_fd_write(stream, &iov, 1, &n);

        if (err == WASI_ESUCCESS)
            done += n;
        else if (err != WASI_EINTR)
            return err;
    }
    return PLAT_OK;
}

int plat_read_stdin(void *buf, size_t len_bytes, size_t *got_bytes)
{
    for (;;) {
        struct wasi_iovec iov = {buf, (uint32_t)len_bytes};
        uint32_t n = 0;
        int err = wasi_fd_read(0, &iov, 1, &n);

        if (err == WASI_ESUCCESS) {
            *got_bytes = n;
            return PLAT_OK;
        }
        if (err != WASI_EINTR)
            return err;
    }
}

/*
 * Makes the memory at least end_addr bytes long. Another thread may grow
 * it at the same time; growing then only happens twice, which is harmless.
 * Returns 0, or -1 when the memory cannot grow that far.
 */
static int wasix_reserve(uint64_t end_addr)
{
    for (;;) {
        size_t pages = __builtin_wasm_memory_size(0);
        uint64_t have = (uint64_t)pages * WASIX_PAGE_BYTES;

        if (end_addr <= have)
            return 0;
        if (__builtin_wasm_memory_grow(
                0, (size_t)((end_addr - have + WASIX_PAGE_BYTES - 1) /
                            WASIX_PAGE_BYTES)) == (size_t)-1 &&
            __builtin_wasm_memory_size(0) == pages)
            return -1;
    }
}

/*
 * A bump allocator, lock-free: memory past __heap_base is zero when the
 * module starts and is never handed out twice, so it comes zeroed.
 */
void *plat_alloc(size_t len_bytes)
{
    uintptr_t top = __atomic_load_n(&wasix_heap_top, __ATOMIC_ACQUIRE);

    if (len_bytes == 0)
        len_bytes = 1;
    for (;;) {
        uint64_t start = top != 0 ? top : (uintptr_t)&__heap_base;
        uint64_t end;

        start = (start + WASIX_ALLOC_ALIGN_BYTES - 1) &
                ~(uint64_t)(WASIX_ALLOC_ALIGN_BYTES - 1);
        end = start + len_bytes;
        if (end > UINTPTR_MAX || wasix_reserve(end) != 0)
            return NULL;
        if (__atomic_compare_exchange_n(&wasix_heap_top, &top,
                                        (uintptr_t)end, 0, __ATOMIC_ACQ_REL,
                                        __ATOMIC_ACQUIRE))
            return (void *)(uintptr_t)start;
    }
}

/*
 * WASIX offers only the process's total CPU time (PROCESS_CPUTIME_ID),
 * not its user and system parts. Only the sender asks, and the sender is
 * always native.
 */
int plat_cpu_usage_us(uint64_t *user_us, uint64_t *system_us)
{
    *user_us = 0;
    *system_us = 0;
    return WASI_ENOTSUP;
}

/* WASIX cannot tell a module which host CPUs it may run on. */
int plat_allowed_cpus(uint8_t *allowed, uint32_t max_cpus)
{
    for (uint32_t i = 0; i < max_cpus; i++)
        allowed[i] = 0;
    return WASI_ENOTSUP;
}

void plat_exit(int status)
{
    wasi_proc_exit((uint32_t)status);
}

/*
 * The entry point, exported by wasm-ld: reads the arguments into the heap
 * (argv[0] is the module's name), runs the program, exits with its status.
 */
void _start(void)
{
    uint32_t argc;
    uint32_t buf_bytes;
    char **argv;
    char *buf;
    int err = wasi_args_sizes_get(&argc, &buf_bytes);

    if (err != WASI_ESUCCESS)
        diag_fatal_call("args_sizes_get", err);
    argv = plat_alloc(((size_t)argc + 1) * sizeof(*argv));
    buf = plat_alloc(buf_bytes);
    if (argv == NULL || buf == NULL)
        diag_fatal_call("allocate arguments", PLAT_ENOMEM);
    err = wasi_args_get(argv, buf);
    if (err != WASI_ESUCCESS)
        diag_fatal_call("args_get", err);
    plat_exit(netscale_main((int)argc, argv));
}

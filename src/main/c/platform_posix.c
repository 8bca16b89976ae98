/*
 * platform_posix.c: platform.h on Linux with POSIX sockets and pthreads.
 *
 * Sockets are blocking. A receive or send that fails with EAGAIN can only
 * come from a timeout set with plat_set_timeout_ms, so it is reported as
 * PLAT_ETIMEDOUT and the caller decides whether to try again.
 */
#define _GNU_SOURCE

#include "platform.h"

#include <arpa/inet.h>
#include <errno.h>
#include <limits.h>
#include <linux/futex.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "diag.h"

/* Connection threads need little stack: messages live on the heap. */
enum { POSIX_THREAD_STACK_BYTES = 256 * 1024 };

struct posix_start {
    void (*start)(void *);
    void *arg;
};

const char *plat_error_text(int code)
{
    return strerror(code);
}

const char *plat_runtime_name(void)
{
    return "native";
}

const char *plat_thread_kind(void)
{
    return "os";
}

static void posix_address(struct sockaddr_in *sa, const uint8_t addr[4],
                          uint16_t port)
{
    memset(sa, 0, sizeof(*sa));
    sa->sin_family = AF_INET;
    sa->sin_port = htons(port);
    memcpy(&sa->sin_addr.s_addr, addr, 4);
}

/* Closes fd after a failed setup step and returns that step's error. */
static int posix_abandon(int fd, int err)
{
    (void)close(fd);
    return err;
}

int plat_listen(const uint8_t addr[4], uint16_t port, uint32_t backlog,
                plat_sock *out, const char **call)
{
    struct sockaddr_in sa;
    int one = 1;
    int fd;

    *call = "socket";
    fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return errno;
    *call = "setsockopt SO_REUSEADDR";
    if (setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)) != 0)
        return posix_abandon(fd, errno);
    posix_address(&sa, addr, port);
    *call = "bind";
    if (bind(fd, (struct sockaddr *)&sa, sizeof(sa)) != 0)
        return posix_abandon(fd, errno);
    *call = "listen";
    if (listen(fd, backlog > INT_MAX ? INT_MAX : (int)backlog) != 0)
        return posix_abandon(fd, errno);
    *out = fd;
    return PLAT_OK;
}

int plat_local_port(plat_sock sock, uint16_t *port)
{
    struct sockaddr_in sa;
    socklen_t len = sizeof(sa);

    if (getsockname(sock, (struct sockaddr *)&sa, &len) != 0)
        return errno;
    *port = ntohs(sa.sin_port);
    return PLAT_OK;
}

/* A connection that was reset while it waited in the queue is skipped. */
int plat_accept(plat_sock listener, plat_sock *out)
{
    for (;;) {
        int fd = accept4(listener, NULL, NULL, SOCK_CLOEXEC);

        if (fd >= 0) {
            *out = fd;
            return PLAT_OK;
        }
        if (errno != EINTR && errno != ECONNABORTED)
            return errno;
    }
}

int plat_connect(const uint8_t addr[4], uint16_t port, plat_sock *out,
                 const char **call)
{
    struct sockaddr_in sa;
    int fd;

    *call = "socket";
    fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return errno;
    posix_address(&sa, addr, port);
    *call = "connect";
    /* An interrupted connect goes on in the background: not retried. */
    if (connect(fd, (struct sockaddr *)&sa, sizeof(sa)) != 0)
        return posix_abandon(fd, errno);
    *out = fd;
    return PLAT_OK;
}

int plat_set_nodelay(plat_sock sock, int on)
{
    int flag = on ? 1 : 0;

    if (setsockopt(sock, IPPROTO_TCP, TCP_NODELAY, &flag, sizeof(flag)) != 0)
        return errno;
    return PLAT_OK;
}

int plat_ack_now(plat_sock sock)
{
    int one = 1;

    if (setsockopt(sock, IPPROTO_TCP, TCP_QUICKACK, &one, sizeof(one)) != 0)
        return errno;
    return PLAT_OK;
}

int plat_set_timeout_ms(plat_sock sock, uint32_t timeout_ms)
{
    struct timeval tv;

    tv.tv_sec = timeout_ms / 1000;
    tv.tv_usec = (suseconds_t)(timeout_ms % 1000) * 1000;
    if (setsockopt(sock, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv)) != 0)
        return errno;
    if (setsockopt(sock, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv)) != 0)
        return errno;
    return PLAT_OK;
}

int plat_recv_some(plat_sock sock, void *buf, size_t len_bytes,
                   size_t *got_bytes)
{
    for (;;) {
        ssize_t n = recv(sock, buf, len_bytes, 0);

        if (n >= 0) {
            *got_bytes = (size_t)n;
            return PLAT_OK;
        }
        *got_bytes = 0;
        if (errno == EAGAIN || errno == EWOULDBLOCK)
            return PLAT_ETIMEDOUT;
        if (errno != EINTR)
            return errno;
    }
}

int plat_send_some(plat_sock sock, const void *buf, size_t len_bytes,
                   size_t *sent_bytes)
{
    for (;;) {
        ssize_t n = send(sock, buf, len_bytes, MSG_NOSIGNAL);

        if (n >= 0) {
            *sent_bytes = (size_t)n;
            return PLAT_OK;
        }
        *sent_bytes = 0;
        if (errno == EAGAIN || errno == EWOULDBLOCK)
            return PLAT_ETIMEDOUT;
        if (errno != EINTR)
            return errno;
    }
}

int plat_shutdown(plat_sock sock)
{
    if (shutdown(sock, SHUT_RDWR) != 0)
        return errno;
    return PLAT_OK;
}

/* Linux releases the descriptor even when close reports EINTR. */
int plat_close(plat_sock sock)
{
    if (close(sock) != 0 && errno != EINTR)
        return errno;
    return PLAT_OK;
}

static void *posix_thread_main(void *arg)
{
    struct posix_start start = *(struct posix_start *)arg;

    free(arg);
    start.start(start.arg);
    return NULL;
}

int plat_thread_spawn(void (*start)(void *), void *arg)
{
    struct posix_start *record = malloc(sizeof(*record));
    pthread_attr_t attr;
    pthread_t thread;
    int err;

    if (record == NULL)
        return PLAT_ENOMEM;
    record->start = start;
    record->arg = arg;
    err = pthread_attr_init(&attr);
    if (err == 0)
        err = pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    if (err == 0)
        err = pthread_attr_setstacksize(&attr, POSIX_THREAD_STACK_BYTES);
    if (err == 0)
        err = pthread_create(&thread, &attr, posix_thread_main, record);
    (void)pthread_attr_destroy(&attr);
    if (err != 0)
        free(record);
    return err;
}

uint64_t plat_thread_id(void)
{
    return (uint64_t)syscall(SYS_gettid);
}

uint64_t plat_process_id(void)
{
    return (uint64_t)getpid();
}

/* CLOCK_MONOTONIC cannot fail on Linux; if it ever does, nothing is timed. */
uint64_t plat_clock_ns(void)
{
    struct timespec ts;

    if (clock_gettime(CLOCK_MONOTONIC, &ts) != 0)
        diag_fatal_call("clock_gettime", errno);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

void plat_wait_u32(uint32_t *word, uint32_t seen_value)
{
    if (syscall(SYS_futex, word, FUTEX_WAIT_PRIVATE, seen_value, NULL, NULL,
                0) != 0 &&
        errno != EAGAIN && errno != EINTR)
        diag_fatal_call("futex wait", errno);
}

void plat_wake_all_u32(uint32_t *word)
{
    if (syscall(SYS_futex, word, FUTEX_WAKE_PRIVATE, INT_MAX, NULL, NULL,
                0) < 0)
        diag_fatal_call("futex wake", errno);
}

int plat_write(int stream, const void *buf, size_t len_bytes)
{
    const uint8_t *p = buf;
    size_t done = 0;

    while (done < len_bytes) {
        ssize_t n = write(stream, p + done, len_bytes - done);

        if (n >= 0)
            done += (size_t)n;
        else if (errno != EINTR)
            return errno;
    }
    return PLAT_OK;
}

int plat_read_stdin(void *buf, size_t len_bytes, size_t *got_bytes)
{
    for (;;) {
        ssize_t n = read(STDIN_FILENO, buf, len_bytes);

        if (n >= 0) {
            *got_bytes = (size_t)n;
            return PLAT_OK;
        }
        if (errno != EINTR)
            return errno;
    }
}

void *plat_alloc(size_t len_bytes)
{
    return calloc(1, len_bytes == 0 ? 1 : len_bytes);
}

int plat_cpu_usage_us(uint64_t *user_us, uint64_t *system_us)
{
    struct rusage usage;

    if (getrusage(RUSAGE_SELF, &usage) != 0)
        return errno;
    *user_us = (uint64_t)usage.ru_utime.tv_sec * 1000000u +
               (uint64_t)usage.ru_utime.tv_usec;
    *system_us = (uint64_t)usage.ru_stime.tv_sec * 1000000u +
                 (uint64_t)usage.ru_stime.tv_usec;
    return PLAT_OK;
}

int plat_allowed_cpus(uint8_t *allowed, uint32_t max_cpus)
{
    cpu_set_t set;

    CPU_ZERO(&set);
    if (sched_getaffinity(0, sizeof(set), &set) != 0)
        return errno;
    for (uint32_t i = 0; i < max_cpus; i++)
        allowed[i] = i < CPU_SETSIZE && CPU_ISSET(i, &set) ? 1 : 0;
    return PLAT_OK;
}

void plat_exit(int status)
{
    exit(status);
}

/*
 * A peer that goes away must surface as EPIPE from send or write, not as
 * a signal that ends the whole trial.
 */
int main(int argc, char **argv)
{
    if (signal(SIGPIPE, SIG_IGN) == SIG_ERR)
        diag_fatal_call("signal SIGPIPE", errno);
    return netscale_main(argc, argv);
}

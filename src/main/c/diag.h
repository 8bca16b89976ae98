/*
 * diag.h: the one place where diagnostics for standard error are worded.
 *
 * Every message starts with the program name. A failed system call reads
 * "netscale-receiver: accept: Too many open files"; a bad argument reads
 * "netscale-sender: --size: expected 16..1048576, got '8'" followed by the
 * usage synopsis.
 */
#ifndef NETSCALE_DIAG_H
#define NETSCALE_DIAG_H

#include <stdint.h>

#include "platform.h"

void diag_set_program(const char *program);

/* "<program>: <call>: <reason of status>". */
void diag_call(const char *call, int status);

/* The same, followed by " (<context> <value>)", e.g. "(connection id 3)". */
void diag_call_u64(const char *call, int status, const char *context,
                   uint64_t value);

/* diag_call, then exit with status 1. */
PLAT_NORETURN void diag_fatal_call(const char *call, int status);

/* "<program>: <message>". */
void diag_note(const char *message);

/*
 * Reports a bad command line and exits with status 2: one line
 * "<program>: <option>: <problem>, expected <accepted>, got '<got>'", any
 * of problem, accepted and got left out when NULL, then the synopsis.
 */
PLAT_NORETURN void diag_usage(const char *option, const char *problem,
                              const char *accepted, const char *got,
                              const char *synopsis);

#endif

/*
 * options.h: "--name value" command lines, checked against a table.
 *
 * Each program describes its options in an opt_spec table and stores its
 * defaults in the targets before calling opt_parse. A bad command line
 * (unknown option, missing or malformed value, value out of range, a
 * required option left out) is reported by diag_usage, naming the option
 * and the accepted values, and ends the program with status 2. "--help"
 * prints the synopsis on standard output and exits with status 0.
 */
#ifndef NETSCALE_OPTIONS_H
#define NETSCALE_OPTIONS_H

#include <stddef.h>
#include <stdint.h>

enum opt_type {
    OPT_UINT,   /* decimal in [min_value, max_value], stored in *number */
    OPT_CHOICE, /* one of choices, its index stored in *number */
    OPT_IPV4    /* dotted IPv4 address, stored in addr[4] */
};

struct opt_spec {
    const char *name;
    enum opt_type type;
    int required;
    uint64_t min_value;
    uint64_t max_value;
    const char *const *choices; /* NULL-terminated */
    const char *accepted;       /* words for messages, e.g. "16..1048576" */
    uint64_t *number;
    uint8_t *addr;
};

void opt_parse(int argc, char **argv, const struct opt_spec *specs,
               size_t spec_count, const char *synopsis);

#endif

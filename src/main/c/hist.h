/*
 * hist.h: log-linear histogram of round-trip times in nanoseconds.
 *
 * Values below 128 are counted exactly. Above, each power of two
 * [2^k, 2^(k+1)) is split into 64 buckets of width 2^(k-6), so a value is
 * known to within 1/64 (1.56 %) of its bucket's lower bound. This is the
 * layout of HdrHistogram with 6 significant bits, and the one
 * docs/protocol.md prescribes for "rtt" lines.
 */
#ifndef NETSCALE_HIST_H
#define NETSCALE_HIST_H

#include <stdint.h>

enum {
    HIST_SUB_BITS = 6,
    HIST_EXACT_LIMIT = 128,
    /* 128 exact buckets, then 64 for each k in 7..63. */
    HIST_BUCKETS = HIST_EXACT_LIMIT + (64 - 7) * 64
};

struct hist {
    uint64_t counts[HIST_BUCKETS];
};

uint32_t hist_bucket(uint64_t value);
uint64_t hist_lower_bound(uint32_t bucket);

static inline void hist_add(struct hist *hist, uint64_t value)
{
    hist->counts[hist_bucket(value)]++;
}

#endif

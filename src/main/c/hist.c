/* hist.c: log-linear histogram (see hist.h). */
#include "hist.h"

uint32_t hist_bucket(uint64_t value)
{
    uint32_t k;

    if (value < HIST_EXACT_LIMIT)
        return (uint32_t)value;
    k = 63u - (uint32_t)__builtin_clzll(value);
    return HIST_EXACT_LIMIT + (k - 7) * 64 +
           (uint32_t)((value >> (k - HIST_SUB_BITS)) & 63);
}

uint64_t hist_lower_bound(uint32_t bucket)
{
    uint32_t k;
    uint64_t sub;

    if (bucket < HIST_EXACT_LIMIT)
        return bucket;
    k = 7 + (bucket - HIST_EXACT_LIMIT) / 64;
    sub = (bucket - HIST_EXACT_LIMIT) % 64;
    return (64 + sub) << (k - HIST_SUB_BITS);
}

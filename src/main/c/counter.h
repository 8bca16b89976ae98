/*
 * counter.h: event counters that one thread can wait on.
 *
 * Connection threads count events (started, past warm-up, finished) and
 * the main thread waits until a count reaches a target. Counting wakes the
 * waiter through plat_wake_all_u32; the sequentially consistent increment
 * also publishes everything the counting thread wrote before it.
 */
#ifndef NETSCALE_COUNTER_H
#define NETSCALE_COUNTER_H

#include <stdint.h>

void counter_add(uint32_t *counter);

/* Returns once *counter >= target. */
void counter_await(uint32_t *counter, uint32_t target);

#endif

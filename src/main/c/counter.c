/* counter.c: event counters that one thread can wait on (see counter.h). */
#include "counter.h"

#include "platform.h"

void counter_add(uint32_t *counter)
{
    __atomic_fetch_add(counter, 1, __ATOMIC_SEQ_CST);
    plat_wake_all_u32(counter);
}

void counter_await(uint32_t *counter, uint32_t target)
{
    for (;;) {
        uint32_t seen = __atomic_load_n(counter, __ATOMIC_ACQUIRE);

        if (seen >= target)
            return;
        plat_wait_u32(counter, seen);
    }
}

/*
 * sock.c: whole-message receive and send over the platform's single calls,
 * shared by every platform so that native and WASIX builds loop alike.
 */
#include "platform.h"

int plat_recv_exact(plat_sock sock, void *buf, size_t len_bytes,
                    size_t *got_bytes)
{
    uint8_t *p = buf;
    size_t got = 0;
    int status = PLAT_OK;

    while (got < len_bytes) {
        size_t n;

        status = plat_recv_some(sock, p + got, len_bytes - got, &n);
        if (status != PLAT_OK)
            break;
        if (n == 0) {
            status = got == 0 ? PLAT_EOF : PLAT_ETRUNC;
            break;
        }
        got += n;
    }
    *got_bytes = got;
    return status;
}

int plat_send_all(plat_sock sock, const void *buf, size_t len_bytes)
{
    const uint8_t *p = buf;
    size_t sent = 0;

    while (sent < len_bytes) {
        size_t n;
        int status = plat_send_some(sock, p + sent, len_bytes - sent, &n);

        if (status != PLAT_OK)
            return status;
        sent += n;
    }
    return PLAT_OK;
}

/* text.c: strings and output lines without libc (see text.h). */
#include "text.h"

#include "platform.h"

void text_init(struct text_line *line, char *buf, size_t cap_bytes)
{
    line->buf = buf;
    line->cap_bytes = cap_bytes;
    line->len_bytes = 0;
    line->truncated = 0;
}

/* Keeps one byte free for the newline that text_emit adds. */
void text_char(struct text_line *line, char c)
{
    if (line->len_bytes + 1 >= line->cap_bytes) {
        line->truncated = 1;
        return;
    }
    line->buf[line->len_bytes++] = c;
}

void text_str(struct text_line *line, const char *s)
{
    while (*s != '\0')
        text_char(line, *s++);
}

void text_u64(struct text_line *line, uint64_t value)
{
    char digits[20];
    size_t n = 0;

    do {
        digits[n++] = (char)('0' + value % 10);
        value /= 10;
    } while (value != 0);
    while (n > 0)
        text_char(line, digits[--n]);
}

void text_field_u64(struct text_line *line, const char *key, uint64_t value)
{
    text_char(line, ' ');
    text_str(line, key);
    text_char(line, '=');
    text_u64(line, value);
}

void text_field_str(struct text_line *line, const char *key,
                    const char *value)
{
    text_char(line, ' ');
    text_str(line, key);
    text_char(line, '=');
    text_str(line, value);
}

const char *text_cstr(struct text_line *line)
{
    if (line->cap_bytes == 0)
        return "";
    line->buf[line->len_bytes] = '\0';
    return line->buf;
}

int text_emit(struct text_line *line, int stream)
{
    if (line->cap_bytes == 0)
        return PLAT_OK;
    line->buf[line->len_bytes] = '\n';
    return plat_write(stream, line->buf, line->len_bytes + 1);
}

size_t text_length(const char *s)
{
    size_t n = 0;

    while (s[n] != '\0')
        n++;
    return n;
}

int text_equal(const char *a, const char *b)
{
    while (*a != '\0' && *a == *b) {
        a++;
        b++;
    }
    return *a == *b;
}

int text_parse_u64(const char *s, uint64_t *value)
{
    uint64_t v = 0;

    if (*s == '\0')
        return -1;
    for (; *s != '\0'; s++) {
        uint64_t digit = (uint64_t)(*s - '0');

        if (*s < '0' || *s > '9')
            return -1;
        if (v > (UINT64_MAX - digit) / 10)
            return -1;
        v = v * 10 + digit;
    }
    *value = v;
    return 0;
}

int text_parse_ipv4(const char *s, uint8_t addr[4])
{
    for (int part = 0; part < 4; part++) {
        uint32_t v = 0;
        int digits = 0;

        while (*s >= '0' && *s <= '9' && digits < 4) {
            v = v * 10 + (uint32_t)(*s++ - '0');
            digits++;
        }
        if (digits == 0 || digits > 3 || v > 255)
            return -1;
        addr[part] = (uint8_t)v;
        if (part < 3 && *s++ != '.')
            return -1;
    }
    return *s == '\0' ? 0 : -1;
}

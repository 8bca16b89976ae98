/*
 * text.h: strings and output lines without libc.
 *
 * A text_line collects one record in a caller-provided buffer and writes
 * it with a single write call, so that lines written by several threads
 * never interleave. Appending past the capacity drops the excess and marks
 * the line truncated; text_emit still writes what fits and a newline.
 */
#ifndef NETSCALE_TEXT_H
#define NETSCALE_TEXT_H

#include <stddef.h>
#include <stdint.h>

struct text_line {
    char *buf;
    size_t cap_bytes;
    size_t len_bytes;
    int truncated;
};

void text_init(struct text_line *line, char *buf, size_t cap_bytes);
void text_char(struct text_line *line, char c);
void text_str(struct text_line *line, const char *s);
void text_u64(struct text_line *line, uint64_t value);

/* Appends " key=value". */
void text_field_u64(struct text_line *line, const char *key, uint64_t value);
void text_field_str(struct text_line *line, const char *key,
                    const char *value);

/* The line so far as a C string (the byte kept for the newline holds NUL). */
const char *text_cstr(struct text_line *line);

/* Appends a newline and writes the line to stream; returns a status. */
int text_emit(struct text_line *line, int stream);

size_t text_length(const char *s);
int text_equal(const char *a, const char *b);

/*
 * Parses a whole decimal string into *value. Returns 0, or -1 when the
 * string is empty, holds anything but digits, or exceeds 64 bits.
 */
int text_parse_u64(const char *s, uint64_t *value);

/*
 * Parses a dotted IPv4 address ("127.0.0.1") into network order.
 * Returns 0, or -1 when it is not four decimal numbers up to 255.
 */
int text_parse_ipv4(const char *s, uint8_t addr[4]);

#endif

/* diag.c: diagnostics for standard error (see diag.h). */
#include "diag.h"

#include "text.h"

enum { DIAG_LINE_BYTES = 1024 };

static const char *diag_program = "netscale";

void diag_set_program(const char *program)
{
    diag_program = program;
}

static void diag_begin(struct text_line *line, char *buf)
{
    text_init(line, buf, DIAG_LINE_BYTES);
    text_str(line, diag_program);
    text_str(line, ": ");
}

/* Diagnostics are best effort: a failing standard error is not reported. */
static void diag_end(struct text_line *line)
{
    (void)text_emit(line, PLAT_STDERR);
}

/* Words for any status a plat_ function returns. */
static const char *diag_status_text(int status)
{
    switch (status) {
    case PLAT_OK:
        return "success";
    case PLAT_EOF:
        return "connection closed by the peer";
    case PLAT_ETRUNC:
        return "connection closed by the peer in the middle of a message";
    case PLAT_ETIMEDOUT:
        return "timed out";
    case PLAT_ENOMEM:
        return "out of memory";
    default:
        return plat_error_text(status);
    }
}

void diag_call(const char *call, int status)
{
    char buf[DIAG_LINE_BYTES];
    struct text_line line;

    diag_begin(&line, buf);
    text_str(&line, call);
    text_str(&line, ": ");
    text_str(&line, diag_status_text(status));
    diag_end(&line);
}

void diag_call_u64(const char *call, int status, const char *context,
                   uint64_t value)
{
    char buf[DIAG_LINE_BYTES];
    struct text_line line;

    diag_begin(&line, buf);
    text_str(&line, call);
    text_str(&line, ": ");
    text_str(&line, diag_status_text(status));
    text_str(&line, " (");
    text_str(&line, context);
    text_char(&line, ' ');
    text_u64(&line, value);
    text_char(&line, ')');
    diag_end(&line);
}

void diag_fatal_call(const char *call, int status)
{
    diag_call(call, status);
    plat_exit(1);
}

void diag_note(const char *message)
{
    char buf[DIAG_LINE_BYTES];
    struct text_line line;

    diag_begin(&line, buf);
    text_str(&line, message);
    diag_end(&line);
}

void diag_usage(const char *option, const char *problem,
                const char *accepted, const char *got, const char *synopsis)
{
    char buf[DIAG_LINE_BYTES];
    struct text_line line;
    const char *separator = "";

    diag_begin(&line, buf);
    text_str(&line, option);
    text_str(&line, ": ");
    if (problem != NULL) {
        text_str(&line, problem);
        separator = ", ";
    }
    if (accepted != NULL) {
        text_str(&line, separator);
        text_str(&line, "expected ");
        text_str(&line, accepted);
        separator = ", ";
    }
    if (got != NULL) {
        text_str(&line, separator);
        text_str(&line, "got '");
        text_str(&line, got);
        text_char(&line, '\'');
    }
    diag_end(&line);
    (void)plat_write(PLAT_STDERR, synopsis, text_length(synopsis));
    plat_exit(2);
}

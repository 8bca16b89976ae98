/* options.c: command-line parsing against a table (see options.h). */
#include "options.h"

#include "diag.h"
#include "platform.h"
#include "text.h"

enum { OPT_MAX_SPECS = 32 };

static const struct opt_spec *opt_find(const struct opt_spec *specs,
                                       size_t spec_count, const char *name)
{
    for (size_t i = 0; i < spec_count; i++) {
        if (text_equal(specs[i].name, name))
            return &specs[i];
    }
    return NULL;
}

/* Stores text into the spec's target, or reports it and exits with 2. */
static void opt_store(const struct opt_spec *spec, const char *text,
                      const char *synopsis)
{
    uint64_t value;

    switch (spec->type) {
    case OPT_UINT:
        if (text_parse_u64(text, &value) != 0 || value < spec->min_value ||
            value > spec->max_value)
            break;
        *spec->number = value;
        return;
    case OPT_CHOICE:
        for (value = 0; spec->choices[value] != NULL; value++) {
            if (text_equal(spec->choices[value], text)) {
                *spec->number = value;
                return;
            }
        }
        break;
    case OPT_IPV4:
        if (text_parse_ipv4(text, spec->addr) == 0)
            return;
        break;
    }
    diag_usage(spec->name, NULL, spec->accepted, text, synopsis);
}

void opt_parse(int argc, char **argv, const struct opt_spec *specs,
               size_t spec_count, const char *synopsis)
{
    int seen[OPT_MAX_SPECS] = {0};

    if (spec_count > OPT_MAX_SPECS)
        diag_usage("options", "too many options in the table", NULL, NULL,
                   synopsis);
    for (int i = 1; i < argc; i++) {
        const struct opt_spec *spec;

        if (text_equal(argv[i], "--help")) {
            (void)plat_write(PLAT_STDOUT, synopsis, text_length(synopsis));
            plat_exit(0);
        }
        spec = opt_find(specs, spec_count, argv[i]);
        if (spec == NULL)
            diag_usage(argv[i], "unknown option", NULL, NULL, synopsis);
        if (i + 1 >= argc)
            diag_usage(spec->name, "missing value", spec->accepted, NULL,
                       synopsis);
        opt_store(spec, argv[++i], synopsis);
        seen[spec - specs] = 1;
    }
    for (size_t i = 0; i < spec_count; i++) {
        if (specs[i].required && !seen[i])
            diag_usage(specs[i].name, "required", specs[i].accepted, NULL,
                       synopsis);
    }
}

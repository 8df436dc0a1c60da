/* fc-fuzz.h — the fuzz targets' entry points, shared by the libFuzzer
 * binaries (fuzz-main.c) and the unit test that replays kept inputs
 * (tests/test-fuzz-regressions.c), and what the targets share.
 *
 * Adding a target: write fuzz-NAME.c defining
 * fc_fuzz_NAME(), add NAME to FC_FUZZ_TARGETS below and to fuzz_targets in
 * tests/fuzz/meson.build, put seeds in tests/fuzz/seeds/NAME/ (or teach
 * bench/fuzz.sh where they come from). */
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "fc-engine.h"

G_BEGIN_DECLS

/* X-macro over every target: X (name). */
#define FC_FUZZ_TARGETS(X) X (fods) X (rules) X (amount) X (engine) X (narrative) X (pdf)

/* Each target checks one input; it aborts (assertion or sanitizer) on a
 * defect and returns 0 otherwise. */
#define FC_FUZZ_DECLARE(name) int fc_fuzz_##name (const uint8_t *data, size_t size);
FC_FUZZ_TARGETS (FC_FUZZ_DECLARE)
#undef FC_FUZZ_DECLARE

/* Reports a defect and aborts, which libFuzzer and Check both catch (a
 * g_error() traps, and libFuzzer keeps no input for a trap). */
G_NORETURN void fc_fuzz_fail (const char *format, ...) G_GNUC_PRINTF (1, 2);

/* The engine with the shipped rules, built once for the process: through
 * fc_test_engine(), with FC_RULES defaulting to the source tree's
 * standard.rules (transfer none). */
const FcEngine *fc_fuzz_shipped_engine (void);

/* An engine from rule text read after the shipped catalogue, as a user's
 * rule file would make one; NULL with error set when the text is not a rule
 * file (transfer full). */
FcEngine *fc_fuzz_engine_from_rules (const char *data, gsize size, GError **error);

/* The sample workbook, read once for the process (transfer none). */
const FcWorkbook *fc_fuzz_sample (void);

/* Runs the report writers (text, JSON, CSV) on report and reads the JSON
 * back; asserts what every report must satisfy (findings inside the
 * workbook, finite amounts, the JSON round trip keeps the findings). */
void fc_fuzz_check_report (const FcWorkbook *workbook, const FcReport *report);

G_END_DECLS

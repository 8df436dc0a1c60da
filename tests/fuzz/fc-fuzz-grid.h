/* fc-fuzz-grid.h — fuzz bytes as a workbook, for the engine target: a few
 * sheets of numbers, domain words (titles, 合计, 行次, codes, 栏次), arbitrary
 * UTF-8, error values and empties; and the way back, so real packages can
 * seed the corpus.
 *
 * Format: one byte n (1 + n % 12 sheets, or 13 + n - 0xF0 for n ≥ 0xF0, up
 * to FC_FUZZ_GRID_MAX_SHEETS: the sample with its narrative has 23); per sheet a
 * name (length byte, then UTF-8; empty means "S<i>"), rows (u16 LE, masked
 * to FC_FUZZ_GRID_MAX_ROWS - 1), cols (one byte, masked to
 * FC_FUZZ_GRID_MAX_COLS - 1), then cells in row-major order, each starting
 * with an op byte whose low 3 bits say what follows (see fc-fuzz-grid.c).
 * Cells the bytes do not reach stay empty.  The word list is fixed so a
 * kept input means the same workbook forever: append, never reorder. */
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "fc-workbook.h"

G_BEGIN_DECLS

#define FC_FUZZ_GRID_MAX_SHEETS 28
#define FC_FUZZ_GRID_MAX_ROWS 2048
#define FC_FUZZ_GRID_MAX_COLS 64

/* Never NULL, whatever the bytes (transfer full). */
FcWorkbook *fc_fuzz_grid_decode (const uint8_t *data, size_t size);

/* Bytes that decode to workbook (sheets, rows and columns beyond the limits
 * are cut; texts longer than 65535 bytes are cut) (transfer full). */
GBytes *fc_fuzz_grid_encode (const FcWorkbook *workbook);

G_END_DECLS

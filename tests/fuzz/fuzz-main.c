/* fuzz-main.c — libFuzzer's entry, compiled once per target with
 * FC_FUZZ_ENTRY naming the target's fc_fuzz_NAME(). */
#include "fc-fuzz.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  return FC_FUZZ_ENTRY (data, size);
}

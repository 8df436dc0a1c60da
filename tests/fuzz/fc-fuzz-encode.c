/* fc-fuzz-encode.c — writes flat-ODS workbooks as fuzz-engine inputs
 * (fc-fuzz-grid.h), so real packages seed its corpus (bench/fuzz.sh).
 *
 *   fc-fuzz-encode OUT_DIR WORKBOOK.fods…   → OUT_DIR/<name>.grid
 */
#include <stdio.h>

#include "fc-fods.h"
#include "fc-fuzz-grid.h"

int
main (int argc, char **argv)
{
  if (argc < 3)
    {
      fprintf (stderr, "usage: %s OUT_DIR WORKBOOK.fods…\n", argv[0]);
      return 2;
    }
  for (int i = 2; i < argc; i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (FcWorkbook) wb = fc_fods_read_file (argv[i], &error);
      if (wb == NULL)
        {
          fprintf (stderr, "%s\n", error->message);
          return 2;
        }
      g_autoptr (GBytes) bytes = fc_fuzz_grid_encode (wb);
      g_autofree char *base = g_path_get_basename (argv[i]);
      g_autofree char *name = g_strconcat (base, ".grid", NULL);
      g_autofree char *out = g_build_filename (argv[1], name, NULL);
      gsize size;
      const char *data = g_bytes_get_data (bytes, &size);
      if (!g_file_set_contents (out, data, size, &error))
        {
          fprintf (stderr, "%s\n", error->message);
          return 2;
        }
    }
  return 0;
}

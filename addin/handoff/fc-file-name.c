/* fc-file-name.c — what a file's name says (see fc-file-name.h). */
#include "fc-file-name.h"

#include <string.h>

/* longer "extensions" are parts of the name ("2024.final-draft") */
#define FC_FILE_NAME_MAX_EXTENSION 8

char *
fc_file_name_plain_extension (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);
  const char *dot = strrchr (base, '.');

  if (dot == NULL || dot == base || dot[1] == '\0' || strlen (dot + 1) > FC_FILE_NAME_MAX_EXTENSION)
    return g_strdup ("");
  for (const char *p = dot + 1; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p))
      return g_strdup ("");
  return g_ascii_strdown (dot + 1, -1);
}

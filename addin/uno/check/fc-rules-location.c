/* fc-rules-location.c — where the rules are (see fc-rules-location.h). */
#include "fc-rules-location.h"

#include <dlfcn.h>

/* rules/standard.rules beside the folder of this library (transfer full),
 * or NULL: the .oxt keeps one library per platform, in
 * <extension>/Linux_X86_64/ or <extension>/Linux_AARCH64/, and one rules/
 * for all of them at <extension>/rules/. */
char *
fc_rules_location_shipped (GError **error)
{
  Dl_info info;
  g_autofree char *dir = NULL;

  if (dladdr ((void *) fc_rules_location_shipped, &info) == 0 || info.dli_fname == NULL)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT,
                   "cannot locate the FiscalCheck library to find its rules");
      return NULL;
    }
  dir = g_path_get_dirname (info.dli_fname);
  g_autofree char *extension = g_path_get_dirname (dir);
  return g_build_filename (extension, "rules", "standard.rules", NULL);
}

/* $FISCALCHECK_RULES_DIR, else ~/.config/fiscalcheck/rules.d (transfer full). */
char *
fc_rules_location_user_dir (void)
{
  const char *dir = g_getenv ("FISCALCHECK_RULES_DIR");
  if (dir != NULL && *dir != '\0')
    return g_strdup (dir);
  return g_build_filename (g_get_user_config_dir (), "fiscalcheck", "rules.d", NULL);
}

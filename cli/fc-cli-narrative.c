/* fc-cli-narrative.c — which narrative goes with which workbook (see fc-cli-narrative.h). */
#include "fc-cli-narrative.h"

#include <string.h>

#include <glib/gstdio.h>

#include "fc-cli-fs.h"
#include "fc-narrative-doc.h"

gboolean
fc_cli_narrative_same_stem (const char *a, const char *b)
{
  g_autofree char *sa = fc_narrative_doc_stem (a);
  g_autofree char *sb = fc_narrative_doc_stem (b);

  return strcmp (sa, sb) == 0;
}

/* Whether a and b name the same file (its identity; as written when it
 * cannot be stat'ed). */
static gboolean
same_file (const char *a, const char *b)
{
  g_autofree char *ia = fc_cli_file_identity (a);
  g_autofree char *ib = fc_cli_file_identity (b);

  return ia != NULL && ib != NULL ? strcmp (ia, ib) == 0 : strcmp (a, b) == 0;
}

/* Marks every narrative input that is the file narrative as paired. */
static void
mark_paired (const char *const *inputs, FcCliInputRole *roles, const char *narrative)
{
  for (guint j = 0; inputs[j] != NULL; j++)
    if (roles[j] == FC_CLI_INPUT_NARRATIVE_ALONE && same_file (inputs[j], narrative))
      roles[j] = FC_CLI_INPUT_NARRATIVE_PAIRED;
}

void
fc_cli_narrative_pair (const char *const *inputs, const char *explicit_narrative,
                       gboolean look_beside, FcCliInputRole *roles, char **narratives)
{
  for (guint i = 0; inputs[i] != NULL; i++)
    roles[i] = fc_narrative_doc_is_document (inputs[i]) ? FC_CLI_INPUT_NARRATIVE_ALONE
                                                        : FC_CLI_INPUT_WORKBOOK;
  for (guint i = 0; inputs[i] != NULL; i++)
    {
      if (roles[i] != FC_CLI_INPUT_WORKBOOK || (explicit_narrative == NULL && !look_beside))
        continue;
      if (explicit_narrative != NULL)
        narratives[i] = g_strdup (explicit_narrative);
      for (guint j = 0; inputs[j] != NULL && narratives[i] == NULL; j++)
        if (roles[j] != FC_CLI_INPUT_WORKBOOK && fc_cli_narrative_same_stem (inputs[i], inputs[j]))
          narratives[i] = g_strdup (inputs[j]);
      if (narratives[i] == NULL)
        narratives[i] = fc_narrative_doc_find_beside (inputs[i]);
      if (narratives[i] != NULL)
        mark_paired (inputs, roles, narratives[i]);
    }
}

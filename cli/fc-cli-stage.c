/* fc-cli-stage.c — the temp directory of one check (see fc-cli-stage.h). */
#include "fc-cli-stage.h"

#include <glib/gstdio.h>

#include "fc-cli-error.h"
#include "fc-cli-fs.h"
#include "fc-file-name.h"

struct _FcCliStage {
  const FcCliUser *user;
  char *dir;     /* ours, 0711: the office user may pass, not list */
  char *in_dir;  /* the office user's */
  char *out_dir; /* the office user's */
  char *marked_dir; /* the office user's: the filter's marked copies */
  char *documents_dir; /* the office user's: narrative documents to convert */
  char *texts_dir;     /* the office user's: their text */
};

FcCliStage *
fc_cli_stage_new (const FcCliUser *user, GError **error)
{
  g_autoptr (FcCliStage) stage = g_new0 (FcCliStage, 1);

  stage->user = user;
  stage->dir = g_dir_make_tmp ("fiscalcheck-XXXXXX", error);
  if (stage->dir == NULL)
    return NULL;
  stage->in_dir = g_build_filename (stage->dir, "in", NULL);
  stage->out_dir = g_build_filename (stage->dir, "out", NULL);
  stage->marked_dir = g_build_filename (stage->dir, "marked", NULL);
  stage->documents_dir = g_build_filename (stage->dir, "documents", NULL);
  stage->texts_dir = g_build_filename (stage->dir, "texts", NULL);
  if (g_chmod (stage->dir, 0711) != 0)
    {
      g_set_error (error, FC_CLI_ERROR, FC_CLI_ERROR_SYSTEM, "chmod %s failed", stage->dir);
      return NULL;
    }
  if (!fc_cli_user_mkdir (user, stage->in_dir, error)
      || !fc_cli_user_mkdir (user, stage->out_dir, error)
      || !fc_cli_user_mkdir (user, stage->marked_dir, error)
      || !fc_cli_user_mkdir (user, stage->documents_dir, error)
      || !fc_cli_user_mkdir (user, stage->texts_dir, error))
    return NULL;
  return g_steal_pointer (&stage);
}

void
fc_cli_stage_free (FcCliStage *stage)
{
  if (stage == NULL)
    return;
  if (stage->dir != NULL && g_getenv ("FISCALCHECK_KEEP_TEMP") == NULL)
    {
      g_autoptr (GError) error = NULL;

      if (!fc_cli_remove_tree (stage->dir, &error))
        g_printerr ("fiscalcheck: %s\n", error->message);
    }
  g_free (stage->dir);
  g_free (stage->in_dir);
  g_free (stage->out_dir);
  g_free (stage->marked_dir);
  g_free (stage->documents_dir);
  g_free (stage->texts_dir);
  g_free (stage);
}

char *
fc_cli_stage_input_name (const char *path, guint index)
{
  g_autofree char *ext = fc_file_name_plain_extension (path);

  return *ext != '\0' ? g_strdup_printf ("%04u.%s", index, ext) : g_strdup_printf ("%04u", index);
}

/* A copy of path in_dir as the office's input, its output in out_dir
 * named index.output_ext (transfer full). */
static FcCliItem *
add_copy (FcCliStage *stage, const char *in_dir, const char *out_dir, const char *output_ext,
          const char *path, guint index)
{
  g_autofree char *name = fc_cli_stage_input_name (path, index);
  g_autofree char *stem = g_strdup_printf ("%04u.%s", index, output_ext);
  g_autofree char *staged = g_build_filename (in_dir, name, NULL);
  g_autofree char *output = g_build_filename (out_dir, stem, NULL);
  FcCliItem *item = fc_cli_item_new (staged, output);
  g_autoptr (GError) error = NULL;

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    item->error = g_strdup_printf ("“%s”是目录，不是工作簿 / “%s” is a directory, not a workbook",
                                   path, path);
  else if (!fc_cli_user_copy (stage->user, path, staged, &error))
    item->error = g_strdup_printf ("无法读取 / cannot read: %s", error->message);
  return item;
}

FcCliItem *
fc_cli_stage_add_input (FcCliStage *stage, const char *path, guint index)
{
  return add_copy (stage, stage->in_dir, stage->out_dir, "fcjson", path, index);
}

FcCliItem *
fc_cli_stage_add_document (FcCliStage *stage, const char *path, guint index)
{
  return add_copy (stage, stage->documents_dir, stage->texts_dir, "txt", path, index);
}

const char *
fc_cli_stage_get_texts_dir (const FcCliStage *stage)
{
  return stage->texts_dir;
}

char *
fc_cli_stage_add_rules (FcCliStage *stage, const char *path, guint index, GError **error)
{
  g_autofree char *name = g_strdup_printf ("rules-%04u.rules", index);
  char *staged = g_build_filename (stage->in_dir, name, NULL);

  if (!fc_cli_user_copy (stage->user, path, staged, error))
    {
      g_free (staged);
      return NULL;
    }
  return staged;
}

const char *
fc_cli_stage_get_outdir (const FcCliStage *stage)
{
  return stage->out_dir;
}

const char *
fc_cli_stage_get_marked_dir (const FcCliStage *stage)
{
  return stage->marked_dir;
}

const char *
fc_cli_stage_get_dir (const FcCliStage *stage)
{
  return stage->dir;
}

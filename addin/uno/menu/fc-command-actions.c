/* fc-command-actions.c — the menu commands (see fc-command-actions.h). */
#include "fc-command-actions.h"

#include <string.h>

#include "fc-calc.h"
#include "fc-service-manager.h"
#include "fc-doc-narrative.h"
#include "fc-narrative-doc.h"
#include "fc-doc-check.h"
#include "fc-help.h"
#include "fc-live-stats.h"
#include "fc-mark-store.h"
#include "fc-marks.h"
#include "fc-report-click.h"
#include "fc-report-sheet.h"
#include "fc-ui-locale.h"
#include "fc-result.h"

#define UNDO_TITLE "决算审核 FiscalCheck"

/* What a command tells the user; set once per run. */
typedef struct {
  char *message;
  FcMessageKind kind;
} Outcome;

G_GNUC_PRINTF (3, 4) static gboolean
outcome_set (Outcome *outcome, FcMessageKind kind, const char *format, ...)
{
  va_list args;

  va_start (args, format);
  g_free (outcome->message);
  outcome->message = g_strdup_vprintf (format, args);
  outcome->kind = kind;
  va_end (args);
  return kind == FC_MESSAGE_INFO;
}

static gboolean
outcome_fail (Outcome *outcome, const GError *error)
{
  return outcome_set (outcome, FC_MESSAGE_ERROR, "决算审核出错：%s\nFiscalCheck failed: %s",
                      error->message, error->message);
}

gboolean
fc_command_actions_parse (const char *full, FcCommand *command, char **argument)
{
  const char *mark = full != NULL ? strchr (full, '?') : NULL;
  g_autofree char *name = mark != NULL ? g_strndup (full, (gsize) (mark - full)) : g_strdup (full);

  if (argument != NULL)
    *argument = mark != NULL ? g_uri_unescape_string (mark + 1, NULL) : NULL;
  if (g_strcmp0 (name, "Validate") == 0)
    *command = FC_COMMAND_VALIDATE;
  else if (g_strcmp0 (name, "NextFinding") == 0)
    *command = FC_COMMAND_NEXT_FINDING;
  else if (g_strcmp0 (name, "PreviousFinding") == 0)
    *command = FC_COMMAND_PREVIOUS_FINDING;
  else if (g_strcmp0 (name, "ClearMarks") == 0)
    *command = FC_COMMAND_CLEAR_MARKS;
  else if (g_strcmp0 (name, "ChooseNarrative") == 0)
    *command = FC_COMMAND_CHOOSE_NARRATIVE;
  else if (g_strcmp0 (name, "Help") == 0)
    *command = FC_COMMAND_HELP;
  else if (g_strcmp0 (name, "LiveStats") == 0)
    *command = FC_COMMAND_LIVE_STATS;
  else
    {
      if (argument != NULL)
        g_clear_pointer (argument, g_free);
      return FALSE;
    }
  return TRUE;
}

/* Preflight */

/* FALSE with the outcome set when document cannot be changed: read-only,
 * or its sheet structure (for the report sheet) or one of sheets is
 * protected. */
static gboolean
check_writable (uno_Interface *document, GHashTable *sheets, Outcome *outcome)
{
  g_autoptr (GError) error = NULL;
  sal_Bool readonly = sal_False;
  gboolean is_protected = FALSE;
  GHashTableIter iter;
  const char *name;

  if (!fc_uno_query_call (document, "com.sun.star.frame.XStorable", "isReadonly", &readonly,
                          NULL, &error))
    return outcome_fail (outcome, error);
  if (readonly)
    return outcome_set (outcome, FC_MESSAGE_WARNING,
                        "文档为只读，无法标记或清除审核结果。\n"
                        "The document is read-only: FiscalCheck cannot mark or clear it.");
  if (!fc_calc_is_protected (document, &is_protected, &error))
    return outcome_fail (outcome, error);
  if (is_protected)
    return outcome_set (outcome, FC_MESSAGE_WARNING,
                        "工作簿结构受保护，请先撤销保护。\n"
                        "The workbook structure is protected: unprotect it first.");
  g_hash_table_iter_init (&iter, sheets);
  while (g_hash_table_iter_next (&iter, (gpointer *) &name, NULL))
    {
      uno_Interface *sheet = fc_calc_sheet (document, name, &error);
      gboolean ok = sheet == NULL || fc_calc_is_protected (sheet, &is_protected, &error);

      fc_uno_release (sheet);
      if (!ok || error != NULL)
        return outcome_fail (outcome, error);
      if (sheet != NULL && is_protected)
        return outcome_set (outcome, FC_MESSAGE_WARNING,
                            "工作表“%s”受保护，请先撤销保护再审核。\n"
                            "Sheet “%s” is protected: unprotect it to validate or clear marks.",
                            name, name);
    }
  return TRUE;
}

/* The names of the sheets the store's marks are on (transfer full: a set
 * of borrowed names). */
static GHashTable *
store_sheets (const FcMarkStore *store)
{
  GHashTable *sheets = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; store != NULL && i < store->entries->len; i++)
    g_hash_table_add (sheets, ((FcMarkEntry *) store->entries->pdata[i])->sheet);
  return sheets;
}

/* One undo step */

/* The document's XUndoManager with an open context (transfer full), or
 * NULL when it has none: the run then still works, just not as one step. */
static uno_Interface *
undo_begin (uno_Interface *document)
{
  g_autoptr (GError) error = NULL;
  uno_Interface *undo = NULL;
  rtl_uString *title = fc_uno_string_new (UNDO_TITLE);
  void *args[1] = { &title };

  if (!fc_uno_query_call (document, "com.sun.star.document.XUndoManagerSupplier",
                          "getUndoManager", &undo, NULL, &error)
      || !fc_uno_call (undo, "com.sun.star.document.XUndoManager", "enterUndoContext", NULL,
                       args, &error))
    {
      g_warning ("no undo context: %s", error->message);
      g_clear_pointer (&undo, fc_uno_release);
    }
  rtl_uString_release (title);
  return undo;
}

/* Closes the context undo_begin opened and releases undo (NULL-safe). */
static void
undo_end (uno_Interface *undo)
{
  g_autoptr (GError) error = NULL;

  if (undo == NULL)
    return;
  if (!fc_uno_call (undo, "com.sun.star.document.XUndoManager", "leaveUndoContext", NULL, NULL,
                    &error))
    g_warning ("cannot leave the undo context: %s", error->message);
  fc_uno_release (undo);
}

/* Validate */

/* Reads and checks document; NULL with the outcome set on failure
 * (transfer full). */
static FcReport *
check_document (uno_Interface *document, Outcome *outcome)
{
  g_autoptr (GError) error = NULL;
  const FcDocCheckOptions options = { .use_user_rules = TRUE,
                                       .find_narrative = FC_DOC_NARRATIVE_LOAD };
  FcReport *report = fc_doc_check (document, &options, &error);

  if (report != NULL)
    return report;
  if (g_error_matches (error, FC_ERROR, FC_ERROR_NO_TABLES))
    outcome_set (outcome, FC_MESSAGE_WARNING, "%s", error->message);
  else if (g_error_matches (error, FC_DOC_CHECK_ERROR, FC_DOC_CHECK_ERROR_RULES))
    outcome_set (outcome, FC_MESSAGE_ERROR, "无法加载审核规则：%s\nCannot load the rules: %s",
                 error->message, error->message);
  else
    outcome_fail (outcome, error);
  return NULL;
}

/* The first cell of the first error finding, else of the first warning
 * (transfer none): Validate lands where a published number is wrong. */
static const FcFindingCell *
first_marked_cell (const FcReport *report)
{
  for (int s = FC_SEVERITY_ERROR; s >= FC_SEVERITY_WARNING; s--)
    for (guint i = 0; i < report->findings->len; i++)
      {
        const FcFinding *f = report->findings->pdata[i];

        if (f->severity == (FcSeverity) s && f->cells->len > 0)
          return f->cells->pdata[0];
      }
  return NULL;
}

/* What Validate tells the user when it is done, in the UI language:
 * counts, which narrative, and what the answer does (transfer full). */
static char *
summary_question (const FcReport *report, gboolean has_marks, gboolean zh)
{
  guint errors = fc_report_count (report, FC_SEVERITY_ERROR);
  guint warnings = fc_report_count (report, FC_SEVERITY_WARNING);
  guint infos = fc_report_count (report, FC_SEVERITY_INFO);
  g_autofree char *narrative = fc_report_narrative_line (report, !zh);
  const char *where = errors > 0 ? (zh ? "第一处错误" : "the first error")
                                 : (zh ? "第一处警告" : "the first warning");

  if (zh)
    return g_strdup_printf ("审核完成：错误 %u 处，警告 %u 处，提示 %u 处。\n%s%s\n\n%s%s%s", errors,
                            warnings, infos, narrative != NULL ? narrative : "",
                            narrative != NULL ? "。" : "",
                            has_marks ? "是：转到" : "", has_marks ? where : "",
                            has_marks ? "　否：打开“审核结果”表" : "结果见“审核结果”表。");
  return g_strdup_printf ("Validation done: %u error(s), %u warning(s), %u note(s).\n%s%s\n\n%s%s%s",
                          errors, warnings, infos, narrative != NULL ? narrative : "",
                          narrative != NULL ? "." : "", has_marks ? "Yes: go to " : "",
                          has_marks ? where : "",
                          has_marks ? "   No: open the 审核结果 sheet" : "See the 审核结果 sheet.");
}

/* FALSE with an error when a sheet report marks is protected: Calc then
 * ignores the marks without a word (the menu's check_writable says it
 * first; batch runs have no other preflight). */
static gboolean
check_marked_sheets (uno_Interface *document, const FcReport *report, GError **error)
{
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < report->findings->len; i++)
    {
      const FcFinding *f = report->findings->pdata[i];

      for (guint j = 0; f->severity >= FC_SEVERITY_WARNING && j < f->cells->len; j++)
        {
          const char *name = ((FcFindingCell *) f->cells->pdata[j])->sheet;
          g_autoptr (GError) local = NULL;
          uno_Interface *sheet;
          gboolean is_protected = FALSE;

          if (!g_hash_table_add (seen, (gpointer) name))
            continue;
          sheet = fc_calc_sheet (document, name, &local);
          if (sheet != NULL)
            fc_calc_is_protected (sheet, &is_protected, &local);
          fc_uno_release (sheet);
          if (local != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local));
              return FALSE;
            }
          if (is_protected)
            {
              g_set_error (error, FC_UNO_ERROR, FC_UNO_ERROR_VALUE,
                           "工作表“%s”受保护，无法标注 / sheet “%s” is protected: cannot mark it",
                           name, name);
              return FALSE;
            }
        }
    }
  return TRUE;
}

char *
fc_command_actions_validate_document (uno_Interface *document, const FcReport *report, GError **error)
{
  char *sheet = NULL;
  fc_result_hold ();
  if (check_marked_sheets (document, report, error) && fc_marks_apply (document, report, error))
    sheet = fc_report_sheet_write (document, report, error);
  fc_result_release ();
  return sheet;
}

static gboolean
validate (uno_Interface *frame, uno_Interface *document, Outcome *outcome)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FcMarkStore) store = fc_mark_store_load (document, &error);
  g_autoptr (FcReport) report = NULL;
  g_autoptr (GHashTable) sheets = NULL;
  g_autofree char *report_sheet = NULL;
  g_autofree char *summary = NULL;
  const FcFindingCell *first;
  uno_Interface *undo;
  gboolean ok;

  if (error != NULL)
    return outcome_fail (outcome, error);
  report = check_document (document, outcome);
  if (report == NULL)
    return FALSE;

  /* every sheet we will touch: the old marks' and the new ones' */
  sheets = store_sheets (store);
  for (guint i = 0; i < report->findings->len; i++)
    {
      const FcFinding *f = report->findings->pdata[i];

      for (guint j = 0; f->severity >= FC_SEVERITY_WARNING && j < f->cells->len; j++)
        g_hash_table_add (sheets, ((FcFindingCell *) f->cells->pdata[j])->sheet);
    }
  if (!check_writable (document, sheets, outcome))
    return FALSE;

  undo = undo_begin (document);
  report_sheet = fc_command_actions_validate_document (document, report, &error);
  ok = report_sheet != NULL;
  undo_end (undo); /* on every path: an open context would swallow the user's edits */
  if (!ok)
    return outcome_fail (outcome, error);
  fc_report_click_attach_frame (frame); /* the report's links open with one click */

  first = first_marked_cell (report);
  if (first != NULL)
    ok = fc_calc_select_cell (frame, document, first->sheet, first->row, first->col, &error);
  else
    ok = fc_calc_select_cell (frame, document, report_sheet, 0, 0, &error);
  if (!ok)
    g_warning ("cannot select the first finding: %s", error->message);
  g_clear_error (&error);

  summary = fc_report_sheet_summary (report);
  {
    g_autofree char *question = summary_question (report, first != NULL, fc_ui_locale_is_chinese ());
    gboolean yes = TRUE;

    /* a box over the window; headless, the summary on stderr */
    if (first == NULL)
      fc_message_show (frame, FC_MESSAGE_INFO, question);
    else if (!fc_message_ask_yes_no (frame, question, &yes))
      g_message ("审核完成：%s", summary);
    else if (!yes && !fc_calc_select_cell (frame, document, report_sheet, 0, 0, &error))
      g_warning ("cannot open the report sheet: %s", error->message);
  }
  return outcome_set (outcome, FC_MESSAGE_INFO, "审核完成：%s", summary);
}

/* Clear marks */

static gboolean
clear_marks (uno_Interface *document, Outcome *outcome)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FcMarkStore) store = fc_mark_store_load (document, &error);
  g_autoptr (GHashTable) sheets = NULL;
  uno_Interface *undo;
  gboolean ok;

  if (error != NULL)
    return outcome_fail (outcome, error);
  if (store == NULL)
    return outcome_set (outcome, FC_MESSAGE_INFO,
                        "没有需要清除的审核标记。\nThere are no FiscalCheck marks to clear.");
  sheets = store_sheets (store);
  if (!check_writable (document, sheets, outcome))
    return FALSE;
  undo = undo_begin (document);
  ok = fc_marks_clear (document, &error);
  undo_end (undo);
  if (!ok)
    return outcome_fail (outcome, error);
  return outcome_set (outcome, FC_MESSAGE_INFO, "已清除 %u 处审核标记。\nCleared %u mark(s).",
                      store->entries->len, store->entries->len);
}

gboolean
fc_command_actions_clear_marks (uno_Interface *document, GError **error)
{
  uno_Interface *undo;
  gboolean ok;

  fc_result_hold ();
  undo = undo_begin (document);
  ok = fc_marks_clear (document, error);
  undo_end (undo);
  fc_result_release ();
  return ok;
}

/* Next finding */

typedef struct {
  gint sheet, row, col; /* sheet: index in the document */
  const FcMarkEntry *entry;
} Position;

static gint
position_compare (gconstpointer a, gconstpointer b)
{
  const Position *x = a, *y = b;

  if (x->sheet != y->sheet)
    return x->sheet < y->sheet ? -1 : 1;
  if (x->row != y->row)
    return x->row < y->row ? -1 : 1;
  return x->col < y->col ? -1 : x->col > y->col;
}

/* The first rule id in a mark's comment ("R01.1", "N.4"), or "" (transfer full). */
static char *
rule_of (const char *comment)
{
  static GRegex *rule; /* immutable once made */
  static gsize made = 0;
  g_autoptr (GMatchInfo) match = NULL;

  if (g_once_init_enter (&made))
    {
      rule = g_regex_new ("\\b([A-Z]{1,3}[0-9]{0,3}\\.[0-9]+)\\b", G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&made, 1);
    }
  if (rule == NULL || comment == NULL || !g_regex_match (rule, comment, 0, &match))
    return g_strdup ("");
  return g_match_info_fetch (match, 1);
}

static gboolean
next_finding (uno_Interface *frame, uno_Interface *document, gboolean forward, Outcome *outcome)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FcMarkStore) store = fc_mark_store_load (document, &error);
  g_auto (GStrv) names = NULL;
  g_autoptr (GArray) positions = g_array_new (FALSE, FALSE, sizeof (Position));
  Position current = { -1, -1, -1, NULL };
  const Position *next = NULL;
  guint index = 0;

  if (error != NULL)
    return outcome_fail (outcome, error);
  names = store != NULL ? fc_calc_sheet_names (document, &error) : NULL;
  if (error != NULL)
    return outcome_fail (outcome, error);
  for (guint i = 0; store != NULL && i < store->entries->len; i++)
    {
      const FcMarkEntry *entry = store->entries->pdata[i];

      for (guint s = 0; names[s] != NULL; s++)
        if (strcmp (names[s], entry->sheet) == 0)
          {
            Position p = { (gint) s, (gint) entry->row, (gint) entry->col, entry };

            g_array_append_val (positions, p);
            break;
          }
    }
  if (positions->len == 0)
    return outcome_set (outcome, FC_MESSAGE_INFO,
                        "没有审核标记，请先运行“审核工作簿”。\n"
                        "There are no marks: run “Validate workbook” first.");
  g_array_sort (positions, position_compare);

  if (!fc_calc_selection (frame, &current.sheet, &current.row, &current.col, &error)
      && error != NULL)
    g_clear_error (&error); /* no usable selection: start from the top */
  if (forward)
    {
      for (guint i = 0; i < positions->len && next == NULL; i++)
        if (position_compare (&g_array_index (positions, Position, i), &current) > 0)
          next = &g_array_index (positions, Position, (index = i));
      if (next == NULL)
        next = &g_array_index (positions, Position, (index = 0)); /* cycle */
    }
  else
    {
      for (guint i = positions->len; i > 0 && next == NULL; i--)
        if (position_compare (&g_array_index (positions, Position, i - 1), &current) < 0)
          next = &g_array_index (positions, Position, (index = i - 1));
      if (next == NULL)
        next = &g_array_index (positions, Position, (index = positions->len - 1));
    }

  if (!fc_calc_select_cell (frame, document, next->entry->sheet, next->entry->row,
                            next->entry->col, &error))
    return outcome_fail (outcome, error);
  {
    g_autofree char *address = fc_cell_address (next->entry->row, next->entry->col);
    g_autofree char *rule = rule_of (next->entry->mark_comment);
    gboolean is_error = next->entry->mark_color == FC_MARK_COLOR_ERROR;
    g_autofree char *status = fc_ui_locale_is_chinese ()
      ? g_strdup_printf ("第 %u/%u 处 · %s · %s", index + 1, positions->len,
                         is_error ? "错误" : "警告", rule)
      : g_strdup_printf ("Finding %u/%u · %s · %s", index + 1, positions->len,
                         is_error ? "error" : "warning", rule);

    fc_message_status (frame, status);
    return outcome_set (outcome, FC_MESSAGE_INFO,
                        "第 %u/%u 处 · %s · %s：%s!%s\nFinding %u of %u · %s · %s: %s!%s",
                        index + 1, positions->len, is_error ? "错误" : "警告", rule,
                        next->entry->sheet, address, index + 1, positions->len,
                        is_error ? "error" : "warning", rule, next->entry->sheet, address);
  }
}

/* Choose the narrative document */

/* The file the user picks in a file picker over frame's window, starting
 * in the folder of document's current narrative or file (transfer full:
 * a local path), or NULL when they cancel or no picker can be shown. */
static char *
pick_narrative (uno_Interface *document, GError **error)
{
  g_autofree char *current = fc_doc_narrative_locate (document, NULL);
  uno_Interface *picker = fc_service_manager_create ("com.sun.star.ui.dialogs.FilePicker", error);
  rtl_uString *title = fc_uno_string_new ("情况说明 Narrative (*.docx;*.doc;*.odt;*.txt)");
  rtl_uString *filter = fc_uno_string_new ("*.docx;*.doc;*.odt;*.txt");
  void *filter_args[2] = { &title, &filter };
  sal_Int16 answer = 0;
  uno_Sequence *files = NULL;
  char *path = NULL;

  if (picker != NULL && current != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (current);
      g_autofree char *uri = g_filename_to_uri (dir, NULL, NULL);
      rtl_uString *udir = fc_uno_string_new (uri != NULL ? uri : "");
      void *args[1] = { &udir };

      fc_uno_query_call (picker, "com.sun.star.ui.dialogs.XFilePicker", "setDisplayDirectory",
                         NULL, args, NULL);
      rtl_uString_release (udir);
    }
  if (picker != NULL
      && fc_uno_query_call (picker, "com.sun.star.ui.dialogs.XFilterManager", "appendFilter", NULL,
                            filter_args, error)
      && fc_uno_query_call (picker, "com.sun.star.ui.dialogs.XExecutableDialog", "execute",
                            &answer, NULL, error)
      && answer == 1 /* ExecutableDialogResults.OK */
      && fc_uno_query_call (picker, "com.sun.star.ui.dialogs.XFilePicker", "getFiles", &files,
                            NULL, error))
    {
      if (files->nElements > 0)
        {
          g_autofree char *uri = fc_uno_string_to_utf8 (((rtl_uString **) files->elements)[0]);

          path = g_filename_from_uri (uri, NULL, error);
        }
      fc_uno_destruct (&files, "[]string");
    }
  rtl_uString_release (filter);
  rtl_uString_release (title);
  fc_uno_release (picker);
  return path;
}

/* Names the narrative document checked with the workbook: argument (a
 * path or file URL; "" forgets the choice, so the one beside is used
 * again), else the one the user picks.  Remembered in the workbook. */
static gboolean
choose_narrative (uno_Interface *frame, uno_Interface *document, const char *argument,
                  Outcome *outcome)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;

  (void) frame;
  if (argument != NULL && g_str_has_prefix (argument, "file:"))
    path = g_filename_from_uri (argument, NULL, &error);
  else if (argument != NULL)
    path = g_strdup (argument);
  else
    path = pick_narrative (document, &error);
  if (path == NULL && error != NULL)
    return outcome_fail (outcome, error);
  if (path == NULL)
    return outcome_set (outcome, FC_MESSAGE_INFO,
                        "未选择情况说明文档。\nNo narrative document was chosen.");
  if (*path != '\0' && !fc_narrative_doc_is_document (path))
    return outcome_set (outcome, FC_MESSAGE_WARNING,
                        "情况说明文档须为 .docx、.doc、.odt 或 .txt 文件。\n"
                        "The narrative must be a .docx, .doc, .odt or .txt file.");
  if (!fc_doc_narrative_choose (document, path, &error))
    return outcome_fail (outcome, error);
  fc_result_refresh (document);
  if (*path == '\0')
    return outcome_set (outcome, FC_MESSAGE_INFO,
                        "已取消所选情况说明文档，将核对工作簿旁的同名文档。\n"
                        "The chosen narrative is forgotten: the one beside the workbook is checked.");
  name = g_filename_display_basename (path);
  return outcome_set (outcome, FC_MESSAGE_INFO,
                      "情况说明文档：%s（请运行“审核工作簿”）\nNarrative document: %s (run Validate)",
                      name, name);
}

/* Help: the page in the UI language, opened in the system's browser;
 * headless, only named (the message says where it is). */
static gboolean
help (uno_Interface *frame, Outcome *outcome)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *url = NULL;
  gboolean opened = FALSE;

  if (!fc_help_open (frame, &url, &opened, &error))
    return url != NULL
             ? outcome_set (outcome, FC_MESSAGE_WARNING,
                            "无法打开帮助（%s），请用浏览器打开 %s\n"
                            "Cannot open the help (%s): open %s in a browser",
                            error->message, url, error->message, url)
             : outcome_fail (outcome, error);
  return outcome_set (outcome, FC_MESSAGE_INFO, "%s：%s\n%s: %s",
                      opened ? "已打开帮助" : "帮助页（无窗口，未打开）", url,
                      opened ? "Opened the help" : "The help page (no window, not opened)", url);
}

static gboolean
is_spreadsheet (uno_Interface *document)
{
  uno_Interface *spreadsheet = fc_uno_query (document, "com.sun.star.sheet.XSpreadsheetDocument",
                                             NULL);

  fc_uno_release (spreadsheet);
  return spreadsheet != NULL;
}

gboolean
fc_command_actions_run (uno_Interface *frame, FcCommand command, const char *argument,
                        char **message, FcMessageKind *kind)
{
  g_autoptr (GError) error = NULL;
  Outcome outcome = { NULL, FC_MESSAGE_INFO };
  uno_Interface *document;
  gboolean ok;

  if (command == FC_COMMAND_LIVE_STATS)
    {
      *message = fc_live_stats_to_json ();
      *kind = FC_MESSAGE_INFO;
      return TRUE;
    }
  if (command == FC_COMMAND_HELP) /* needs no document */
    {
      ok = help (frame, &outcome);
      *message = outcome.message;
      *kind = outcome.kind;
      return ok;
    }
  document = fc_calc_frame_model (frame, &error);
  if (document == NULL)
    ok = outcome_fail (&outcome, error);
  else if (!is_spreadsheet (document))
    ok = outcome_set (&outcome, FC_MESSAGE_WARNING,
                      "决算审核只适用于电子表格。\nFiscalCheck works on spreadsheets only.");
  else
    {
      fc_result_hold ();
      switch (command)
        {
        case FC_COMMAND_VALIDATE:
          ok = validate (frame, document, &outcome);
          break;
        case FC_COMMAND_NEXT_FINDING:
        case FC_COMMAND_PREVIOUS_FINDING:
          ok = next_finding (frame, document, command == FC_COMMAND_NEXT_FINDING, &outcome);
          break;
        case FC_COMMAND_CHOOSE_NARRATIVE:
          ok = choose_narrative (frame, document, argument, &outcome);
          break;
        case FC_COMMAND_CLEAR_MARKS:
        default:
          ok = clear_marks (document, &outcome);
          break;
        }
      fc_result_release ();
    }
  fc_uno_release (document);
  *message = outcome.message;
  *kind = outcome.kind;
  return ok;
}

/* fc-read-narrative.c — a developer's tool: the claims the engine reads in
 * a narrative text (one paragraph a line) or in the narrative sheet of a
 * .fods workbook, with the section and topic of each, and the workbook's
 * self-evaluation tables as read, so the vocabulary can be tried on a new
 * text.  Not a test.
 *
 *   tests/fc-read-narrative addin/rules/narrative.ini NARRATIVE.txt|WORKBOOK.fods
 */
#include <stdio.h>
#include <string.h>

#include "fc-claims.h"
#include "fc-fods.h"
#include "fc-selfeval.h"

static const char *const kinds[] = { "amount", "change", "rate", "same", "share", "completion",
                                     "compare", "projects", "grade", "eval-budget",
                                     "eval-average", "score" };
static const char *const roles[] = { "actual", "budget-initial", "budget-full", "prior" };

static void
print_topic (const FcTopic *t)
{
  switch (t->kind)
    {
    case FC_TOPIC_SUBJECT:
      printf ("%s", t->subject->id);
      break;
    case FC_TOPIC_CODE:
      printf ("codes:%s[%s|%s|%s] col %u", t->group->id, t->names[0] ? t->names[0] : "-",
              t->names[1] ? t->names[1] : "-", t->names[2] ? t->names[2] : "-", t->column);
      break;
    case FC_TOPIC_PROJECT:
      printf ("project:%s", t->project);
      break;
    }
}

static void
print_figure (const char *what, const FcEvalFigure *f)
{
  if (f->present)
    printf (" %s=%g(%u,%u)", what, f->value, f->row + 1, f->col + 1);
  else
    printf (" %s=?", what);
}

static void
print_selfevals (GPtrArray *evals)
{
  for (guint i = 0; i < evals->len; i++)
    {
      const FcSelfEval *e = g_ptr_array_index (evals, i);
      printf ("eval %s [%s] “%s” year %s:", e->name, fc_sheet_get_name (e->sheet), e->title,
              e->year ? e->year : "?");
      print_figure ("年初", &e->initial_budget);
      print_figure ("全年", &e->budget);
      print_figure ("执行", &e->spent);
      print_figure ("结余", &e->balance);
      print_figure ("执行率", &e->rate);
      print_figure ("得分", &e->score);
      printf (" dec %u\n    indicators:", e->amount_decimals);
      for (guint k = 0; k < e->indicators->len; k++)
        {
          const FcEvalIndicator *ind = &g_array_index (e->indicators, FcEvalIndicator, k);
          printf (" %g/%g", ind->score.value, ind->weight.value);
        }
      print_figure (" 总分", &e->total);
      printf (" %s%s%s\n", e->grade ? e->grade : "-", e->problem ? " PROBLEM " : "",
              e->problem ? e->problem : "");
    }
}

int
main (int argc, char **argv)
{
  if (argc != 3)
    {
      fprintf (stderr, "usage: %s VOCABULARY.ini NARRATIVE.txt\n", argv[0]);
      return 2;
    }
  g_autoptr (GError) error = NULL;
  g_autoptr (FcVocabulary) v = fc_vocabulary_new_from_file (argv[1], &error);
  g_autofree char *data = NULL;
  gsize len = 0;
  if (v == NULL || !g_file_get_contents (argv[2], &data, &len, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 2;
    }
  g_autoptr (FcNarrative) n = NULL;
  g_autoptr (GPtrArray) evals = NULL;
  g_autoptr (GPtrArray) names = g_ptr_array_new ();
  g_autoptr (FcWorkbook) wb = NULL;
  if (g_str_has_suffix (argv[2], ".fods"))
    {
      wb = fc_fods_read_data (data, len, &error);
      if (wb == NULL)
        {
          fprintf (stderr, "%s\n", error->message);
          return 2;
        }
      n = fc_narrative_from_workbook (wb, v, NULL);
      evals = fc_selfeval_recognize (wb, v);
      print_selfevals (evals);
      for (guint i = 0; i < evals->len; i++)
        g_ptr_array_add (names, ((FcSelfEval *) g_ptr_array_index (evals, i))->name);
      if (n == NULL)
        {
          printf ("no narrative in the workbook\n");
          return 0;
        }
    }
  else
    n = fc_narrative_new_from_text (data, (gssize) len, argv[2]);
  g_autoptr (FcClaims) c = fc_claims_read (n, v, names);
  for (guint i = 0; i < c->claims->len; i++)
    {
      const FcClaim *claim = &g_array_index (c->claims, FcClaim, i);
      g_autofree char *quote = fc_claims_quote (c, n, claim);
      printf ("%3u [%s s%u i%u] %-11s %-14s %s%g%s  ", claim->paragraph + 1,
              claim->section ? claim->section : "-", claim->sentence, claim->item,
              kinds[claim->kind], claim->kind == FC_CLAIM_AMOUNT ? roles[claim->role] : "",
              claim->direction > 0 ? "+" : claim->direction < 0 ? "-" : "", claim->value,
              claim->grade ? claim->grade : "");
      if (claim->topic >= 0)
        print_topic (g_ptr_array_index (c->topics, claim->topic));
      if (claim->whole >= 0)
        {
          printf (" of ");
          print_topic (g_ptr_array_index (c->topics, claim->whole));
        }
      printf ("  “%s”\n", quote);
    }
  return 0;
}

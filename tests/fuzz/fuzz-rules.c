/* fuzz-rules.c — the rule-file parser on any text: an engine or
 * FC_ERROR_RULE_SYNTAX naming name:line, never a crash (read after the
 * shipped catalogue, as a user's rules are); an engine it builds checks the
 * sample, so odd references meet real tables. */
#include "fc-fuzz.h"

#include <string.h>

#include "fc-rules.h"

int
fc_fuzz_rules (const uint8_t *data, size_t size)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FcEngine) engine = fc_fuzz_engine_from_rules ((const char *) data, size, &error);
  if ((engine == NULL) == (error == NULL))
    fc_fuzz_fail ("fc_engine_new_from_data: an engine and an error, or neither");
  if (engine == NULL)
    {
      if (!g_error_matches (error, FC_ERROR, FC_ERROR_RULE_SYNTAX)
          || !g_str_has_prefix (error->message, "fuzz.rules"))
        fc_fuzz_fail ("rule file error without FC_ERROR_RULE_SYNTAX and name: %s", error->message);
      return 0;
    }
  g_autoptr (GError) check_error = NULL;
  const FcWorkbook *sample = fc_fuzz_sample ();
  g_autoptr (FcReport) report = fc_engine_check (engine, sample, NULL, &check_error);
  /* catalogue entries of its own may rename every table */
  if (report == NULL && !g_error_matches (check_error, FC_ERROR, FC_ERROR_NO_TABLES))
    fc_fuzz_fail ("fc_engine_check: %s", check_error->message);
  if (report != NULL)
    fc_fuzz_check_report (sample, report);

  /* the same text as one check expression */
  g_autofree char *expression = g_strndup ((const char *) data, size);
  FcRule *rule = g_new0 (FcRule, 1);
  g_autoptr (GError) expression_error = NULL;
  if (!fc_rules_parse_expression (expression, rule, &expression_error)
      && !g_error_matches (expression_error, FC_ERROR, FC_ERROR_RULE_SYNTAX))
    fc_fuzz_fail ("expression error without FC_ERROR_RULE_SYNTAX: %s", expression_error->message);
  fc_rule_free (rule);
  return 0;
}

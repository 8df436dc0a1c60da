/* fc-filter-options.c — FilterOptions text both ways (see fc-filter-options.h). */
#include "fc-filter-options.h"

#include <string.h>

#include "fc-error.h"

#define KEY_RULES      "rules"
#define KEY_ONLY       "only"
#define KEY_MARKED     "marked"
#define KEY_NARRATIVES "narratives"
#define KEY_USER_RULES "user-rules"

void
fc_filter_options_clear (FcFilterOptions *options)
{
  g_clear_pointer (&options->rules, g_strfreev);
  g_clear_pointer (&options->only, g_free);
  g_clear_pointer (&options->marked_dir, g_free);
  options->narratives = FALSE;
  options->user_rules = FALSE;
}

/* Appends key=escaped value to parts unless value is NULL or empty. */
static void
add_pair (GPtrArray *parts, const char *key, const char *value)
{
  g_autofree char *escaped = NULL;

  if (value == NULL || *value == '\0')
    return;
  escaped = g_uri_escape_string (value, NULL, FALSE);
  g_ptr_array_add (parts, g_strconcat (key, "=", escaped, NULL));
}

char *
fc_filter_options_encode (const FcFilterOptions *options)
{
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  for (char **p = options->rules; p != NULL && *p != NULL; p++)
    add_pair (parts, KEY_RULES, *p);
  add_pair (parts, KEY_ONLY, options->only);
  add_pair (parts, KEY_MARKED, options->marked_dir);
  if (options->narratives)
    add_pair (parts, KEY_NARRATIVES, "1");
  add_pair (parts, KEY_USER_RULES, options->user_rules ? "1" : "0");
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (";", (char **) parts->pdata);
}

/* *dest = *value, the last of repeated keys winning (steals *value). */
static void
replace (char **dest, char **value)
{
  g_free (*dest);
  *dest = g_steal_pointer (value);
}

gboolean
fc_filter_options_decode (const char *text, FcFilterOptions *options, GError **error)
{
  g_autoptr (GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_auto (GStrv) pairs = g_strsplit (text != NULL ? text : "", ";", -1);

  options->user_rules = TRUE;
  for (char **p = pairs; *p != NULL; p++)
    {
      const char *eq = strchr (*p, '=');
      g_autofree char *key = NULL;
      g_autofree char *value = NULL;

      if (**p == '\0' || eq == NULL)
        continue;
      key = g_strndup (*p, (gsize) (eq - *p));
      value = g_uri_unescape_string (eq + 1, NULL);
      if (value == NULL || !g_utf8_validate (value, -1, NULL))
        {
          g_set_error (error, FC_ERROR, FC_ERROR_READ,
                       "FiscalCheck filter options: bad value in \"%s\"", *p);
          return FALSE;
        }
      if (strcmp (key, KEY_RULES) == 0)
        g_ptr_array_add (files, g_steal_pointer (&value));
      else if (strcmp (key, KEY_ONLY) == 0)
        replace (&options->only, &value);
      else if (strcmp (key, KEY_MARKED) == 0)
        replace (&options->marked_dir, &value);
      else if (strcmp (key, KEY_NARRATIVES) == 0 || strcmp (key, KEY_USER_RULES) == 0)
        {
          if (strcmp (value, "0") != 0 && strcmp (value, "1") != 0)
            {
              g_set_error (error, FC_ERROR, FC_ERROR_READ,
                           "FiscalCheck filter options: %s is 0 or 1, not \"%s\"", key, value);
              return FALSE;
            }
          *(strcmp (key, KEY_NARRATIVES) == 0 ? &options->narratives : &options->user_rules)
            = value[0] == '1';
        }
    }
  g_ptr_array_add (files, NULL);
  g_strfreev (options->rules);
  options->rules = (char **) g_ptr_array_steal (files, NULL);
  return TRUE;
}

/* fc-text.h — texts folded for comparison, the way finance staff read
 * labels: spaces, quotes and full-width forms do not matter, nor does a
 * leading enumeration ("一、", "(一)", "1.").
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* text without white space or quotes, full-width ASCII as ASCII; "" for
 * NULL or invalid UTF-8 (transfer full). */
char *fc_text_fold (const char *text);

/* fc_text_fold, then a leading enumeration removed (transfer full). */
char *fc_text_normalize (const char *text);

/* TRUE when normalized equals one of words (NULL-terminated). */
gboolean fc_text_is_one_of (const char *normalized, const char *const *words);

/* TRUE when text contains one of words. */
gboolean fc_text_contains_any (const char *text, const char *const *words);

/* FALSE when folding text cannot give a text that holds one of words
 * (folded, non-empty, NULL-terminated) — a cheap test before folding: the
 * first character of a word that folding copies as it is must be in text
 * as written.  TRUE means maybe. */
gboolean fc_text_may_fold_to_any (const char *text, const char *const *words);

/* TRUE when text starts with one of words. */
gboolean fc_text_starts_with_any (const char *text, const char *const *words);

G_END_DECLS

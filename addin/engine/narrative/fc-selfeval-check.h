/* fc-selfeval-check.h — the self-evaluation rules (kind self-evaluation):
 * each project self-evaluation table against itself — its layout, its
 * total, its rate, its balance, its score and its grade.
 */
#pragma once

#include "fc-check.h"

G_BEGIN_DECLS

/* Runs rule (kind self-evaluation) over every self-evaluation table of the
 * facts on the context; nothing happens without facts. */
void fc_selfeval_check (FcCheckContext *context, const FcRule *rule);

G_END_DECLS

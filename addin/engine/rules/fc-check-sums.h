/* fc-check-sums.h — the rules that add figures up: an identity or
 * inequality between cells (kind check, per code, row or column where the
 * rule iterates) and a code hierarchy (kind hierarchy: 合计 = Σ 类,
 * 类 = Σ 款, 款 = Σ 项).
 */
#pragma once

#include "fc-check.h"

G_BEGIN_DECLS

/* Each runs rule (of its kind) over the context's tables, reporting. */
void fc_check_expression (FcCheckContext *c, const FcRule *rule);
void fc_check_hierarchy (FcCheckContext *c, const FcRule *rule);

G_END_DECLS

/* fc-check-package.h — the rules about the package as a whole: every
 * table present once and numbered as its set numbers it, a code named
 * alike in every table and with its parents, empty tables explained, no
 * template instruction left, 部门名称, year and unit agreeing across tables.
 */
#pragma once

#include "fc-check.h"

G_BEGIN_DECLS

/* Each runs rule (of its kind) over the context's tables, reporting. */
void fc_check_presence (FcCheckContext *c, const FcRule *rule);
void fc_check_table_number (FcCheckContext *c, const FcRule *rule);
void fc_check_code_names (FcCheckContext *c, const FcRule *rule);
void fc_check_code_parents (FcCheckContext *c, const FcRule *rule);
void fc_check_empty_explained (FcCheckContext *c, const FcRule *rule);
void fc_check_instructions (FcCheckContext *c, const FcRule *rule);
void fc_check_header_agreement (FcCheckContext *c, const FcRule *rule);
void fc_check_unit_agreement (FcCheckContext *c, const FcRule *rule);

G_END_DECLS

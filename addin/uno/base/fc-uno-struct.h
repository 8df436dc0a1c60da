/* fc-uno-struct.h — building and reading UNO struct values (CellAddress,
 * CellRangeAddress, DispatchResultEvent …) from C by member name, with the
 * layout taken from the type description, never hard-coded.
 */
#pragma once

#include "fc-uno.h"

G_BEGIN_DECLS

/* A UNO struct value together with its type. */
typedef struct {
  typelib_TypeDescription *type;
  void *data; /* constructed value of type */
} FcUnoStruct;

/* A default-constructed value of the named struct type, or NULL with
 * FC_UNO_ERROR_TYPE (transfer full: fc_uno_struct_free). */
FcUnoStruct *fc_uno_struct_new (const char *type_name, GError **error);
void fc_uno_struct_free (FcUnoStruct *value);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FcUnoStruct, fc_uno_struct_free)

/* A short or long member as a gint; FALSE when there is no such member. */
gboolean fc_uno_struct_get_int (const FcUnoStruct *value, const char *name, gint *out);
gboolean fc_uno_struct_set_int (FcUnoStruct *value, const char *name, gint in);
/* Assigns a member from src, a pointer to a value of the member's own type
 * (an rtl_uString **, a uno_Interface ** , a uno_Any *, a struct …); the
 * struct takes its own references. */
gboolean fc_uno_struct_set (FcUnoStruct *value, const char *name, void *src);
/* The address of a member inside the value (transfer none), or NULL. */
void *fc_uno_struct_member_data (const FcUnoStruct *value, const char *name);

/* In seq, a sequence of type_name structs with a Name and a Value
 * (com.sun.star.beans.PropertyValue, NamedValue), the Value of the first
 * named name (transfer none: it lives in seq), or NULL. */
const uno_Any *fc_uno_struct_seq_lookup (const uno_Sequence *seq, const char *type_name,
                                         const char *name);

G_END_DECLS

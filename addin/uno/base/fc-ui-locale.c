/* fc-ui-locale.c — the office's UI language (see fc-ui-locale.h). */
#include "fc-ui-locale.h"

#include "fc-service-manager.h"
#include "fc-uno-struct.h"

/* /org.openoffice.Setup/L10N/ooLocale through the configuration (transfer
 * full), or NULL. */
static char *
office_locale (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FcUnoStruct) pv = fc_uno_struct_new ("com.sun.star.beans.PropertyValue", &error);
  uno_Interface *provider = fc_service_manager_create ("com.sun.star.configuration.ConfigurationProvider",
                                                 &error);
  uno_Interface *access = NULL;
  typelib_TypeDescription *seq_td = fc_uno_type_get ("[]any", &error);
  rtl_uString *service = fc_uno_string_new ("com.sun.star.configuration.ConfigurationAccess");
  rtl_uString *name = fc_uno_string_new ("nodepath");
  rtl_uString *key = fc_uno_string_new ("ooLocale");
  uno_Sequence *seq = NULL;
  uno_Any path, item, value;
  void *create_args[2] = { &service, &seq };
  void *get_args[1] = { &key };
  char *locale = NULL;

  fc_uno_any_set_string (&path, "/org.openoffice.Setup/L10N");
  if (pv != NULL && provider != NULL && seq_td != NULL
      && fc_uno_struct_set (pv, "Name", &name) && fc_uno_struct_set (pv, "Value", &path))
    {
      uno_type_any_construct (&item, pv->data, pv->type->pWeakRef, NULL);
      uno_type_sequence_construct (&seq, seq_td->pWeakRef, &item, 1, NULL);
      uno_any_destruct (&item, NULL);
      if (fc_uno_query_call (provider, "com.sun.star.lang.XMultiServiceFactory",
                             "createInstanceWithArguments", &access, create_args, &error)
          && access != NULL
          && fc_uno_query_call (access, "com.sun.star.container.XNameAccess", "getByName", &value,
                                get_args, &error))
        {
          if (value.pType->eTypeClass == typelib_TypeClass_STRING)
            locale = fc_uno_string_to_utf8 (*(rtl_uString **) value.pData);
          uno_any_destruct (&value, NULL);
        }
      uno_type_destructData (&seq, seq_td->pWeakRef, NULL);
    }
  if (error != NULL)
    g_debug ("FiscalCheck: no UI locale from the configuration: %s", error->message);
  uno_any_destruct (&path, NULL);
  rtl_uString_release (key);
  rtl_uString_release (name);
  rtl_uString_release (service);
  if (seq_td != NULL)
    typelib_typedescription_release (seq_td);
  fc_uno_release (access);
  fc_uno_release (provider);
  return locale;
}

static gpointer
read_locale (gpointer data)
{
  g_autofree char *locale = office_locale ();
  const char *const *names = g_get_language_names ();

  (void) data;
  if (locale != NULL && *locale != '\0')
    return GINT_TO_POINTER (g_str_has_prefix (locale, "zh") ? 2 : 1);
  return GINT_TO_POINTER (names[0] != NULL && g_str_has_prefix (names[0], "zh") ? 2 : 1);
}

gboolean
fc_ui_locale_is_chinese (void)
{
  /* UNO forces this global: one office, one UI language until it restarts */
  static GOnce once = G_ONCE_INIT;

  return GPOINTER_TO_INT (g_once (&once, read_locale, NULL)) == 2;
}

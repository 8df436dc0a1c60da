/* fc-help.c — the help page and its opening (see fc-help.h). */
#include "fc-help.h"

#include "fc-message.h"
#include "fc-rules-location.h"
#include "fc-service-manager.h"
#include "fc-ui-locale.h"

#define EXTENSION_ID "org.fiscalcheck.FiscalCheck"
#define PIP_SINGLETON "/singletons/com.sun.star.deployment.PackageInformationProvider"
#define URIS_ONLY 2 /* com.sun.star.system.SystemShellExecuteFlags */

/* The installed extension's folder as a URL, from the
 * PackageInformationProvider (transfer full), or NULL with an error. */
static char *
location_from_office (GError **error)
{
  uno_Interface *manager = fc_service_manager_get ();
  uno_Interface *context = NULL;
  uno_Interface *provider = NULL;
  rtl_uString *name = fc_uno_string_new ("DefaultContext");
  rtl_uString *singleton = fc_uno_string_new (PIP_SINGLETON);
  rtl_uString *id = fc_uno_string_new (EXTENSION_ID);
  rtl_uString *location = NULL;
  uno_Any any;
  char *url = NULL;
  void *name_args[1] = { &name };
  void *singleton_args[1] = { &singleton };
  void *id_args[1] = { &id };

  if (manager == NULL)
    g_set_error (error, FC_UNO_ERROR, FC_UNO_ERROR_VALUE, "no service manager");
  else if (fc_uno_query_call (manager, "com.sun.star.beans.XPropertySet", "getPropertyValue",
                              &any, name_args, error))
    {
      context = fc_uno_query (fc_uno_any_get_interface (&any),
                              "com.sun.star.uno.XComponentContext", error);
      uno_any_destruct (&any, NULL);
    }
  if (context != NULL
      && fc_uno_call (context, "com.sun.star.uno.XComponentContext", "getValueByName", &any,
                      singleton_args, error))
    {
      uno_Interface *held = fc_uno_any_get_interface (&any);

      provider = held != NULL ? fc_uno_query (held,
                                              "com.sun.star.deployment.XPackageInformationProvider",
                                              error)
                              : NULL;
      if (held == NULL)
        g_set_error (error, FC_UNO_ERROR, FC_UNO_ERROR_VALUE, "no %s", PIP_SINGLETON);
      uno_any_destruct (&any, NULL);
    }
  if (provider != NULL
      && fc_uno_call (provider, "com.sun.star.deployment.XPackageInformationProvider",
                      "getPackageLocation", &location, id_args, error))
    {
      url = fc_uno_string_to_utf8 (location);
      rtl_uString_release (location);
      if (*url == '\0')
        {
          g_clear_pointer (&url, g_free);
          g_set_error (error, FC_UNO_ERROR, FC_UNO_ERROR_VALUE, "%s is not installed",
                       EXTENSION_ID);
        }
    }
  fc_uno_release (provider);
  fc_uno_release (context);
  fc_uno_release (manager);
  rtl_uString_release (id);
  rtl_uString_release (singleton);
  rtl_uString_release (name);
  return url;
}

/* The extension's folder as a URL from where this library was loaded,
 * as the shipped rules are found (transfer full), or NULL with an error. */
static char *
location_from_library (GError **error)
{
  g_autofree char *rules = fc_rules_location_shipped (error);
  g_autofree char *rules_dir = rules != NULL ? g_path_get_dirname (rules) : NULL;
  g_autofree char *extension = rules_dir != NULL ? g_path_get_dirname (rules_dir) : NULL;

  return extension != NULL ? g_filename_to_uri (extension, NULL, error) : NULL;
}

char *
fc_help_page_url (const char *page, const char *lang, GError **error)
{
  g_autoptr (GError) office_error = NULL;
  g_autofree char *location = location_from_office (&office_error);
  g_autofree char *url = NULL;
  g_autofree char *path = NULL;

  if (location == NULL)
    {
      g_debug ("help: %s; using the library's folder", office_error->message);
      location = location_from_library (error);
      if (location == NULL)
        return NULL;
    }
  url = g_strdup_printf ("%s/help-html/%s/%s.html", location, lang, page);
  path = g_filename_from_uri (url, NULL, error);
  if (path == NULL)
    return NULL;
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT,
                   "帮助页不在扩展中 / the help page is missing: %s", path);
      return NULL;
    }
  return g_steal_pointer (&url);
}

/* Asks the system to show url (SystemShellExecute, URIS_ONLY). */
static gboolean
shell_open (const char *url, GError **error)
{
  uno_Interface *shell = fc_service_manager_create ("com.sun.star.system.SystemShellExecute",
                                                    error);
  rtl_uString *command = fc_uno_string_new (url);
  rtl_uString *parameters = fc_uno_string_new ("");
  sal_Int32 flags = URIS_ONLY;
  void *args[3] = { &command, &parameters, &flags };
  gboolean ok = shell != NULL
                && fc_uno_query_call (shell, "com.sun.star.system.XSystemShellExecute",
                                      "execute", NULL, args, error);

  rtl_uString_release (parameters);
  rtl_uString_release (command);
  fc_uno_release (shell);
  return ok;
}

gboolean
fc_help_open (uno_Interface *frame, char **url, gboolean *opened, GError **error)
{
  *opened = FALSE;
  *url = fc_help_page_url ("index", fc_ui_locale_is_chinese () ? "zh-CN" : "en-US", error);
  if (*url == NULL)
    return FALSE;
  if (!fc_message_has_window (frame))
    return TRUE;
  *opened = shell_open (*url, error);
  return *opened;
}

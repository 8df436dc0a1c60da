/* fc-cli-profile.c — cached, locked office profiles (see fc-cli-profile.h).
 *
 * Layout of the cache directory:
 *   slot-N.lock    flock()ed while a command uses slot N (ours)
 *   slot-N.stamp   SHA-256 of the .oxt installed in slot N (ours)
 *   slot-N/        the office user's: user/ (the profile), home/, fiscalcheck.oxt
 */
#include "fc-cli-profile.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "fc-cli-error.h"
#include "fc-cli-fs.h"
#include "fc-cli-office.h"

/* Slots beyond this many are not tried: something is wrong by then. */
#define MAX_SLOTS 256
#define UNOPKG_TIMEOUT_S 300

struct _FcCliProfile {
  int lock_fd;
  char *url;
  char *home;
};

char *
fc_cli_profile_cache_dir (const FcCliUser *user)
{
  const char *env = g_getenv ("FISCALCHECK_CACHE_DIR");

  if (env != NULL && *env != '\0')
    return g_strdup (env);
  if (user->drop)
    return g_strdup ("/var/cache/fiscalcheck");
  return g_build_filename (g_get_user_cache_dir (), "fiscalcheck", NULL);
}

/* SHA-256 of a file (transfer full), or NULL. */
static char *
file_digest (const char *path, GError **error)
{
  g_autofree char *data = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &data, &length, error))
    return NULL;
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, length);
}

/* Wipes slot_dir and installs oxt into a new profile there. */
static gboolean
install (const FcCliUser *user, const char *slot_dir, const char *oxt, const char *unopkg,
         GError **error)
{
  g_autofree char *profile = g_build_filename (slot_dir, "user", NULL);
  g_autofree char *home = g_build_filename (slot_dir, "home", NULL);
  g_autofree char *copy = g_build_filename (slot_dir, "fiscalcheck.oxt", NULL);
  g_autofree char *log = g_build_filename (slot_dir, "unopkg.log", NULL);
  g_autofree char *url = g_filename_to_uri (profile, NULL, error);
  g_autofree char *env_arg = NULL;
  int status = 0;

  if (url == NULL || !fc_cli_remove_tree (slot_dir, error)
      || !fc_cli_user_mkdir (user, slot_dir, error) || !fc_cli_user_mkdir (user, home, error)
      || !fc_cli_user_copy (user, oxt, copy, error))
    return FALSE;
  env_arg = g_strconcat ("-env:UserInstallation=", url, NULL);
  {
    const char *argv[] = { unopkg, "add", "--suppress-license", env_arg, copy, NULL };

    if (!fc_cli_office_run (user, argv, home, log, UNOPKG_TIMEOUT_S, &status, error))
      return FALSE;
  }
  if (!g_spawn_check_wait_status (status, NULL))
    {
      g_autofree char *tail = fc_cli_office_log_tail (log);

      g_set_error (error, FC_CLI_ERROR, FC_CLI_ERROR_OFFICE,
                   "无法安装扩展 / unopkg add %s failed:\n%s", oxt, tail);
      return FALSE;
    }
  return TRUE;
}

/* Locks slot index if it is free: the lock fd, or -1. */
static int
try_lock (const char *cache_dir, guint index, GError **error)
{
  g_autofree char *name = g_strdup_printf ("slot-%u.lock", index);
  g_autofree char *path = g_build_filename (cache_dir, name, NULL);
  int fd = g_open (path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);

  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, FC_CLI_ERROR, FC_CLI_ERROR_SYSTEM, "%s: %s", path, g_strerror (saved));
      return -1;
    }
  if (flock (fd, LOCK_EX | LOCK_NB) != 0)
    {
      g_close (fd, NULL);
      return -1;
    }
  return fd;
}

/* Makes slot index hold the profile for oxt (digest), installing if needed. */
static FcCliProfile *
prepare_slot (const FcCliUser *user, const char *cache_dir, guint index, int lock_fd,
              const char *oxt, const char *digest, const char *unopkg, GError **error)
{
  g_autofree char *name = g_strdup_printf ("slot-%u", index);
  g_autofree char *slot_dir = g_build_filename (cache_dir, name, NULL);
  g_autofree char *stamp_name = g_strdup_printf ("slot-%u.stamp", index);
  g_autofree char *stamp = g_build_filename (cache_dir, stamp_name, NULL);
  g_autofree char *installed = NULL;
  g_autofree char *profile = g_build_filename (slot_dir, "user", NULL);
  FcCliProfile *result;

  if (!g_file_get_contents (stamp, &installed, NULL, NULL) || g_strcmp0 (installed, digest) != 0
      || !g_file_test (profile, G_FILE_TEST_IS_DIR))
    {
      g_unlink (stamp); /* a failed install must not look finished */
      if (!install (user, slot_dir, oxt, unopkg, error)
          || !g_file_set_contents (stamp, digest, -1, error))
        {
          g_close (lock_fd, NULL);
          return NULL;
        }
    }
  result = g_new0 (FcCliProfile, 1);
  result->lock_fd = lock_fd;
  result->url = g_filename_to_uri (profile, NULL, NULL);
  result->home = g_build_filename (slot_dir, "home", NULL);
  return result;
}

GPtrArray *
fc_cli_profiles_acquire (const FcCliUser *user, const char *cache_dir, const char *oxt,
                         const char *unopkg, guint n, GError **error)
{
  g_autoptr (GPtrArray) profiles = g_ptr_array_new_with_free_func ((GDestroyNotify) fc_cli_profile_free);
  g_autofree char *digest = file_digest (oxt, error);

  if (digest == NULL)
    {
      g_prefix_error (error, "扩展包 / extension package: ");
      return NULL;
    }
  if (g_mkdir_with_parents (cache_dir, 0755) != 0)
    {
      int saved = errno;

      g_set_error (error, FC_CLI_ERROR, FC_CLI_ERROR_SYSTEM, "%s: %s", cache_dir,
                   g_strerror (saved));
      return NULL;
    }
  for (guint index = 0; profiles->len < n && index < MAX_SLOTS; index++)
    {
      GError *lock_error = NULL;
      int fd = try_lock (cache_dir, index, &lock_error);
      FcCliProfile *profile;

      if (lock_error != NULL)
        {
          g_propagate_error (error, lock_error);
          return NULL;
        }
      if (fd < 0)
        continue; /* another command is using this slot */
      profile = prepare_slot (user, cache_dir, index, fd, oxt, digest, unopkg, error);
      if (profile == NULL)
        return NULL;
      g_ptr_array_add (profiles, profile);
    }
  if (profiles->len < n)
    {
      g_set_error (error, FC_CLI_ERROR, FC_CLI_ERROR_SYSTEM,
                   "%s: all %d profile slots are in use", cache_dir, MAX_SLOTS);
      return NULL;
    }
  return g_steal_pointer (&profiles);
}

const char *
fc_cli_profile_get_url (const FcCliProfile *profile)
{
  return profile->url;
}

const char *
fc_cli_profile_get_home (const FcCliProfile *profile)
{
  return profile->home;
}

void
fc_cli_profile_free (FcCliProfile *profile)
{
  if (profile == NULL)
    return;
  g_close (profile->lock_fd, NULL); /* releases the flock */
  g_free (profile->url);
  g_free (profile->home);
  g_free (profile);
}

/* fc-cli-profile.c — cached, locked office profiles (see fc-cli-profile.h).
 *
 * Layout of the cache directory:
 *   slot-N.lock    flock()ed while a command uses slot N (ours)
 *   slot-N.stamp   SHA-256 of the .oxt installed in slot N and the unopkg
 *                  that installed it (ours): a profile belongs to one office
 *                  (7.4 and 25.2 side by side must not share one)
 *   slot-N/        the office user's: user/ (the profile), home/, fiscalcheck.oxt
 */
#include "fc-cli-profile.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
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

/* A locked slot on its way to becoming a profile. */
typedef struct {
  int lock_fd;
  char *dir;        /* slot-N/ */
  char *stamp;      /* slot-N.stamp */
  char *env_arg;    /* -env:UserInstallation=file:///…/slot-N/user */
  char *oxt_copy;   /* slot-N/fiscalcheck.oxt */
  char *log;        /* slot-N/unopkg.log */
  gboolean stale;   /* needs the extension (re)installed */
} Slot;

static void
slot_free (Slot *slot)
{
  if (slot->lock_fd >= 0)
    g_close (slot->lock_fd, NULL);
  g_free (slot->dir);
  g_free (slot->stamp);
  g_free (slot->env_arg);
  g_free (slot->oxt_copy);
  g_free (slot->log);
  g_free (slot);
}

/* Locks slot index if it is free: NULL with no error when another command
 * has it (transfer full). */
static Slot *
slot_lock (const char *cache_dir, guint index, const char *digest, GError **error)
{
  g_autofree char *lock_name = g_strdup_printf ("slot-%u.lock", index);
  g_autofree char *lock_path = g_build_filename (cache_dir, lock_name, NULL);
  g_autofree char *name = g_strdup_printf ("slot-%u", index);
  g_autofree char *stamp_name = g_strdup_printf ("slot-%u.stamp", index);
  g_autofree char *installed = NULL;
  g_autofree char *profile = NULL;
  g_autofree char *url = NULL;
  int fd = g_open (lock_path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
  Slot *slot;

  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, FC_CLI_ERROR, FC_CLI_ERROR_SYSTEM, "%s: %s", lock_path,
                   g_strerror (saved));
      return NULL;
    }
  if (flock (fd, LOCK_EX | LOCK_NB) != 0)
    {
      g_close (fd, NULL);
      return NULL;
    }
  slot = g_new0 (Slot, 1);
  slot->lock_fd = fd;
  slot->dir = g_build_filename (cache_dir, name, NULL);
  slot->stamp = g_build_filename (cache_dir, stamp_name, NULL);
  slot->oxt_copy = g_build_filename (slot->dir, "fiscalcheck.oxt", NULL);
  slot->log = g_build_filename (slot->dir, "unopkg.log", NULL);
  profile = g_build_filename (slot->dir, "user", NULL);
  url = g_filename_to_uri (profile, NULL, NULL);
  slot->env_arg = g_strconcat ("-env:UserInstallation=", url, NULL);
  slot->stale = !g_file_get_contents (slot->stamp, &installed, NULL, NULL)
                || g_strcmp0 (installed, digest) != 0
                || !g_file_test (profile, G_FILE_TEST_IS_DIR);
  return slot;
}

/* Wipes the slot and puts a copy of oxt the office user can read in it. */
static gboolean
slot_reset (const FcCliUser *user, Slot *slot, const char *oxt, GError **error)
{
  g_autofree char *home = g_build_filename (slot->dir, "home", NULL);

  g_unlink (slot->stamp); /* a failed install must not look finished */
  return fc_cli_remove_tree (slot->dir, error) && fc_cli_user_mkdir (user, slot->dir, error)
         && fc_cli_user_mkdir (user, home, error) && fc_cli_user_copy (user, oxt, slot->oxt_copy, error);
}

/* Installs oxt into every stale slot, all unopkg runs side by side (each
 * takes most of a second), and stamps them. */
static gboolean
install_stale (const FcCliUser *user, GPtrArray *slots, const char *oxt, const char *unopkg,
               const char *digest, GError **error)
{
  g_autoptr (GPtrArray) stale = g_ptr_array_new ();
  g_autoptr (GPtrArray) argvs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) homes = g_ptr_array_new_with_free_func (g_free);
  g_autofree FcCliOfficeJob *jobs = NULL;

  for (guint i = 0; i < slots->len; i++)
    if (((Slot *) slots->pdata[i])->stale)
      g_ptr_array_add (stale, slots->pdata[i]);
  if (stale->len == 0)
    return TRUE;
  jobs = g_new0 (FcCliOfficeJob, stale->len);
  for (guint i = 0; i < stale->len; i++)
    {
      Slot *slot = stale->pdata[i];
      const char **argv = g_new0 (const char *, 6);

      if (!slot_reset (user, slot, oxt, error))
        return FALSE;
      argv[0] = unopkg;
      argv[1] = "add";
      argv[2] = "--suppress-license";
      argv[3] = slot->env_arg;
      argv[4] = slot->oxt_copy;
      g_ptr_array_add (argvs, argv);
      g_ptr_array_add (homes, g_build_filename (slot->dir, "home", NULL));
      jobs[i].argv = argv;
      jobs[i].home = homes->pdata[i];
      jobs[i].log_path = slot->log;
    }
  if (!fc_cli_office_run_all (user, jobs, stale->len, UNOPKG_TIMEOUT_S, error))
    return FALSE;
  for (guint i = 0; i < stale->len; i++)
    {
      Slot *slot = stale->pdata[i];

      if (!g_spawn_check_wait_status (jobs[i].wait_status, NULL))
        {
          g_autofree char *tail = fc_cli_office_log_tail (slot->log);

          g_set_error (error, FC_CLI_ERROR, FC_CLI_ERROR_OFFICE,
                       "无法安装扩展 / unopkg add %s failed:\n%s", oxt, tail);
          return FALSE;
        }
      if (!g_file_set_contents (slot->stamp, digest, -1, error))
        return FALSE;
      slot->stale = FALSE;
    }
  return TRUE;
}

GPtrArray *
fc_cli_profiles_acquire (const FcCliUser *user, const char *cache_dir, const char *oxt,
                         const char *unopkg, guint n, GError **error)
{
  g_autoptr (GPtrArray) slots = g_ptr_array_new_with_free_func ((GDestroyNotify) slot_free);
  g_autoptr (GPtrArray) profiles = NULL;
  g_autofree char *oxt_digest = file_digest (oxt, error);
  g_autofree char *digest = NULL;

  if (oxt_digest == NULL)
    {
      g_prefix_error (error, "扩展包 / extension package: ");
      return NULL;
    }
  digest = g_strconcat (oxt_digest, " ", unopkg, NULL);
  if (g_mkdir_with_parents (cache_dir, 0755) != 0)
    {
      int saved = errno;

      g_set_error (error, FC_CLI_ERROR, FC_CLI_ERROR_SYSTEM, "%s: %s", cache_dir,
                   g_strerror (saved));
      return NULL;
    }
  for (guint index = 0; slots->len < n && index < MAX_SLOTS; index++)
    {
      GError *lock_error = NULL;
      Slot *slot = slot_lock (cache_dir, index, digest, &lock_error);

      if (lock_error != NULL)
        {
          g_propagate_error (error, lock_error);
          return NULL;
        }
      if (slot != NULL) /* else another command is using it */
        g_ptr_array_add (slots, slot);
    }
  if (slots->len < n)
    {
      g_set_error (error, FC_CLI_ERROR, FC_CLI_ERROR_SYSTEM,
                   "%s: all %d profile slots are in use", cache_dir, MAX_SLOTS);
      return NULL;
    }
  if (!install_stale (user, slots, oxt, unopkg, digest, error))
    return NULL;

  profiles = g_ptr_array_new_with_free_func ((GDestroyNotify) fc_cli_profile_free);
  for (guint i = 0; i < slots->len; i++)
    {
      Slot *slot = slots->pdata[i];
      FcCliProfile *profile = g_new0 (FcCliProfile, 1);

      profile->lock_fd = slot->lock_fd; /* the lock moves to the profile */
      slot->lock_fd = -1;
      profile->url = g_strdup (slot->env_arg + strlen ("-env:UserInstallation="));
      profile->home = g_build_filename (slot->dir, "home", NULL);
      g_ptr_array_add (profiles, profile);
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

/* test-glibc-compat.c — the add-in's route to old glibc versions
 * (addin/uno/base/fc-glibc-compat.c) does what the new versions do.  Linked
 * like the add-in (GLib static, every listed symbol --wrap'ed), so each call
 * below goes through a __wrap_ function to the symbol's oldest version; the
 * aarch64 build runs it under qemu. */
#include <check.h>
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

int close_range (unsigned int first, unsigned int last, int flags); /* <unistd.h> hides it */

START_TEST (test_pow_dladdr)
{
  volatile double x = 2.0, y = 10.0; /* not folded at compile time */
  ck_assert (pow (x, y) == 1024.0);
  ck_assert (fabs (pow (x, 0.5) - 1.4142135623730951) < 1e-15);

  Dl_info info = { 0 };
  ck_assert_int_ne (dladdr ((void *) g_strdup, &info), 0);
  ck_assert_ptr_nonnull (info.dli_fname);
}
END_TEST

/* stat, lstat, fstat through __xstat64 with the right version number: a
 * wrong one gives EINVAL. */
START_TEST (test_stat)
{
  g_autofree char *dir = g_dir_make_tmp ("fc-compat-XXXXXX", NULL);
  g_autofree char *file = g_build_filename (dir, "f", NULL);
  g_autofree char *link = g_build_filename (dir, "l", NULL);
  struct stat st;

  ck_assert (g_file_set_contents (file, "12345", 5, NULL));
  ck_assert_int_eq (symlink (file, link), 0);
  ck_assert_int_eq (stat (link, &st), 0);
  ck_assert (S_ISREG (st.st_mode));
  ck_assert_int_eq (st.st_size, 5);
  ck_assert_int_eq (lstat (link, &st), 0);
  ck_assert (S_ISLNK (st.st_mode));
  int fd = open (file, O_RDONLY);
  ck_assert_int_ge (fd, 0);
  ck_assert_int_eq (fstat (fd, &st), 0);
  ck_assert_int_eq (st.st_size, 5);
  ck_assert (g_file_test (dir, G_FILE_TEST_IS_DIR));
  ck_assert (!g_file_test (file, G_FILE_TEST_IS_DIR));
  errno = 0;
  ck_assert_int_eq (stat ("/nonexistent/fc", &st), -1);
  ck_assert_int_eq (errno, ENOENT);

  /* close_range is the bare system call: it closes, or says ENOSYS */
  int copy = dup (fd);
  ck_assert_int_ge (copy, 0);
  if (close_range ((unsigned) copy, (unsigned) copy, 0) == 0)
    ck_assert_int_eq (fcntl (copy, F_GETFD), -1);
  else
    {
      ck_assert_int_eq (errno, ENOSYS);
      close (copy);
    }
  close (fd);
  g_unlink (link);
  g_unlink (file);
  g_rmdir (dir);
}
END_TEST

static GPrivate slot = G_PRIVATE_INIT (g_free);
static GRWLock rw;
static GRecMutex rec;

static gpointer
worker (gpointer data)
{
  g_private_set (&slot, data); /* freed at the thread's end */
  g_rw_lock_reader_lock (&rw);
  g_rw_lock_reader_unlock (&rw);
  g_rec_mutex_lock (&rec);
  g_rec_mutex_lock (&rec);
  g_rec_mutex_unlock (&rec);
  g_rec_mutex_unlock (&rec);
  return g_strdup (g_private_get (&slot));
}

/* GLib's threads: pthread_create, join, keys, rwlocks, recursive mutexes
 * (mutexattr), the thread's name; and the plain calls GLib makes. */
START_TEST (test_threads)
{
  GThread *threads[4];
  char name[16];

  for (int i = 0; i < 4; i++)
    {
      g_snprintf (name, sizeof name, "fc-%d", i);
      threads[i] = g_thread_new (name, worker, g_strdup (name));
    }
  for (int i = 0; i < 4; i++)
    {
      g_autofree char *got = g_thread_join (threads[i]);
      g_snprintf (name, sizeof name, "fc-%d", i);
      ck_assert_str_eq (got, name);
    }

  g_rw_lock_writer_lock (&rw);
  ck_assert (!g_rw_lock_reader_trylock (&rw));
  g_rw_lock_writer_unlock (&rw);
  ck_assert (g_rw_lock_writer_trylock (&rw));
  g_rw_lock_writer_unlock (&rw);

  pthread_mutex_t mutex = PTHREAD_MUTEX_INITIALIZER;
  ck_assert_int_eq (pthread_mutex_trylock (&mutex), 0);
  ck_assert_int_eq (pthread_mutex_trylock (&mutex), EBUSY);
  pthread_mutex_unlock (&mutex);

  sigset_t set, old;
  sigemptyset (&set);
  sigaddset (&set, SIGUSR1);
  ck_assert_int_eq (pthread_sigmask (SIG_BLOCK, &set, &old), 0);
  ck_assert_int_eq (pthread_sigmask (SIG_SETMASK, &old, NULL), 0);

  ck_assert_int_eq (pthread_setname_np (pthread_self (), "fc-main"), 0);

  pthread_attr_t attr;
  pthread_attr_init (&attr);
  ck_assert_int_eq (pthread_attr_setstacksize (&attr, 1 << 20), 0);
  pthread_attr_destroy (&attr);
}
END_TEST

int
main (void)
{
  Suite *suite = suite_create ("glibc-compat");
  TCase *tc = tcase_create ("core");
  tcase_add_test (tc, test_pow_dladdr);
  tcase_add_test (tc, test_stat);
  tcase_add_test (tc, test_threads);
  suite_add_tcase (suite, tc);
  SRunner *sr = srunner_create (suite);
  srunner_run_all (sr, CK_NORMAL);
  int failed = srunner_ntests_failed (sr);
  srunner_free (sr);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}

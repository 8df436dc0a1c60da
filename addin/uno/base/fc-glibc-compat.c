/* fc-glibc-compat.c — the add-in asks glibc for nothing newer than 2.28
 * (UOS 20, the oldest system it is meant for), though it is built on
 * Debian 12 (glibc 2.36) with GLib linked in.
 *
 * The link replaces every reference to a symbol listed in
 * glibc_compat_symbols (addin/uno/meson.build) by one to __wrap_SYMBOL
 * (ld --wrap), also inside libglib-2.0.a; each __wrap_ here calls the
 * symbol's oldest version, named with .symver.  Those are the same
 * functions: glibc 2.34 gave the pthread and dl functions new version
 * names when it moved them into libc, 2.29 a faster pow, 2.33 stat
 * without the __xstat wrapper.  close_range (2.34) has no old version:
 * it is the bare system call, and GLib falls back when the kernel says
 * ENOSYS.  tests/check-portable.sh fails the build's tests when something
 * newer slips in; tests/test-glibc-compat.c calls each wrapper.
 */
#include <dlfcn.h>
#include <math.h>
#include <pthread.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#if defined(__x86_64__)
#define FC_GLIBC_BASE "GLIBC_2.2.5"
#define FC_GLIBC_SETNAME "GLIBC_2.12" /* pthread_setname_np came later */
#define FC_STAT_VER 1                 /* _STAT_VER_LINUX */
#elif defined(__aarch64__)
#define FC_GLIBC_BASE "GLIBC_2.17"    /* aarch64's first glibc */
#define FC_GLIBC_SETNAME "GLIBC_2.17"
#define FC_STAT_VER 0                 /* _STAT_VER_KERNEL */
#else
#error "fc-glibc-compat.c knows the old glibc versions of x86_64 and aarch64 only"
#endif

/* ret __wrap_name params, calling name@version. */
#define FC_COMPAT(ret, name, version, params, args)                       \
  ret fc_compat_old_##name params;                                      \
  __asm__ (".symver fc_compat_old_" #name "," #name "@" version);       \
  ret __wrap_##name params;                                             \
  ret __wrap_##name params { return fc_compat_old_##name args; }

FC_COMPAT (double, pow, FC_GLIBC_BASE, (double x, double y), (x, y))
FC_COMPAT (int, dladdr, FC_GLIBC_BASE, (const void *address, Dl_info *info), (address, info))

FC_COMPAT (int, pthread_create, FC_GLIBC_BASE,
           (pthread_t *thread, const pthread_attr_t *attr, void *(*start) (void *), void *arg),
           (thread, attr, start, arg))
FC_COMPAT (int, pthread_detach, FC_GLIBC_BASE, (pthread_t thread), (thread))
FC_COMPAT (int, pthread_join, FC_GLIBC_BASE, (pthread_t thread, void **result), (thread, result))
FC_COMPAT (int, pthread_attr_setstacksize, FC_GLIBC_BASE, (pthread_attr_t *attr, size_t size),
           (attr, size))
FC_COMPAT (int, pthread_setname_np, FC_GLIBC_SETNAME, (pthread_t thread, const char *name),
           (thread, name))
FC_COMPAT (int, pthread_sigmask, FC_GLIBC_BASE, (int how, const sigset_t *set, sigset_t *old),
           (how, set, old))
FC_COMPAT (int, pthread_key_create, FC_GLIBC_BASE, (pthread_key_t *key, void (*destroy) (void *)),
           (key, destroy))
FC_COMPAT (int, pthread_key_delete, FC_GLIBC_BASE, (pthread_key_t key), (key))
FC_COMPAT (void *, pthread_getspecific, FC_GLIBC_BASE, (pthread_key_t key), (key))
FC_COMPAT (int, pthread_setspecific, FC_GLIBC_BASE, (pthread_key_t key, const void *value),
           (key, value))
FC_COMPAT (int, pthread_mutex_trylock, FC_GLIBC_BASE, (pthread_mutex_t *mutex), (mutex))
FC_COMPAT (int, pthread_mutexattr_init, FC_GLIBC_BASE, (pthread_mutexattr_t *attr), (attr))
FC_COMPAT (int, pthread_mutexattr_destroy, FC_GLIBC_BASE, (pthread_mutexattr_t *attr), (attr))
FC_COMPAT (int, pthread_mutexattr_settype, FC_GLIBC_BASE, (pthread_mutexattr_t *attr, int type),
           (attr, type))
FC_COMPAT (int, pthread_rwlock_init, FC_GLIBC_BASE,
           (pthread_rwlock_t *lock, const pthread_rwlockattr_t *attr), (lock, attr))
FC_COMPAT (int, pthread_rwlock_destroy, FC_GLIBC_BASE, (pthread_rwlock_t *lock), (lock))
FC_COMPAT (int, pthread_rwlock_rdlock, FC_GLIBC_BASE, (pthread_rwlock_t *lock), (lock))
FC_COMPAT (int, pthread_rwlock_tryrdlock, FC_GLIBC_BASE, (pthread_rwlock_t *lock), (lock))
FC_COMPAT (int, pthread_rwlock_wrlock, FC_GLIBC_BASE, (pthread_rwlock_t *lock), (lock))
FC_COMPAT (int, pthread_rwlock_trywrlock, FC_GLIBC_BASE, (pthread_rwlock_t *lock), (lock))
FC_COMPAT (int, pthread_rwlock_unlock, FC_GLIBC_BASE, (pthread_rwlock_t *lock), (lock))

/* stat and friends before 2.33: __xstat64 (version, …) */
int fc_compat_old_xstat64 (int version, const char *path, struct stat64 *buf);
int fc_compat_old_lxstat64 (int version, const char *path, struct stat64 *buf);
int fc_compat_old_fxstat64 (int version, int fd, struct stat64 *buf);
__asm__ (".symver fc_compat_old_xstat64,__xstat64@" FC_GLIBC_BASE);
__asm__ (".symver fc_compat_old_lxstat64,__lxstat64@" FC_GLIBC_BASE);
__asm__ (".symver fc_compat_old_fxstat64,__fxstat64@" FC_GLIBC_BASE);

int __wrap_stat64 (const char *path, struct stat64 *buf);
int __wrap_lstat64 (const char *path, struct stat64 *buf);
int __wrap_fstat64 (int fd, struct stat64 *buf);

int
__wrap_stat64 (const char *path, struct stat64 *buf)
{
  return fc_compat_old_xstat64 (FC_STAT_VER, path, buf);
}

int
__wrap_lstat64 (const char *path, struct stat64 *buf)
{
  return fc_compat_old_lxstat64 (FC_STAT_VER, path, buf);
}

int
__wrap_fstat64 (int fd, struct stat64 *buf)
{
  return fc_compat_old_fxstat64 (FC_STAT_VER, fd, buf);
}

int __wrap_close_range (unsigned int first, unsigned int last, int flags);

int
__wrap_close_range (unsigned int first, unsigned int last, int flags)
{
  return (int) syscall (SYS_close_range, first, last, flags);
}

/*
 * atomic.c - atomic replacement of output files, protected inputs and the
 * temporary-file clean-up on SIGINT/SIGTERM/SIGHUP (see atomic.h).
 *
 * The one deliberate piece of global mutable state in the program: the
 * list of temporary paths the signal handler removes. A handler can only
 * reach static storage; the slots are written before they are published
 * (volatile sig_atomic_t flag) and the handler uses only unlink() and
 * raise(), both async-signal-safe.
 */
#include "atomic.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ------------------------------------------------------------------ */
/* Protected paths                                                      */

void atomic_protect_add(struct atomic_protect *p, const char *path)
{
	p->paths = xrealloc(p->paths, sizeof *p->paths * (size_t)(p->n + 1));
	p->paths[p->n++] = xstrdup(path);
}

void atomic_protect_db(struct atomic_protect *p, const char *db_path)
{
	static const char *const suffix[] = {"", "-wal", "-shm", "-journal"};
	for (size_t i = 0; i < sizeof suffix / sizeof suffix[0]; i++) {
		strbuf b = {0};
		sb_printf(&b, "%s%s", db_path, suffix[i]);
		atomic_protect_add(p, b.s);
		sb_free(&b);
	}
}

void atomic_protect_dir(struct atomic_protect *p, const char *dir)
{
	DIR *d = dir ? opendir(dir) : NULL;
	if (!d)
		return; /* nothing readable there to overwrite by name */
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		strbuf b = {0};
		sb_printf(&b, "%s/%s", dir, e->d_name);
		atomic_protect_add(p, b.s);
		sb_free(&b);
	}
	closedir(d);
}

void atomic_protect_free(struct atomic_protect *p)
{
	for (int i = 0; i < p->n; i++)
		free(p->paths[i]);
	free(p->paths);
	p->paths = NULL;
	p->n = 0;
}

static void dir_of(const char *path, strbuf *out)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		sb_puts(out, ".");
	else if (slash == path)
		sb_puts(out, "/");
	else
		sb_putn(out, path, (size_t)(slash - path));
}

/* The canonical name of path: realpath() when it resolves (links followed),
 * else the real path of its folder plus its last component. NULL when
 * neither resolves. */
static char *canonical(const char *path)
{
	char *r = realpath(path, NULL);
	if (r)
		return r;
	strbuf dir = {0};
	dir_of(path, &dir);
	char *d = realpath(dir.s, NULL);
	sb_free(&dir);
	if (!d)
		return NULL;
	const char *slash = strrchr(path, '/');
	strbuf b = {0};
	sb_printf(&b, "%s/%s", strcmp(d, "/") == 0 ? "" : d, slash ? slash + 1 : path);
	free(d);
	return sb_take(&b);
}

/* The protected path target would overwrite, or NULL. */
static const char *clashes(const char *target, const struct atomic_protect *p)
{
	struct stat ts, ps;
	int have_t = stat(target, &ts) == 0;
	char *ct = canonical(target);
	const char *hit = NULL;
	for (int i = 0; p && i < p->n && !hit; i++) {
		if (have_t && stat(p->paths[i], &ps) == 0 && ps.st_dev == ts.st_dev && ps.st_ino == ts.st_ino)
			hit = p->paths[i];
		if (!hit && ct) {
			char *cp = canonical(p->paths[i]);
			if (cp && strcmp(cp, ct) == 0)
				hit = p->paths[i];
			free(cp);
		}
	}
	free(ct);
	return hit;
}

const char *atomic_clash(const char *target, const struct atomic_protect *p)
{
	return clashes(target, p);
}

/* ------------------------------------------------------------------ */
/* Signal clean-up                                                      */

static char cleanup_path[ATOMIC_MAX_OPEN][PATH_MAX];
static volatile sig_atomic_t cleanup_used[ATOMIC_MAX_OPEN];
static const int cleanup_signals[] = {SIGINT, SIGTERM, SIGHUP};

static void on_signal(int sig)
{
	int saved = errno;
	for (int i = 0; i < ATOMIC_MAX_OPEN; i++)
		if (cleanup_used[i])
			unlink(cleanup_path[i]);
	errno = saved;
	/* SA_RESETHAND restored the default action; it takes effect once the
	 * handler returns and the signal is unblocked */
	raise(sig);
}

static void install_handlers(void)
{
	for (size_t i = 0; i < sizeof cleanup_signals / sizeof cleanup_signals[0]; i++) {
		struct sigaction old, sa;
		if (sigaction(cleanup_signals[i], NULL, &old) != 0 || old.sa_handler == SIG_IGN)
			continue; /* an ignored signal (nohup) stays ignored */
		memset(&sa, 0, sizeof sa);
		sa.sa_handler = on_signal;
		sa.sa_flags = SA_RESETHAND;
		sigemptyset(&sa.sa_mask);
		(void)sigaction(cleanup_signals[i], &sa, NULL);
	}
}

static int register_cleanup(const char *path)
{
	if (strlen(path) >= PATH_MAX)
		return -1;
	for (int i = 0; i < ATOMIC_MAX_OPEN; i++)
		if (!cleanup_used[i]) {
			memcpy(cleanup_path[i], path, strlen(path) + 1);
			install_handlers();
			cleanup_used[i] = 1;
			return i;
		}
	return -1;
}

static void unregister_cleanup(int slot)
{
	if (slot >= 0)
		cleanup_used[slot] = 0;
}

/* ------------------------------------------------------------------ */
/* The file                                                             */

/* OUT may be a new name or an existing regular file, nothing else. */
static int check_target(const char *out, struct stat *st, int *exists, enum lang l, strbuf *err)
{
	int sv = l == LANG_SV;
	*exists = 0;
	if (stat(out, st) != 0)
		return 0;
	if (S_ISDIR(st->st_mode)) {
		sb_printf(err, sv ? "%s är en mapp; ange utdatafilens namn, t.ex. -o %s/sammanstallning.xlsx"
		                  : "%s is a folder; give the output's file name, e.g. -o %s/summary.xlsx",
		          out, out);
		return -1;
	}
	if (!S_ISREG(st->st_mode)) {
		sb_printf(err, sv ? "%s finns och är ingen vanlig fil; ange ett annat namn med -o"
		                  : "%s exists and is not a regular file; give another name with -o",
		          out);
		return -1;
	}
	*exists = 1;
	return 0;
}

static void af_clear(struct atomic_file *af)
{
	memset(af, 0, sizeof *af);
	af->slot = -1;
}

int atomic_open(struct atomic_file *af, const char *target, const struct atomic_protect *protect, enum lang l,
                strbuf *err)
{
	af_clear(af);
	int sv = l == LANG_SV;
	struct stat old;
	int exists;
	const char *hit = clashes(target, protect);
	if (hit) {
		sb_printf(err, sv ? "%s är samma fil som %s, som kommandot läser; inget skrevs; ange ett annat namn med -o"
		                  : "%s is the same file as %s, which this command reads; nothing was written; give "
		                    "another name with -o",
		          target, hit);
		return -1;
	}
	if (check_target(target, &old, &exists, l, err))
		return -1;
	strbuf t = {0};
	sb_printf(&t, "%s.tmp.XXXXXX", target);
	int fd = mkstemp(t.s);
	if (fd < 0) {
		int e = errno;
		strbuf dir = {0};
		dir_of(target, &dir);
		if (e == ENOENT || e == ENOTDIR)
			sb_printf(err, sv ? "kan inte skriva %s: mappen %s finns inte; skapa den eller ange en annan sökväg med -o"
			                  : "cannot write %s: the folder %s does not exist; create it or give another path "
			                    "with -o",
			          target, dir.s);
		else
			sb_printf(err, sv ? "kan inte skriva %s: kan inte skapa en fil i mappen %s (%s); välj en mapp du "
			                    "kan skriva i"
			                  : "cannot write %s: cannot create a file in the folder %s (%s); choose a folder you "
			                    "can write to",
			          target, dir.s, strerror(e));
		sb_free(&dir);
		sb_free(&t);
		return -1;
	}
	af->slot = register_cleanup(t.s);
	mode_t um = umask(0);
	umask(um);
	if (fchmod(fd, exists ? (old.st_mode & 07777) : (0666 & ~um)) != 0 || !(af->fp = fdopen(fd, "wb"))) {
		sb_printf(err, sv ? "kan inte skriva %s: kan inte förbereda den tillfälliga filen %s (%s)"
		                  : "cannot write %s: cannot prepare the temporary file %s (%s)",
		          target, t.s, strerror(errno));
		close(fd);
		unlink(t.s);
		unregister_cleanup(af->slot);
		sb_free(&t);
		af_clear(af);
		return -1;
	}
	af->tmp = sb_take(&t);
	af->target = xstrdup(target);
	af->lang = l;
	return 0;
}

void atomic_abort(struct atomic_file *af)
{
	if (af->fp)
		fclose(af->fp);
	if (af->tmp)
		unlink(af->tmp);
	unregister_cleanup(af->slot);
	free(af->tmp);
	free(af->target);
	af_clear(af);
}

static int sync_dir(const char *target)
{
	strbuf dir = {0};
	dir_of(target, &dir);
	int fd = open(dir.s, O_RDONLY | O_DIRECTORY);
	sb_free(&dir);
	if (fd < 0)
		return -1;
	int rc = fsync(fd);
	if (rc != 0 && (errno == EINVAL || errno == EROFS))
		rc = 0; /* file systems that cannot sync a folder */
	close(fd);
	return rc;
}

int atomic_commit(struct atomic_file *af, strbuf *err)
{
	int sv = af->lang == LANG_SV;
	if (fflush(af->fp) != 0 || ferror(af->fp) || fsync(fileno(af->fp)) != 0) {
		sb_printf(err, sv ? "kan inte skriva %s: filen kunde inte sparas på disken (%s); kontrollera det lediga "
		                    "utrymmet"
		                  : "cannot write %s: the file could not be saved to disk (%s); check the free space",
		          af->target, strerror(errno));
		atomic_abort(af);
		return -1;
	}
	int rc = fclose(af->fp);
	af->fp = NULL;
	if (rc != 0) {
		sb_printf(err, sv ? "kan inte skriva %s: %s; kontrollera det lediga utrymmet"
		                  : "cannot write %s: %s; check the free space",
		          af->target, strerror(errno));
		atomic_abort(af);
		return -1;
	}
	if (rename(af->tmp, af->target) != 0) {
		sb_printf(err, sv ? "kan inte lägga filen på plats som %s (%s); kontrollera att mappen är skrivbar"
		                  : "cannot put the file in place at %s (%s); check that the folder is writable",
		          af->target, strerror(errno));
		atomic_abort(af);
		return -1;
	}
	unregister_cleanup(af->slot);
	af->slot = -1;
	free(af->tmp);
	af->tmp = NULL; /* renamed: nothing to remove any more */
	rc = sync_dir(af->target);
	if (rc != 0)
		sb_printf(err, sv ? "skrev %s, men mappen kunde inte sparas på disken (%s); kontrollera disken"
		                  : "wrote %s, but the folder could not be saved to disk (%s); check the disk",
		          af->target, strerror(errno));
	atomic_abort(af);
	return rc ? -1 : 0;
}

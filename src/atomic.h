/*
 * atomic.h - atomic replacement of an output file (git's lockfile.c):
 * the new content goes to a temporary file in the target's folder
 * ("OUT.tmp.XXXXXX"), is written, fsync'ed and renamed over the target,
 * then the folder is fsync'ed. On every failure path, on atomic_abort,
 * and when SIGINT, SIGTERM or SIGHUP arrive meanwhile, the temporary file
 * is removed: OUT is complete or as it was.
 *
 * An output never overwrites an input: atomic_open refuses (nothing
 * touched) when the target is, after resolving links, the same file
 * (same device and inode, or the same canonical name when it does not
 * exist yet) as one of the protected paths: the register, its -wal, -shm
 * and -journal siblings, every input file.
 *
 *   struct atomic_protect p = {0};
 *   atomic_protect_db(&p, db_path);
 *   struct atomic_file af;
 *   if (atomic_open(&af, out, &p, lang, err)) ...   // af.tmp, af.fp
 *   write to af.fp, or by name to af.tmp (libxlsxwriter)
 *   if (failed) atomic_abort(&af); else if (atomic_commit(&af, err)) ...
 *   atomic_protect_free(&p);
 *
 * A failed atomic_open leaves af so that atomic_abort accepts it.
 * The signal clean-up is process-wide (a signal handler can only reach
 * static storage): up to ATOMIC_MAX_OPEN files may be open at a time.
 */
#ifndef GC_ATOMIC_H
#define GC_ATOMIC_H

#include <stdio.h>

#include "lang.h"
#include "util.h"

#define ATOMIC_MAX_OPEN 4

struct atomic_protect {
	char **paths;
	int n;
};

/* Adds path (an input) / a register and its -wal, -shm, -journal files. */
void atomic_protect_add(struct atomic_protect *p, const char *path);
void atomic_protect_db(struct atomic_protect *p, const char *db_path);
/* Adds every entry of the folder dir (a rule set's files); none if it
 * cannot be read. */
void atomic_protect_dir(struct atomic_protect *p, const char *dir);
void atomic_protect_free(struct atomic_protect *p);

/* The protected path that target is (links resolved), or NULL. */
const char *atomic_clash(const char *target, const struct atomic_protect *p);

struct atomic_file {
	char *target; /* as given */
	char *tmp;    /* the temporary file beside it */
	FILE *fp;     /* open for writing on tmp ("wb") */
	int slot;     /* in the signal clean-up list, -1: none */
	enum lang lang; /* of the messages atomic_commit writes */
};

/*
 * Checks the target (a new name or an existing regular file, not a
 * protected path) and creates the temporary file with the mode the target
 * has (or 0666 & ~umask). Returns 0, or -1 with "what, where, what to do"
 * in err, in the language l (kept in af for atomic_commit's messages);
 * *af is then inert (atomic_abort accepts it).
 */
int atomic_open(struct atomic_file *af, const char *target, const struct atomic_protect *protect, enum lang l,
                strbuf *err);

/* Flushes, fsyncs, renames over the target, fsyncs the folder. On failure
 * the temporary file is removed and the target left as it was. */
int atomic_commit(struct atomic_file *af, strbuf *err);

/* Removes the temporary file (if any) and frees *af; safe to call twice. */
void atomic_abort(struct atomic_file *af);

#endif

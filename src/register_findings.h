/*
 * register_findings.h - what the register knows about findings across
 * submissions (schema version 2): each finding's XML path and fingerprint,
 * what changed since the submission a new one replaced (finding.change and
 * fixed_finding), the officer's accepted warnings (acceptance, carried over
 * to a resubmission by fingerprint) and the statements' original bytes
 * (content) that `recheck` runs a rule set over.
 *
 * All SQL for these tables is here, behind functions returning plain
 * structs; register.c calls regf_store_content and regf_record_changes
 * inside the transaction that records a submission.
 */
#ifndef GC_REGISTER_FINDINGS_H
#define GC_REGISTER_FINDINGS_H

#include <stddef.h>

#include "engine.h"
#include "register.h"

/* Inside reg_record's transaction: stores the file's original bytes for
 * submission id: res->content as regf_prepare_content left it (ready), else
 * prepared here (from r->upload for serve's uploads, the engine's bytes,
 * or res->path read again). Nothing is stored for standard input or a file
 * that changed meanwhile. */
int regf_store_content(struct reg *r, long long id, const struct file_result *res, strbuf *err);

/* `register` has the engine keep the bytes of files up to this size
 * (engine_set_keep_content), so they are read and hashed once; larger ones
 * are read again when stored. 256 KiB: a small statement is 1-3 KB, and a
 * batch of 256 files waiting for its commit holds at most 64 MiB of them
 * (far less once compressed); above it, reading the file again costs
 * under a tenth of checking it. */
#define REGF_KEEP_MAX ((size_t)256 << 10)

/* The form the register stores a statement's bytes in (table content):
 * zlib (level 6, see register_findings.c) when that is smaller, else raw.
 * From res->content when the engine kept the bytes (their SHA-256 is
 * res->sha256 by construction), else from the file res->path read again
 * and kept only when its SHA-256 is still res->sha256. out->encoding NULL:
 * nothing to store (standard input, not a regular file, changed, larger
 * than the register keeps). Touches no database and no shared state: safe
 * on any thread. Returns 0 (-1 + err is reserved for failures to report). */
int regf_prepare_content(const struct file_result *res, struct file_content *out, strbuf *err);

/* A hook for the runner's prepare step (struct run): replaces
 * res->content by what regf_prepare_content makes of it (ready), so the
 * thread that records does neither hashing nor compression. ctx unused. */
int regf_prepare_hook(void *ctx, struct file_result *res, strbuf *err);

/* Inside reg_record's transaction, after the findings with their xpath and
 * fingerprint (from res, engine_set_fingerprints) were recorded: when id
 * replaced `replaced` (0: none), each finding's change ('new' | 'still')
 * and the replaced submission's findings that are gone (fixed_finding). */
int regf_record_changes(struct reg *r, long long id, long long replaced, const struct file_result *res,
                        strbuf *err);

/* The id of the submission with this SHA-256; 0 when there is none. */
int regf_submission_id(struct reg *r, const char *hash, long long *id, strbuf *err);

/* One finding of a submission as `list --diff`, `accept` and `list` show it. */
struct regf_item {
	int seq;
	char *rule, *severity, *xpath, *fingerprint, *change; /* change: new | still | fixed | NULL */
	long line, col;                                       /* 0: the file as a whole */
	char *msg[LANG_COUNT];
	/* the acceptance of this fingerprint, when accepted (why NULL: open) */
	char *why, *by, *at;
	long long accepted_in; /* the submission it was accepted for */
};

/* A submission's findings and what changed since the one it replaced. */
struct regf_diff {
	long long id, replaced; /* replaced 0: it replaced none */
	char *rcc;
	int year;
	struct regf_item *items; /* the findings, in the register's order */
	int n;
	struct regf_item *fixed; /* gone since the replaced one (change "fixed") */
	int nfixed;
	int fingerprinted; /* 0: registered before version 2, no fingerprints */
};

/* Fills *d for submission id; 1 when there is no such submission, -1 + err
 * on failure. Free with regf_diff_free. */
int regf_diff(struct reg *r, long long id, struct regf_diff *d, strbuf *err);
/* The same when the caller knows the submission id replaced (`register`,
 * which recorded it): no search of the submissions for it. */
int regf_diff_replaced(struct reg *r, long long id, long long replaced, struct regf_diff *d, strbuf *err);
void regf_diff_free(struct regf_diff *d);

/* Sets s[i].accepted: the warnings of each submission that are accepted. */
int regf_count_accepted(struct reg *r, struct reg_submission *s, int n, strbuf *err);
/* The accepted warnings of submission id. */
int regf_accepted_count(struct reg *r, long long id, int *n, strbuf *err);

/* Records an acceptance and its 'accepted' event in one transaction. */
int regf_accept(struct reg *r, long long id, const struct regf_item *it, const char *rcc, int year,
                const char *why, const char *by, const char *at, strbuf *err);

/* The login name for --by's default ($USER, else the password entry, else
 * "unknown"), in buf. */
const char *regf_default_by(char *buf, size_t n);

/* Opens an existing register for writing (accept): like REG_EXISTING's
 * checks for a missing, empty or folder path, then read-write. */
int regf_open_existing(struct reg *r, const char *path, strbuf *err);

/* One current statement for recheck (strings owned; free with
 * regf_current_free). */
struct regf_current {
	long long id;
	char *rcc, *path, *status;
	int year;
	int errors, warnings;
};

/* The current submission after id `after` (by id; of year when not 0):
 * 1 and *c filled, 0 at the end, -1 + err. One row at a time, so memory
 * does not grow with the register. */
int regf_next_current(struct reg *r, int year, long long after, struct regf_current *c, strbuf *err);
void regf_current_free(struct regf_current *c);

/* The original bytes of submission id, SHA-256 checked: 1 and *data (free
 * it), *n; 0 when none are stored; -1 + err when they are damaged. */
int regf_load_content(struct reg *r, long long id, char **data, size_t *n, strbuf *err);

/* The findings (rule, fingerprint, severity, message) of submission id. */
int regf_findings(struct reg *r, long long id, struct regf_item **out, int *n, strbuf *err);
void regf_items_free(struct regf_item *it, int n);

#endif

/*
 * register.h - the register: one SQLite file recording every statement the
 * department received, who sent it, when, what it was judged by, the
 * outcome, its figures and every finding.
 *
 * Schema (version 1, in PRAGMA user_version; a newer version is refused):
 *
 *   meta(key TEXT PRIMARY KEY, value TEXT)          created_by, created_at
 *   submission(
 *     id INTEGER PRIMARY KEY,
 *     path TEXT, file_name TEXT,        as given on the command line / base name
 *     sha256 TEXT UNIQUE, bytes INTEGER,
 *     received_at TEXT,                 UTC, YYYY-MM-DDTHH:MM:SSZ
 *     programme TEXT, rcc TEXT, year INTEGER,   NULL when the file did not say
 *     ruleset TEXT, ruleset_checksum TEXT,      the rule set it was judged by
 *     status TEXT,                      'valid' | 'warnings' | 'invalid'
 *     errors INTEGER, warnings INTEGER, infos INTEGER,
 *     attested TEXT,                    attestation date as written
 *     current INTEGER,                  1: the current statement of (rcc, year)
 *     superseded_by INTEGER)            the newer submission that replaced it
 *   figure(submission, name, text, amount)   every value of the statement by
 *                                    field name (granted, received, carriedOver,
 *                                    totalExpenses, closing, carryForward, repay,
 *                                    rcc, recipient.orgnr, attestation.date, ...);
 *                                    amount in öre where the value is an amount
 *   expense_total(submission, category, criterion, amount, lines)
 *                                    the expense lines summed per category and
 *                                    criterion (öre); none when a line is
 *                                    malformed or the sum overflows
 *   finding(submission, seq, rule, severity, line, col, message_sv, message_en)
 *
 * Version 2 adds (the migration 1 -> 2 is one transaction, see register.c):
 *   submission.identified        0: RCC not in the rule set, or RCC/year
 *                                unreadable; never current, never counted
 *   submission.withdrawn_at/_by/_reason   set by `withdraw`; never deleted
 *   submission.file_mtime        the file's modification time (UTC)
 *   content(submission, encoding, bytes)  the statement's original bytes
 *   finding.xpath/fingerprint/change, fixed_finding, acceptance (officer-b)
 *   event(id, at, what, submission, detail, by)   the append-only audit
 *                                trail: registered, superseded, withdrawn,
 *                                reinstated, accepted, migrated, ...
 *   user(name, role, token_hash, created_at)      for `serve`
 *
 * Every write is a BEGIN IMMEDIATE transaction in WAL mode with a busy
 * timeout, so several officers can register at once. `register` records its
 * files in batches (reg_batch_begin/commit: one transaction of up to a few
 * hundred files or a fraction of a second, each file a savepoint in it), so
 * a run killed part-way leaves the register as it was after the last
 * committed batch, every recorded file complete; it shows a file's line only
 * once its batch is committed. Opening for
 * writing runs PRAGMA quick_check first and refuses a damaged register
 * (register_verify.h).
 */
#ifndef GC_REGISTER_H
#define GC_REGISTER_H

#include <sqlite3.h>

#include "engine.h"

#define REGISTER_SCHEMA_VERSION 2
#define REG_CACHE 48 /* statements kept prepared per register connection */

struct reg {
	sqlite3 *db;
	char *path;
	struct prev_statement prev; /* the last previous statement handed out */
	char by[64];                /* who writes: --by, else the login name */
	long long *run_ids;         /* the submissions recorded by this run */
	int nrun;
	size_t run_cap;             /* xgrow's capacity of run_ids */
	int batch_start;            /* run_ids from here on are in the open batch */
	long long last_id;          /* reg_record: the file's submission id */
	/* The bytes of the statement reg_record records when they are not a
	 * file (serve's uploads; borrowed, NULL otherwise): stored as its
	 * content, and res->path, a label then, is never opened. */
	const char *upload;
	size_t upload_len;
	/* statements prepared once per connection and reused (reg_prep) */
	struct reg_cached {
		const char *sql;
		sqlite3_stmt *st;
	} cache[REG_CACHE];
	int ncache;
};

/* A prepared statement for sql (a string that outlives r, e.g. a literal),
 * taken from r's cache or prepared and kept there: preparing costs more
 * than running most of the register's statements. Returns SQLite's code.
 * Give it back with reg_unprep(), never sqlite3_finalize(). */
int reg_prep(struct reg *r, const char *sql, sqlite3_stmt **st);
/* Resets a statement from reg_prep (bindings cleared) for its next use;
 * finalizes one that is not cached. Accepts NULL. */
void reg_unprep(struct reg *r, sqlite3_stmt *st);

/* REG_CREATE: read and write, creating the register if needed (register).
 * REG_EXISTING: read only; the register must exist and is never changed,
 * not even set up (list, summary). */
enum reg_open_mode { REG_CREATE, REG_EXISTING, REG_WRITE_EXISTING /* must exist; read and write (withdraw) */ };

/* Opens the register at path. -1 with "what, where, what to do" in err:
 * no such file, a folder, empty or not a register, made by a newer
 * grantcheck, damaged. A failed open leaves r safe to reg_close(). */
int reg_open(struct reg *r, const char *path, enum reg_open_mode mode, strbuf *err);
/* reg_open(r, path, REG_EXISTING, err): for every command that only reads. */
int reg_open_readonly(struct reg *r, const char *path, strbuf *err);
void reg_close(struct reg *r);

/* REG_NEW: recorded (current, or not when *superseded says which later
 * correction of the same run stays current: REG_NEW_NOT_CURRENT);
 * REG_DUPLICATE: already registered (and current, or unidentified);
 * REG_DUPLICATE_NOT_CURRENT: already registered but another submission
 * (*superseded) is current: withdraw that one to make this one current;
 * REG_UNIDENTIFIED: recorded as received, but not identified. */
enum reg_outcome { REG_NEW, REG_DUPLICATE, REG_NEW_NOT_CURRENT, REG_DUPLICATE_NOT_CURRENT, REG_UNIDENTIFIED };

/*
 * Records a checked file in one transaction (a savepoint inside a batch),
 * from res alone (its figures included). received_at: UTC timestamp. *superseded gets the id of the
 * submission it replaced as current (0 if none). -1 + err on failure (the
 * register is unchanged).
 */
int reg_record(struct reg *r, const struct file_result *res, const char *received_at, enum reg_outcome *outcome,
               long long *superseded, strbuf *err);

/* Batches (register): reg_batch_begin opens one write transaction (BEGIN
 * IMMEDIATE; a no-op while one is open) in which each reg_record is a
 * savepoint, and reg_batch_commit commits it. A failed reg_record undoes
 * only its own file. reg_batch_commit returns -1 with err when the batch
 * could not be committed; *lost then says how many recorded files of the
 * batch are not in the register (every one since reg_batch_begin). */
int reg_batch_begin(struct reg *r, strbuf *err);
int reg_batch_commit(struct reg *r, int *lost, strbuf *err);

/* One read transaction around several reads, so that they all see the
 * register at one moment (a summary, the closing part of `register`) and
 * SQLite takes the WAL read lock once instead of once per query. -1 with
 * err when it cannot begin. reg_read_end only ends a transaction
 * reg_read_begin started (nothing was written, so it rolls back). */
int reg_read_begin(struct reg *r, strbuf *err);
void reg_read_end(struct reg *r);

/* prev_provider for the engine: the current statement of rcc for year. */
int reg_prev_provider(void *ctx, const char *rcc, int year, const struct prev_statement **out, strbuf *err);

/* One submission as `list` shows it. */
struct reg_submission {
	long long id;
	char *rcc;       /* NULL when the file did not say */
	int year;        /* 0 when the file did not say */
	char *status;    /* valid | warnings | invalid */
	int errors, warnings;
	char *received_at, *path, *sha256, *programme; /* programme may be NULL */
	int current;
	long long superseded_by; /* 0: none */
	int identified;          /* 0: RCC/year unreadable or RCC not in the rule set */
	char *withdrawn_at, *withdrawn_by, *withdrawn_reason; /* NULL: not withdrawn */
	int accepted; /* warnings accepted by the officer (regf_count_accepted) */
};

/* The current and the unidentified submissions (with history: every
 * submission), of year only
 * when year is not 0, ordered by year (unknown last), RCC and id. Fills
 * *out (free with reg_submissions_free) and *n; -1 + err on failure. */
int reg_list(struct reg *r, int year, int history, struct reg_submission **out, int *n, strbuf *err);
void reg_submissions_free(struct reg_submission *s, int n);

/* The current statements as the register-level rules see them (strings
 * owned by the array; free with reg_rows_free). */
int reg_current_rows(struct reg *r, struct reg_row **out, int *n, strbuf *err);
void reg_rows_free(struct reg_row *rows, int n);

/*
 * Runs the register-level rules (scope "register", e.g. G8) of every rule
 * set over the current statements of the register. Findings carry the year
 * they are about (finding.year). res->path is set to the register's path.
 */
int reg_check_register(struct reg *r, struct engine *e, struct file_result *res, strbuf *err);

/* ---- the officer's register (schema v2) ---- */

/* The login name (getpwuid, else getlogin, else $USER, else "unknown"). */
void reg_login_name(char *out, size_t n);
/* Who the following writes are by: name, or the login name when NULL. */
void reg_set_by(struct reg *r, const char *name);

/* Withdraws submission id (never deletes it): who (r->by), when (at, UTC)
 * and why; when it was current, the newest remaining identified submission
 * of that RCC and year that is not withdrawn (by attestation date, file
 * time, path) becomes current again: *reinstated gets its id (0: none).
 * -1 + err: no such submission, already withdrawn, or the write failed. */
int reg_withdraw(struct reg *r, long long id, const char *reason, const char *at, long long *reinstated,
                 strbuf *err);

/* One row of the audit trail. */
struct reg_event {
	long long id, submission; /* submission 0: none */
	char *at, *what, *detail, *by; /* detail may be NULL */
};
/* The audit trail, oldest first (of year only when year is not 0). */
int reg_events(struct reg *r, int year, struct reg_event **out, int *n, strbuf *err);
void reg_events_free(struct reg_event *e, int n);

/* Current UTC time as YYYY-MM-DDTHH:MM:SSZ. */
void utc_now(char out[21]);

#endif

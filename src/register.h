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
 * Every write is one BEGIN IMMEDIATE transaction per file in WAL mode with a
 * busy timeout, so several officers can register at once and a run killed
 * part-way leaves the register as it was before that file.
 */
#ifndef GC_REGISTER_H
#define GC_REGISTER_H

#include <sqlite3.h>

#include "engine.h"

#define REGISTER_SCHEMA_VERSION 1

struct reg {
	sqlite3 *db;
	char *path;
	struct prev_statement prev; /* the last previous statement handed out */
};

enum reg_open_mode { REG_CREATE, REG_EXISTING };

/* Opens (REG_CREATE: creating if needed) the register at path.
 * -1 with "what, where, what to do" in err. */
int reg_open(struct reg *r, const char *path, enum reg_open_mode mode, strbuf *err);
void reg_close(struct reg *r);

enum reg_outcome { REG_NEW, REG_DUPLICATE };

/*
 * Records a checked file (the engine's tables still hold it) in one
 * transaction. received_at: UTC timestamp. *superseded gets the id of the
 * submission it replaced as current (0 if none). -1 + err on failure (the
 * register is unchanged).
 */
int reg_record(struct reg *r, struct engine *e, const struct file_result *res, const char *received_at,
               enum reg_outcome *outcome, long long *superseded, strbuf *err);

/* prev_provider for the engine: the current statement of rcc for year. */
int reg_prev_provider(void *ctx, const char *rcc, int year, const struct prev_statement **out, strbuf *err);

/*
 * Runs the register-level rules (scope "register", e.g. G8) of every rule
 * set over the current statements of the register. Findings carry the year
 * they are about (finding.year). res->path is set to the register's path.
 */
int reg_check_register(struct reg *r, struct engine *e, struct file_result *res, strbuf *err);

/* Current UTC time as YYYY-MM-DDTHH:MM:SSZ. */
void utc_now(char out[21]);

#endif

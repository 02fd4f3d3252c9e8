/*
 * loader.h - writes what the parser read into the working database.
 *
 * The parser (parser.c) describes a statement as a stream of operations,
 * collected in chunks:
 *   OP_NODE     an element or attribute other than an expense line: a row
 *               of node (with its value when it is an attribute);
 *   OP_VALUE    the value of an element, known at its end tag, when its
 *               OP_NODE was already handed over (else the parser puts the
 *               value into the OP_NODE: loader_pending);
 *   OP_EXPENSE  an expense line: a row of expense.
 * The loader executes them: consecutive node rows and expense rows in
 * multi-row INSERTs (1, 2, 4, ... 64 rows each) with their texts bound in
 * place, and
 * the running totals of the expense lines per category and criterion in
 * the table expense_group, so the sum rules (A1, A6, P1, P4), S1, S6 and
 * the register read a handful of rows instead of every line.
 *
 * expense_group(category, criterion, lines, amounts, sum, first, last): a
 * group's lines, how many of them have a well-formed amount, the sum of
 * those amounts, and the ids of its first and last line. One pair may take
 * several rows: a row's sum always fits in 64 bits (the line that would
 * overflow it starts a new row), and when more than LOADER_GROUPS pairs are
 * open at once (a file with very many different codes) the open rows are
 * written and started again. Rules therefore sum() a pair's rows; sum()
 * reports an overflow as an error, which the engine turns into A6.
 *
 * After the last operation the loader fills two more derived tables that
 * nearly every rule reads, from the first node of each kind that it kept
 * while inserting (no query over node): field (the first value of each
 * short name, in document order) and figures (the statement's amounts by
 * name as one row, NULL where missing or malformed); schema in db.c.
 *
 * A loader runs either inline -- a full chunk is executed at once, on the
 * parser's thread (small files, where a thread would cost more than it
 * saves) -- or as a writer thread fed through a chan (large files: the
 * SQLite work overlaps the XML parse). Both execute the same chunks with
 * the same code, so the database ends up the same.
 *
 * Node ids (given by the parser) and expense ids (given by the loader) run
 * from 1 in document order, so nothing has to come back from the database
 * while parsing. The first SQLite error stops the loader; loader_finish()
 * reports it (on the calling thread, after the writer has stopped).
 */
#ifndef GC_LOADER_H
#define GC_LOADER_H

#include <stdint.h>

#include "db.h"

#define LOADER_GROUPS 256 /* expense groups open at once */
#define OP_NOSTR UINT32_MAX

enum op_kind { OP_NODE = 1, OP_VALUE, OP_EXPENSE };

/* Strings are offsets of NUL-terminated texts in the chunk (loader_str),
 * or OP_NOSTR for SQL NULL. */
struct op {
	unsigned char kind;       /* enum op_kind */
	char node_kind;           /* OP_NODE: 'e' element, 'a' attribute, 't' text directly in a container */
	unsigned char has_value;  /* OP_NODE: text, nchars, ctrl are set */
	unsigned char has_amount; /* amount is set */
	unsigned char ctrl;       /* the text (OP_NODE, OP_VALUE) or note (OP_EXPENSE) has a control character */
	int fmt, nth;             /* OP_NODE: index in fmt_nodes and occurrence, fmt -1 for unknown names */
	int64_t id, parent;       /* OP_NODE, OP_VALUE: the node; parent 0 for none */
	uint32_t str[4];          /* OP_NODE: name, ns, path, text; OP_VALUE: text;
	                             OP_EXPENSE: category, criterion, note, text */
	int64_t nchars;           /* characters of the text (OP_NODE, OP_VALUE) or note (OP_EXPENSE) */
	int64_t amount;
	long line, col;
};

struct loader;

struct loader *loader_new(struct workdb *w);
void loader_free(struct loader *l);

/* Starts loading one statement into the (empty) statement tables, with a
 * writer thread when threaded. */
void loader_begin(struct loader *l, int threaded);

/* A new operation (zeroed, strings OP_NOSTR, fmt -1). Give its strings
 * with loader_str right after, before the next loader_op: the op and its
 * strings live in the same chunk. */
struct op *loader_op(struct loader *l, enum op_kind kind);
uint32_t loader_str(struct loader *l, const char *s, size_t n);

/* The last op given by loader_op, to be found again with loader_pending:
 * the op while its chunk is still being filled (strings given then with
 * loader_str belong to it as well), NULL once the chunk was handed over
 * for execution. The parser completes an element's OP_NODE with its value
 * this way, instead of an OP_VALUE (an UPDATE) per element. */
uint64_t loader_ticket(const struct loader *l);
struct op *loader_pending(struct loader *l, uint64_t ticket);

/* Executes what is left, waits for the writer, and writes the derived
 * tables. After an SQLite error (the first one stops the loader) it reports
 * it and exits with status 2, as db_check does: an internal error. */
void loader_finish(struct loader *l);

/* After loader_finish, until the next loader_begin: the row of the table
 * field of this short name ("year"), without asking SQLite (the engine
 * wants three of them for every statement): its text (NULL when none), its
 * year (field.num; 0 when none) and line and column. 0 when there is none. */
int loader_field(const struct loader *l, const char *name, const char **text, int *num, long pos[2]);

#endif

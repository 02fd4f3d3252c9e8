/*
 * loader.c - executes the parser's operations on the working database
 * (see loader.h).
 */
#include "loader.h"

#include <assert.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "chan.h"
#include "format.h"

#define CHUNK_OPS 1024
#define CHUNK_BYTES (256 * 1024) /* a chunk is full past this many text bytes */
#define NCHUNKS 4
#define BATCH 64 /* the most rows per INSERT statement */
#define NODE_COLS 15
#define EXPENSE_COLS 10
#define GROUP_COLS 7
#define FIELD_COLS 6
#define GROUP_SLOTS (2 * LOADER_GROUPS)
#define GROUP_KEY_BYTES (256 * 1024) /* at most this much text in open group keys */

struct chunk {
	struct op ops[CHUNK_OPS];
	int n;
	int last; /* the end of the statement: the writer stops after it */
	strbuf text;
};

struct group {
	int used;
	uint64_t hash;
	char *category, *criterion; /* NULL when the line lacks the attribute */
	int64_t lines, amounts, sum, first, last;
};

/* An INSERT of 1, 2, 3 ... BATCH rows, each prepared on its first use:
 * n rows take n / BATCH steps and one more for the rest, since a step's
 * fixed cost (opening the table's and indexes' cursors, the statement's
 * savepoint) is several times that of a small row. A run of statements
 * uses few sizes (a small statement's count of elements, of lines). */
struct multi {
	const char *head; /* "INSERT INTO t(...) VALUES" */
	const char *row;  /* "(?,?,...)" */
	sqlite3_stmt *st[BATCH + 1]; /* by rows */
};

/* A row of field: the first node of a kind that has a short name. */
struct field_row {
	int64_t id; /* the node */
	int fmt;
	uint32_t text; /* offset in loader.field_text, or OP_NOSTR */
	int has_amount;
	int64_t amount;
	long line, col;
};

struct loader {
	struct workdb *w;
	struct multi ins_node, ins_expense, ins_group, ins_field;
	sqlite3_stmt *upd_node, *ins_figures;
	struct chunk *chunks[NCHUNKS];
	struct chunk *cur; /* being filled by the parser */
	uint32_t serial;   /* of cur: chunks handed over so far (loader_ticket) */
	int running;       /* between loader_begin and loader_finish */
	int threaded;
	struct chan chan;
	pthread_t writer;
	int64_t next_expense; /* id of the next expense line */
	unsigned char seen[FMT_COUNT]; /* a node of this kind was recorded */
	struct field_row fields[FMT_COUNT]; /* in the order of their nodes */
	signed char figure_of[FMT_COUNT]; /* the column of figures a format's field fills, or -1 */
	int nfields;
	strbuf field_text;
	struct group groups[GROUP_SLOTS];
	int ngroups;
	short open[LOADER_GROUPS]; /* the used slots of groups, [0, ngroups): no scan of every slot */
	size_t group_bytes;
	/* the first error; nothing more is executed after it */
	int rc;
	const char *what;
	strbuf errmsg;
};

static void chunk_reset(struct chunk *c)
{
	c->n = 0;
	c->last = 0;
	sb_reset(&c->text);
}

/* The columns of figures, in order: the fields of these names. */
static const char *const figures[] = {"year",          "granted", "received",     "carriedOver",
                                      "totalExpenses", "closing", "carryForward", "repay"};
#define NFIGURES ((int)(sizeof figures / sizeof figures[0]))

struct loader *loader_new(struct workdb *w)
{
	struct loader *l = xcalloc(1, sizeof *l);
	l->w = w;
	for (int f = 0; f < FMT_COUNT; f++) {
		l->figure_of[f] = -1;
		for (int i = 0; i < NFIGURES && fmt_nodes[f].field; i++)
			if (strcmp(fmt_nodes[f].field, figures[i]) == 0)
				l->figure_of[f] = (signed char)i;
	}
	l->ins_node.head = "INSERT INTO node(id,parent,kind,name,ns,path,fmt,nth,text,nchars,ctrl,amount,line,col,"
	                   "first) VALUES";
	l->ins_node.row = "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
	l->upd_node = db_prepare(w, "UPDATE node SET text=?2, nchars=?3, ctrl=?4, amount=?5 WHERE id=?1");
	l->ins_expense.head =
		"INSERT INTO expense(id,category,criterion,note,note_nchars,note_ctrl,text,amount,line,col) VALUES";
	l->ins_expense.row = "(?,?,?,?,?,?,?,?,?,?)";
	l->ins_group.head = "INSERT INTO expense_group(category,criterion,lines,amounts,sum,first,last) VALUES";
	l->ins_group.row = "(?,?,?,?,?,?,?)";
	l->ins_field.head = "INSERT INTO field(name,text,amount,num,line,col) VALUES";
	l->ins_field.row = "(?,?,?,?,?,?)";
	l->ins_figures = db_prepare(w, "INSERT INTO figures(year,granted,received,carriedOver,totalExpenses,closing,"
	                               "carryForward,repay) VALUES(?,?,?,?,?,?,?,?)");
	for (int i = 0; i < NCHUNKS; i++)
		l->chunks[i] = xcalloc(1, sizeof *l->chunks[i]);
	return l;
}

/* Records the first error (rc not OK/DONE) and returns nonzero once failed. */
static int failed(struct loader *l, int rc, const char *what)
{
	if (l->rc == 0 && rc != SQLITE_OK && rc != SQLITE_DONE) {
		l->rc = rc;
		l->what = what;
		sb_puts(&l->errmsg, sqlite3_errmsg(l->w->db));
	}
	return l->rc != 0;
}

/* The INSERT of m for n rows (1..BATCH), or NULL after an error (on the
 * writer thread too: reported by loader_finish, like a failed step). */
static sqlite3_stmt *multi_st(struct loader *l, struct multi *m, int n)
{
	assert(n >= 1 && n <= BATCH);
	if (!m->st[n] && !l->rc) {
		strbuf sql = {0};
		sb_puts(&sql, m->head);
		for (int i = 0; i < n; i++) {
			if (i)
				sb_putc(&sql, ',');
			sb_puts(&sql, m->row);
		}
		int rc = sqlite3_prepare_v3(l->w->db, sql.s, -1, SQLITE_PREPARE_PERSISTENT, &m->st[n], NULL);
		sb_free(&sql);
		failed(l, rc, m->head);
	}
	return l->rc ? NULL : m->st[n];
}

static void multi_free(struct multi *m)
{
	for (int i = 0; i <= BATCH; i++) {
		sqlite3_finalize(m->st[i]);
		m->st[i] = NULL;
	}
}

static void groups_clear(struct loader *l)
{
	for (int k = 0; k < l->ngroups; k++) {
		struct group *g = &l->groups[l->open[k]];
		assert(g->used);
		free(g->category);
		free(g->criterion);
		memset(g, 0, sizeof *g);
	}
	l->ngroups = 0;
	l->group_bytes = 0;
}

void loader_free(struct loader *l)
{
	if (!l)
		return;
	assert(!l->running);
	multi_free(&l->ins_node);
	multi_free(&l->ins_expense);
	multi_free(&l->ins_group);
	multi_free(&l->ins_field);
	sqlite3_finalize(l->upd_node);
	sqlite3_finalize(l->ins_figures);
	for (int i = 0; i < NCHUNKS; i++) {
		sb_free(&l->chunks[i]->text);
		free(l->chunks[i]);
	}
	groups_clear(l);
	sb_free(&l->errmsg);
	sb_free(&l->field_text);
	free(l);
}

/* ---- executing ------------------------------------------------------------ */

/* Runs st once; clear says whether to unbind its parameters afterwards
 * (not needed when every parameter is bound before every step). */
static void step_st(struct loader *l, sqlite3_stmt *st, int binds, const char *what, int clear)
{
	if (failed(l, binds, what))
		return;
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (clear)
		sqlite3_clear_bindings(st);
	failed(l, rc, what);
}

static void step(struct loader *l, sqlite3_stmt *st, int binds, const char *what)
{
	step_st(l, st, binds, what, 1);
}

static int bind_str(sqlite3_stmt *st, int i, const struct chunk *c, uint32_t at)
{
	if (at == OP_NOSTR)
		return sqlite3_bind_null(st, i);
	return sqlite3_bind_text(st, i, c->text.s + at, -1, SQLITE_STATIC);
}

static int bind_opt_int(sqlite3_stmt *st, int i, int set, int64_t v)
{
	return set ? sqlite3_bind_int64(st, i, v) : sqlite3_bind_null(st, i);
}

/* Keeps text s (NULL for none) for a row of field. */
static uint32_t field_str(struct loader *l, const char *s)
{
	return s ? (uint32_t)sb_putz(&l->field_text, s, strlen(s)) : OP_NOSTR;
}

/* Node o is the first of its kind, which has a short name: a row of field. */
static void add_field(struct loader *l, const struct chunk *c, const struct op *o)
{
	assert(l->nfields < FMT_COUNT && (l->nfields == 0 || l->fields[l->nfields - 1].id < o->id));
	struct field_row *f = &l->fields[l->nfields++];
	f->id = o->id;
	f->fmt = o->fmt;
	f->text = field_str(l, o->has_value && o->str[3] != OP_NOSTR ? c->text.s + o->str[3] : NULL);
	f->has_amount = o->has_amount;
	f->amount = o->amount;
	f->line = o->line;
	f->col = o->col;
}

/* Binds node o as row k of st (every column: nothing to unbind). */
static int bind_node(struct loader *l, sqlite3_stmt *st, int k, const struct chunk *c, const struct op *o)
{
	int b = k * NODE_COLS;
	int first = o->fmt >= 0 && !l->seen[o->fmt]; /* the first of its kind: a row of field */
	if (first) {
		l->seen[o->fmt] = 1;
		if (fmt_nodes[o->fmt].field)
			add_field(l, c, o);
	}
	int known = o->fmt >= 0;
	int rc = sqlite3_bind_int64(st, b + 1, o->id);
	rc |= bind_opt_int(st, b + 2, o->parent != 0, o->parent);
	rc |= sqlite3_bind_text(st, b + 3, o->node_kind == 'e'   ? "element"
	                                         : o->node_kind == 't' ? "text"
	                                                               : "attribute", -1, SQLITE_STATIC);
	rc |= bind_str(st, b + 4, c, o->str[0]);
	rc |= bind_str(st, b + 5, c, o->str[1]);
	rc |= bind_str(st, b + 6, c, o->str[2]);
	rc |= bind_opt_int(st, b + 7, known, o->fmt);
	rc |= bind_opt_int(st, b + 8, known, o->nth);
	rc |= bind_str(st, b + 9, c, o->has_value ? o->str[3] : OP_NOSTR);
	rc |= bind_opt_int(st, b + 10, o->has_value, o->nchars);
	rc |= bind_opt_int(st, b + 11, o->has_value, o->ctrl);
	rc |= bind_opt_int(st, b + 12, o->has_amount, o->amount);
	rc |= sqlite3_bind_int64(st, b + 13, o->line);
	rc |= sqlite3_bind_int64(st, b + 14, o->col);
	rc |= bind_opt_int(st, b + 15, first, 1);
	return rc;
}

/* Inserts the nodes ops[0..n), in order. */
static void exec_nodes(struct loader *l, const struct chunk *c, const struct op *const *ops, int n)
{
	for (int k = 0; k < n;) {
		int rows = n - k < BATCH ? n - k : BATCH;
		sqlite3_stmt *st = multi_st(l, &l->ins_node, rows);
		if (!st)
			return;
		int rc = 0;
		for (int j = 0; j < rows; j++)
			rc |= bind_node(l, st, j, c, ops[k + j]);
		step_st(l, st, rc, "recording elements", 0);
		k += rows;
	}
}

static void exec_value(struct loader *l, const struct chunk *c, const struct op *o)
{
	for (int i = l->nfields - 1; i >= 0; i--) {
		struct field_row *f = &l->fields[i];
		if (f->id == o->id) {
			f->text = field_str(l, o->str[0] == OP_NOSTR ? NULL : c->text.s + o->str[0]);
			f->has_amount = o->has_amount;
			f->amount = o->amount;
			break;
		}
	}
	sqlite3_stmt *st = l->upd_node;
	int rc = sqlite3_bind_int64(st, 1, o->id);
	rc |= bind_str(st, 2, c, o->str[0]);
	rc |= sqlite3_bind_int64(st, 3, o->nchars);
	rc |= sqlite3_bind_int(st, 4, o->ctrl);
	rc |= bind_opt_int(st, 5, o->has_amount, o->amount);
	step(l, st, rc, "recording a value");
}

/* Binds expense line o as row k of st. Its id is left to SQLite, which
 * saves a seek per line: the table starts empty and only the loader inserts,
 * in order, so SQLite's next rowid is l->next_expense (tested in
 * tests/unit/test_loader.c, groups_add_up_to_the_lines). */
static int bind_expense(sqlite3_stmt *st, int k, const struct chunk *c, const struct op *o)
{
	int b = k * EXPENSE_COLS;
	int note = o->str[2] != OP_NOSTR;
	int rc = sqlite3_bind_null(st, b + 1);
	rc |= bind_str(st, b + 2, c, o->str[0]);
	rc |= bind_str(st, b + 3, c, o->str[1]);
	rc |= bind_str(st, b + 4, c, o->str[2]);
	rc |= bind_opt_int(st, b + 5, note, o->nchars);
	rc |= bind_opt_int(st, b + 6, note, o->ctrl);
	rc |= bind_str(st, b + 7, c, o->str[3]);
	rc |= bind_opt_int(st, b + 8, o->has_amount, o->amount);
	rc |= sqlite3_bind_int64(st, b + 9, o->line);
	rc |= sqlite3_bind_int64(st, b + 10, o->col);
	return rc;
}

/* Inserts the expense lines ops[0..n), in order. bind_expense binds all
 * ten columns of every row: no unbinding (sqlite3_clear_bindings took 4 %
 * of the writer thread's instructions on a large statement). */
static void exec_expenses(struct loader *l, const struct chunk *c, const struct op *const *ops, int n)
{
	for (int k = 0; k < n;) {
		int rows = n - k < BATCH ? n - k : BATCH;
		sqlite3_stmt *st = multi_st(l, &l->ins_expense, rows);
		if (!st)
			return;
		int rc = 0;
		for (int j = 0; j < rows; j++)
			rc |= bind_expense(st, j, c, ops[k + j]);
		step_st(l, st, rc, "recording expense lines", 0);
		k += rows;
	}
}

/* ---- expense groups ------------------------------------------------------- */

static uint64_t hash_key(const char *category, const char *criterion)
{
	uint64_t h = 1469598103934665603u; /* FNV-1a; a missing attribute hashes apart from "" */
	const char *parts[2] = {category, criterion};
	for (int i = 0; i < 2; i++) {
		h = (h ^ (parts[i] ? 1u : 2u)) * 1099511628211u;
		for (const char *s = parts[i]; s && *s; s++)
			h = (h ^ (unsigned char)*s) * 1099511628211u;
	}
	return h;
}

static int same(const char *a, const char *b)
{
	return a == b || (a && b && strcmp(a, b) == 0);
}

static int bind_group(sqlite3_stmt *st, int k, const struct group *g)
{
	int b = k * GROUP_COLS;
	int rc = g->category ? sqlite3_bind_text(st, b + 1, g->category, -1, SQLITE_STATIC) : sqlite3_bind_null(st, b + 1);
	rc |= g->criterion ? sqlite3_bind_text(st, b + 2, g->criterion, -1, SQLITE_STATIC) : sqlite3_bind_null(st, b + 2);
	rc |= sqlite3_bind_int64(st, b + 3, g->lines);
	rc |= sqlite3_bind_int64(st, b + 4, g->amounts);
	rc |= sqlite3_bind_int64(st, b + 5, g->sum);
	rc |= sqlite3_bind_int64(st, b + 6, g->first);
	rc |= sqlite3_bind_int64(st, b + 7, g->last);
	return rc;
}

/* Writes the groups g[0..n) that have lines, in order. */
static void write_groups(struct loader *l, const struct group *const *g, int n)
{
	const struct group *with_lines[LOADER_GROUPS];
	int m = 0;
	for (int i = 0; i < n; i++)
		if (g[i]->lines > 0)
			with_lines[m++] = g[i];
	for (int k = 0; k < m;) {
		int rows = m - k < BATCH ? m - k : BATCH;
		sqlite3_stmt *st = multi_st(l, &l->ins_group, rows);
		if (!st)
			return;
		int rc = 0;
		for (int j = 0; j < rows; j++)
			rc |= bind_group(st, j, with_lines[k + j]);
		step_st(l, st, rc, "recording the expense totals", 0);
		k += rows;
	}
}

static int by_first(const void *a, const void *b)
{
	const struct group *x = *(const struct group *const *)a, *y = *(const struct group *const *)b;
	return (x->first > y->first) - (x->first < y->first);
}

/* Writes the open groups in the order of their first line, and empties the table. */
static void flush_groups(struct loader *l)
{
	const struct group *open[LOADER_GROUPS];
	int n = l->ngroups;
	for (int k = 0; k < n; k++)
		open[k] = &l->groups[l->open[k]];
	qsort(open, (size_t)n, sizeof open[0], by_first);
	write_groups(l, open, n);
	groups_clear(l);
}

static struct group *find_group(struct loader *l, const char *category, const char *criterion)
{
	uint64_t h = hash_key(category, criterion);
	for (;;) {
		size_t i = (size_t)(h % GROUP_SLOTS);
		for (;; i = (i + 1) % GROUP_SLOTS) {
			struct group *g = &l->groups[i];
			if (g->used && g->hash == h && same(g->category, category) && same(g->criterion, criterion))
				return g;
			if (g->used)
				continue;
			size_t bytes = (category ? strlen(category) : 0) + (criterion ? strlen(criterion) : 0);
			if (l->ngroups == LOADER_GROUPS || l->group_bytes + bytes > GROUP_KEY_BYTES) {
				flush_groups(l); /* full: write the open groups and start again */
				break;
			}
			g->used = 1;
			g->hash = h;
			g->category = category ? xstrdup(category) : NULL;
			g->criterion = criterion ? xstrdup(criterion) : NULL;
			l->open[l->ngroups++] = (short)i;
			l->group_bytes += bytes;
			return g;
		}
	}
}

static void add_to_group(struct loader *l, const struct chunk *c, const struct op *o, int64_t id)
{
	const char *category = o->str[0] == OP_NOSTR ? NULL : c->text.s + o->str[0];
	const char *criterion = o->str[1] == OP_NOSTR ? NULL : c->text.s + o->str[1];
	struct group *g = find_group(l, category, criterion);
	int64_t sum;
	if (o->has_amount && __builtin_add_overflow(g->sum, o->amount, &sum)) {
		/* the row would not fit in 64 bits: write it and start the pair again */
		const struct group *full = g;
		write_groups(l, &full, 1);
		g->lines = g->amounts = g->sum = 0;
		sum = o->amount;
	}
	if (g->lines == 0)
		g->first = id;
	g->last = id;
	g->lines++;
	if (o->has_amount) {
		g->amounts++;
		g->sum = sum;
	}
}

/* Executes chunk c (nothing after the first error) and empties it: its
 * node rows, then its expense lines, then its values. Each table gets its
 * rows in document order, a value comes after its node's row, and a chunk
 * of a small statement takes one INSERT per table. */
static void exec_chunk(struct loader *l, struct chunk *c)
{
	const struct op *nodes[CHUNK_OPS], *lines[CHUNK_OPS];
	int nn = 0, nl = 0;
	for (int i = 0; i < c->n; i++) {
		const struct op *o = &c->ops[i];
		if (o->kind == OP_NODE)
			nodes[nn++] = o;
		else if (o->kind == OP_EXPENSE)
			lines[nl++] = o;
	}
	exec_nodes(l, c, nodes, nn);
	if (!l->rc) {
		for (int j = 0; j < nl; j++)
			add_to_group(l, c, lines[j], l->next_expense + j);
		exec_expenses(l, c, lines, nl);
		l->next_expense += nl;
	}
	for (int i = 0; i < c->n && !l->rc; i++)
		if (c->ops[i].kind == OP_VALUE)
			exec_value(l, c, &c->ops[i]);
	chunk_reset(c); /* ready to be filled again */
}

/* ---- the writer thread ------------------------------------------------------ */

static void *writer_main(void *arg)
{
	struct loader *l = arg;
	pthread_setname_np(pthread_self(), "gc-writer"); /* for top -H and perf */
	for (;;) {
		struct chunk *c = chan_take_full(&l->chan);
		int last = c->last;
		exec_chunk(l, c);
		chan_put_free(&l->chan, c);
		if (last)
			return NULL;
	}
}

void loader_begin(struct loader *l, int threaded)
{
	assert(!l->running);
	l->running = 1;
	l->serial++; /* no ticket of the last statement matches */
	l->threaded = threaded;
	l->next_expense = 1;
	memset(l->seen, 0, sizeof l->seen);
	l->nfields = 0;
	sb_reset(&l->field_text);
	l->rc = 0;
	l->what = NULL;
	sb_reset(&l->errmsg);
	groups_clear(l);
	for (int i = 0; i < NCHUNKS; i++)
		chunk_reset(l->chunks[i]);
	if (threaded) {
		chan_init(&l->chan, (void *const *)l->chunks, NCHUNKS);
		l->cur = chan_take_free(&l->chan);
		chan_thread(&l->writer, writer_main, l);
	} else {
		l->cur = l->chunks[0];
	}
}

/* Hands the current chunk to be executed and starts a new one. */
static void submit(struct loader *l)
{
	l->serial++;
	if (l->threaded) {
		chan_put_full(&l->chan, l->cur);
		l->cur = chan_take_free(&l->chan);
	} else {
		exec_chunk(l, l->cur);
	}
}

struct op *loader_op(struct loader *l, enum op_kind kind)
{
	assert(l->running);
	struct chunk *c = l->cur;
	if (c->n == CHUNK_OPS || c->text.len >= CHUNK_BYTES) {
		submit(l);
		c = l->cur;
	}
	struct op *o = &c->ops[c->n++];
	memset(o, 0, sizeof *o);
	o->kind = (unsigned char)kind;
	o->fmt = -1;
	for (int i = 0; i < 4; i++)
		o->str[i] = OP_NOSTR;
	return o;
}

uint64_t loader_ticket(const struct loader *l)
{
	assert(l->running && l->cur->n > 0);
	return (uint64_t)l->serial << 32 | (uint32_t)(l->cur->n - 1);
}

struct op *loader_pending(struct loader *l, uint64_t ticket)
{
	assert(l->running);
	if ((uint32_t)(ticket >> 32) != l->serial)
		return NULL; /* its chunk was handed over */
	return &l->cur->ops[(uint32_t)ticket];
}

uint32_t loader_str(struct loader *l, const char *s, size_t n)
{
	strbuf *t = &l->cur->text;
	/* a chunk holds at most CHUNK_BYTES plus one op's texts (each capped
	 * by the parser at a few KiB), far below 4 GiB */
	assert(t->len < UINT32_MAX / 2 && n < UINT32_MAX / 4);
	return (uint32_t)sb_putz(t, s, n);
}

/* The year of a field of type year: four ASCII digits, else none. */
static int field_year(const struct field_row *f, const char *text, int64_t *year)
{
	if (fmt_nodes[f->fmt].type != VT_YEAR || !text || strlen(text) != 4)
		return 0;
	*year = 0;
	for (int i = 0; i < 4; i++) {
		if (text[i] < '0' || text[i] > '9')
			return 0;
		*year = *year * 10 + (text[i] - '0');
	}
	return 1;
}

/* Writes the rows of field (the first value of every short name, in
 * document order) and the one row of figures (the statement's figures by
 * name, NULL where missing or malformed), which nearly every rule reads. */
static void write_fields(struct loader *l)
{
	int have[NFIGURES] = {0};
	int64_t value[NFIGURES] = {0};
	for (int k = 0; k < l->nfields;) {
		int rows = l->nfields - k < BATCH ? l->nfields - k : BATCH;
		sqlite3_stmt *st = multi_st(l, &l->ins_field, rows);
		if (!st)
			return;
		int rc = 0;
		for (int j = 0; j < rows; j++) {
			const struct field_row *f = &l->fields[k + j];
			const char *name = fmt_nodes[f->fmt].field;
			const char *text = f->text == OP_NOSTR ? NULL : l->field_text.s + f->text;
			int64_t year = 0;
			int is_year = field_year(f, text, &year);
			int b = j * FIELD_COLS;
			rc |= sqlite3_bind_text(st, b + 1, name, -1, SQLITE_STATIC);
			rc |= text ? sqlite3_bind_text(st, b + 2, text, -1, SQLITE_STATIC) : sqlite3_bind_null(st, b + 2);
			rc |= bind_opt_int(st, b + 3, f->has_amount, f->amount);
			rc |= bind_opt_int(st, b + 4, is_year, year);
			rc |= sqlite3_bind_int64(st, b + 5, f->line);
			rc |= sqlite3_bind_int64(st, b + 6, f->col);
			int i = l->figure_of[f->fmt];
			if (i >= 0) {
				have[i] = i == 0 ? is_year : f->has_amount;
				value[i] = i == 0 ? year : f->amount;
			}
		}
		step_st(l, st, rc, "finding the values by name", 0);
		k += rows;
	}
	int rc = 0;
	for (int i = 0; i < NFIGURES; i++)
		rc |= bind_opt_int(l->ins_figures, i + 1, have[i], value[i]);
	step_st(l, l->ins_figures, rc, "collecting the figures", 0);
}

int loader_field(const struct loader *l, const char *name, const char **text, int *num, long pos[2])
{
	assert(!l->running);
	for (int k = 0; k < l->nfields; k++) {
		const struct field_row *f = &l->fields[k];
		if (strcmp(fmt_nodes[f->fmt].field, name) != 0)
			continue;
		*text = f->text == OP_NOSTR ? NULL : l->field_text.s + f->text;
		int64_t year = 0;
		*num = field_year(f, *text, &year) ? (int)year : 0;
		pos[0] = f->line;
		pos[1] = f->col;
		return 1;
	}
	return 0;
}

void loader_finish(struct loader *l)
{
	assert(l->running);
	if (l->threaded) {
		l->cur->last = 1;
		chan_put_full(&l->chan, l->cur);
		chan_join(l->writer);
		chan_destroy(&l->chan);
	} else {
		exec_chunk(l, l->cur);
	}
	l->cur = NULL;
	l->running = 0;
	flush_groups(l); /* writes nothing after an error (step), but empties the table */
	write_fields(l);
	if (l->rc)
		db_fail(l->rc, sb_str(&l->errmsg), l->what);
}

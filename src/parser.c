/*
 * parser.c - expat streaming parser for statement format v1 (see parser.h).
 */
#include "parser.h"

#include <assert.h>
#include <errno.h>
#include <expat.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "amount.h"
#include "checks.h"
#include "format.h"
#include "sha256.h"

#define BLOCK (64 * 1024)
#define MAX_FRAMES 8 /* known elements nest at most 3 deep */
#define BATCH 64     /* expense lines per INSERT statement */
#define NONE SIZE_MAX /* no value (SQL NULL) in struct line */

struct frame {
	int fmt;         /* index into fmt_nodes */
	sqlite3_int64 id; /* node id (0 for expense lines, which are rows of expense) */
	int counts[FMT_COUNT];
};

/* Accumulates trimmed element text up to PARSER_TEXT_CAP bytes. */
struct text {
	strbuf buf;
	int64_t chars;        /* characters after the leading whitespace */
	int64_t trailing_ws;  /* whitespace characters since the last other one */
	int ctrl;
	int truncated;
	int active;
	int keeping;          /* the current character's first byte was kept */
};

/* An expense line waiting in the batch for its INSERT. Its texts are NUL-
 * terminated strings in parser.arena, named by offset (or NONE). */
struct line {
	size_t category, criterion, note, text;
	int text_len;
	int64_t note_chars;
	int note_ctrl;
	int has_amount;
	int64_t amount;
	long line, col;
};

struct parser {
	struct workdb *w;
	sqlite3_stmt *ins_node, *upd_node, *ins_expense, *ins_expenses, *ins_doc;
	XML_Parser xp;
	struct parse_outcome *out;
	struct frame frames[MAX_FRAMES];
	int depth;            /* frames in use */
	long skip;            /* depth inside an unknown element */
	int stopped;          /* we called XML_StopParser */
	struct text text;
	/* Expense lines are inserted BATCH at a time by one multi-row INSERT;
	 * batch[nbatch] is the line being read. Nothing is allocated per line. */
	struct line batch[BATCH];
	int nbatch;
	strbuf arena;         /* the batch's texts */
	strbuf path;          /* scratch */
	strbuf ens, ans;      /* scratch: namespace of an element, of an attribute */
	char encoding[64];
};

static void sb_set(strbuf *b, const char *s)
{
	sb_reset(b);
	sb_puts(b, s);
}

struct parser *parser_new(struct workdb *w)
{
	struct parser *p = xcalloc(1, sizeof *p);
	p->w = w;
	p->ins_node = db_prepare(w, "INSERT INTO node(parent,kind,name,ns,path,fmt,nth,text,nchars,ctrl,amount,line,col)"
	                            " VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?)");
	p->upd_node = db_prepare(w, "UPDATE node SET text=?2, nchars=?3, ctrl=?4, amount=?5 WHERE id=?1");
	p->ins_expense = db_prepare(w, "INSERT INTO expense(category,criterion,note,note_nchars,note_ctrl,text,amount,line,col)"
	                               " VALUES(?,?,?,?,?,?,?,?,?)");
	strbuf sql = {0};
	sb_puts(&sql, "INSERT INTO expense(category,criterion,note,note_nchars,note_ctrl,text,amount,line,col) VALUES");
	for (int i = 0; i < BATCH; i++)
		sb_puts(&sql, i ? ",(?,?,?,?,?,?,?,?,?)" : "(?,?,?,?,?,?,?,?,?)");
	p->ins_expenses = db_prepare(w, sql.s);
	sb_free(&sql);
	p->ins_doc = db_prepare(w, "INSERT INTO doc(path,sha256,bytes,encoding) VALUES(?,?,?,?)");
	return p;
}

void parser_free(struct parser *p)
{
	if (!p)
		return;
	sqlite3_finalize(p->ins_node);
	sqlite3_finalize(p->upd_node);
	sqlite3_finalize(p->ins_expense);
	sqlite3_finalize(p->ins_expenses);
	sqlite3_finalize(p->ins_doc);
	sb_free(&p->text.buf);
	sb_free(&p->arena);
	sb_free(&p->path);
	sb_free(&p->ens);
	sb_free(&p->ans);
	free(p);
}

void parse_outcome_free(struct parse_outcome *o)
{
	sb_free(&o->reason);
	sb_free(&o->found);
}

/* ---- helpers ---------------------------------------------------------- */

static int is_ws(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* The trimmed value of s, at most PARSER_TEXT_CAP bytes cut at a character
 * boundary: returns where it starts and its length in *len; *chars and *ctrl
 * describe the whole trimmed value. */
static const char *trim_span(const char *s, size_t *len, int64_t *chars, int *ctrl, int *truncated)
{
	size_t n = strlen(s);
	while (n && is_ws(*s)) {
		s++;
		n--;
	}
	while (n && is_ws(s[n - 1]))
		n--;
	*chars = (int64_t)utf8_chars(s, n);
	*ctrl = has_control(s, n);
	*truncated = 0;
	if (n > PARSER_TEXT_CAP) {
		n = PARSER_TEXT_CAP;
		while (n && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;
		*truncated = 1;
	}
	*len = n;
	return s;
}

/* Trimmed copy (see trim_span). */
static char *trimmed(const char *s, int64_t *chars, int *ctrl, int *truncated)
{
	size_t n;
	s = trim_span(s, &n, chars, ctrl, truncated);
	return xstrndup(s, n);
}

/* Appends s[0..n) and a NUL to the batch's texts; returns its offset. */
static size_t arena_put(struct parser *p, const char *s, size_t n)
{
	size_t at = p->arena.len;
	sb_putn(&p->arena, s, n);
	sb_putc(&p->arena, '\0');
	return at;
}

static void text_start(struct text *t)
{
	sb_reset(&t->buf);
	t->chars = t->trailing_ws = 0;
	t->ctrl = t->truncated = 0;
	t->active = 1;
}

static void XMLCALL on_text(void *ud, const XML_Char *s, int len)
{
	struct parser *p = ud;
	struct text *t = &p->text;
	if (!t->active || p->skip)
		return;
	for (int i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		int cont = (c & 0xC0) == 0x80;
		if (!cont) {
			if (is_ws((char)c)) {
				if (t->chars == 0 && t->buf.len == 0)
					continue; /* leading whitespace */
				t->trailing_ws++;
			} else {
				t->trailing_ws = 0;
			}
			t->chars++;
		}
		if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7F)
			t->ctrl = 1;
		if (c == 0xC2 && i + 1 < len && (unsigned char)s[i + 1] >= 0x80 && (unsigned char)s[i + 1] <= 0x9F)
			t->ctrl = 1;
		/* keep whole characters: a character started under the cap is kept
		 * entirely, one started at the cap not at all */
		if (!cont)
			t->keeping = t->buf.len < PARSER_TEXT_CAP;
		if (t->keeping)
			sb_putc(&t->buf, (char)c);
		else
			t->truncated = 1;
	}
}

/* Finishes the text: trims trailing whitespace. */
static void text_end(struct text *t)
{
	t->active = 0;
	t->chars -= t->trailing_ws;
	if (!t->truncated)
		while (t->buf.len && is_ws(t->buf.s[t->buf.len - 1]))
			t->buf.s[--t->buf.len] = '\0';
}

static void bind_text_or_null(sqlite3_stmt *st, int i, const char *s)
{
	if (s)
		sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, i);
}

static void bind_amount(sqlite3_stmt *st, int i, const char *s, int truncated)
{
	int64_t v;
	if (s && !truncated && amount_parse(s, strlen(s), &v) == AMOUNT_OK)
		sqlite3_bind_int64(st, i, v);
	else
		sqlite3_bind_null(st, i);
}

static void step_done(struct parser *p, sqlite3_stmt *st, const char *what)
{
	int rc = sqlite3_step(st);
	db_check(p->w, rc == SQLITE_DONE ? SQLITE_OK : rc, what);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
}

/* A new row of node or expense: counted for the rule budgets. */
static void step_row(struct parser *p, sqlite3_stmt *st, const char *what)
{
	step_done(p, st, what);
	p->out->rows++;
}

/* Inserts a node; returns its id. */
static sqlite3_int64 insert_node(struct parser *p, sqlite3_int64 parent, char kind, const char *name,
                                 const char *ns, const char *path, int fmt, int nth, const char *value,
                                 long line, long col)
{
	sqlite3_stmt *st = p->ins_node;
	if (parent)
		sqlite3_bind_int64(st, 1, parent);
	sqlite3_bind_text(st, 2, kind == 'e' ? "element" : "attribute", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, name, -1, SQLITE_TRANSIENT);
	bind_text_or_null(st, 4, ns);
	sqlite3_bind_text(st, 5, path, -1, SQLITE_TRANSIENT);
	if (fmt >= 0) {
		sqlite3_bind_int(st, 6, fmt);
		sqlite3_bind_int(st, 7, nth);
	}
	if (value) {
		int64_t chars;
		int ctrl, trunc;
		char *v = trimmed(value, &chars, &ctrl, &trunc);
		sqlite3_bind_text(st, 8, v, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(st, 9, chars);
		sqlite3_bind_int(st, 10, ctrl);
		if (fmt >= 0 && fmt_nodes[fmt].type == VT_AMOUNT)
			bind_amount(st, 11, v, trunc);
		free(v);
	}
	sqlite3_bind_int64(st, 12, line);
	sqlite3_bind_int64(st, 13, col);
	step_row(p, st, "recording an element");
	return sqlite3_last_insert_rowid(p->w->db);
}

static void bind_arena(struct parser *p, sqlite3_stmt *st, int i, size_t at, int len)
{
	if (at == NONE)
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_text(st, i, p->arena.s + at, len, SQLITE_STATIC);
}

/* Inserts the expense lines of the batch: a full batch with one statement,
 * fewer (the end of the file) one by one. The texts are bound in place
 * (SQLITE_STATIC): the arena is kept until the statement has run. */
static void flush_lines(struct parser *p)
{
	int full = p->nbatch == BATCH;
	sqlite3_stmt *st = full ? p->ins_expenses : p->ins_expense;
	for (int k = 0; k < p->nbatch; k++) {
		const struct line *x = &p->batch[k];
		int b = full ? k * 9 : 0;
		bind_arena(p, st, b + 1, x->category, -1);
		bind_arena(p, st, b + 2, x->criterion, -1);
		bind_arena(p, st, b + 3, x->note, -1);
		if (x->note != NONE) {
			sqlite3_bind_int64(st, b + 4, x->note_chars);
			sqlite3_bind_int(st, b + 5, x->note_ctrl);
		} else {
			sqlite3_bind_null(st, b + 4);
			sqlite3_bind_null(st, b + 5);
		}
		bind_arena(p, st, b + 6, x->text, x->text_len);
		if (x->has_amount)
			sqlite3_bind_int64(st, b + 7, x->amount);
		else
			sqlite3_bind_null(st, b + 7);
		sqlite3_bind_int64(st, b + 8, x->line);
		sqlite3_bind_int64(st, b + 9, x->col);
		if (!full)
			step_row(p, st, "recording an expense line");
	}
	if (full) {
		step_done(p, st, "recording expense lines");
		p->out->rows += BATCH;
	}
	p->nbatch = 0;
	sb_reset(&p->arena);
}

/* Splits expat's "uri|local" into ns (or NULL) and local name. */
static const char *split_name(const char *qname, strbuf *ns)
{
	const char *bar = strchr(qname, '|');
	sb_reset(ns);
	if (!bar)
		return qname;
	sb_putn(ns, qname, (size_t)(bar - qname));
	return bar + 1;
}

static void stop(struct parser *p, enum parse_status st, const char *variant)
{
	if (p->out->status == PARSE_OK) {
		p->out->status = st;
		p->out->variant = variant;
		p->out->line = (long)XML_GetCurrentLineNumber(p->xp);
		p->out->col = (long)XML_GetCurrentColumnNumber(p->xp) + 1;
	}
	p->stopped = 1;
	XML_StopParser(p->xp, XML_FALSE);
}

/* ---- element handlers ------------------------------------------------- */

/* Bytes of s to keep: at most PARSER_TEXT_CAP, cut at a character boundary. */
static size_t capped_len(const char *s)
{
	size_t n = strlen(s);
	if (n <= PARSER_TEXT_CAP)
		return n;
	n = PARSER_TEXT_CAP;
	while (n && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--;
	return n;
}

/* Records an element or attribute not in the format; a name or namespace
 * longer than PARSER_TEXT_CAP (a hostile 20 MB name) is recorded cut short. */
static void record_unknown(struct parser *p, struct frame *parent, char kind, const char *name,
                           const char *ns, long line, long col)
{
	sb_reset(&p->path);
	sb_puts(&p->path, fmt_nodes[parent->fmt].path);
	sb_putc(&p->path, kind == 'e' ? '/' : '@');
	size_t at = p->path.len;
	sb_putn(&p->path, name, capped_len(name));
	strbuf short_ns = {0};
	if (ns && capped_len(ns) < strlen(ns)) {
		sb_putn(&short_ns, ns, capped_len(ns));
		ns = short_ns.s;
	}
	insert_node(p, parent->id, kind, p->path.s + at, ns, p->path.s, -1, 0, NULL, line, col);
	sb_free(&short_ns);
}

static void handle_attributes(struct parser *p, struct frame *f, const XML_Char **atts, long line, long col)
{
	strbuf *ns = &p->ans;
	for (int i = 0; atts[i]; i += 2) {
		const char *name = split_name(atts[i], ns);
		int idx = ns->len ? -1 : fmt_child(f->fmt, name, 'a');
		if (idx < 0) {
			record_unknown(p, f, 'a', name, ns->len ? ns->s : NULL, line, col);
			continue;
		}
		if (f->fmt == FMT_EXPENSE) {
			struct line *x = &p->batch[p->nbatch];
			size_t *slot = idx == FMT_EXPENSE_CATEGORY ? &x->category
			               : idx == FMT_EXPENSE_CRITERION ? &x->criterion
			                                               : &x->note;
			int64_t chars;
			int ctrl, trunc;
			size_t n;
			const char *v = trim_span(atts[i + 1], &n, &chars, &ctrl, &trunc);
			*slot = arena_put(p, v, n);
			if (idx == FMT_EXPENSE_NOTE) {
				x->note_chars = chars;
				x->note_ctrl = ctrl;
			}
			continue;
		}
		if (idx == 1)
			continue; /* version: checked and recorded with the root */
		insert_node(p, f->id, 'a', name, NULL, fmt_nodes[idx].path, idx, 1, atts[i + 1], line, col);
	}
}

static void XMLCALL on_start(void *ud, const XML_Char *qname, const XML_Char **atts)
{
	struct parser *p = ud;
	if (p->skip) {
		p->skip++;
		return;
	}
	long line = (long)XML_GetCurrentLineNumber(p->xp);
	long col = (long)XML_GetCurrentColumnNumber(p->xp) + 1;
	strbuf *ns = &p->ens;
	const char *name = split_name(qname, ns);
	int ours = ns->len && strcmp(ns->s, FORMAT_NS) == 0;

	if (p->depth == 0) {
		/* the root: X3 unless <statement xmlns="urn:grantcheck:statement:1" version="1"> */
		const char *version = NULL;
		for (int i = 0; atts[i]; i += 2)
			if (strcmp(atts[i], "version") == 0)
				version = atts[i + 1];
		if (strcmp(name, FORMAT_ROOT) != 0) {
			sb_set(&p->out->found, name);
			stop(p, PARSE_X3, "root");
		} else if (!ours) {
			sb_set(&p->out->found, ns->len ? ns->s : "");
			stop(p, PARSE_X3, ns->len ? "namespace" : "nonamespace");
		} else if (!version) {
			stop(p, PARSE_X3, "noversion");
		} else if (strcmp(version, FORMAT_VERSION) != 0) {
			sb_set(&p->out->found, version);
			stop(p, PARSE_X3, "version");
		}
		if (p->stopped)
			return;
		struct frame *f = &p->frames[p->depth++];
		memset(f, 0, sizeof *f);
		f->fmt = FMT_ROOT;
		f->id = insert_node(p, 0, 'e', name, ns->s, FORMAT_ROOT, FMT_ROOT, 1, NULL, line, col);
		insert_node(p, f->id, 'a', "version", NULL, fmt_nodes[1].path, 1, 1, version, line, col);
		handle_attributes(p, f, atts, line, col);
		return;
	}

	struct frame *parent = &p->frames[p->depth - 1];
	int idx = ours && parent->fmt != FMT_EXPENSE ? fmt_child(parent->fmt, name, 'e') : -1;
	if (idx < 0) {
		record_unknown(p, parent, 'e', name, ours ? NULL : (ns->len ? ns->s : ""), line, col);
		p->skip = 1;
		return;
	}
	assert(p->depth < MAX_FRAMES);
	struct frame *f = &p->frames[p->depth++];
	f->fmt = idx;
	memset(f->counts, 0, sizeof f->counts);
	int nth = ++parent->counts[idx];
	if (idx == FMT_EXPENSE) {
		f->id = 0;
		struct line *x = &p->batch[p->nbatch];
		x->category = x->criterion = x->note = NONE;
		x->note_chars = 0;
		x->note_ctrl = 0;
		x->line = line;
		x->col = col;
		handle_attributes(p, f, atts, line, col);
		text_start(&p->text);
		return;
	}
	f->id = insert_node(p, parent->id, 'e', name, NULL, fmt_nodes[idx].path, idx, nth, NULL, line, col);
	handle_attributes(p, f, atts, line, col);
	if (fmt_nodes[idx].type != VT_NONE)
		text_start(&p->text);
}

static void XMLCALL on_end(void *ud, const XML_Char *qname)
{
	(void)qname;
	struct parser *p = ud;
	if (p->skip) {
		p->skip--;
		return;
	}
	/* expat still reports the end of an empty root we refused (<report/>) */
	if (p->stopped || p->depth == 0)
		return;
	struct frame *f = &p->frames[--p->depth];
	if (fmt_nodes[f->fmt].type == VT_NONE)
		return;
	struct text *t = &p->text;
	text_end(t);
	const char *s = sb_str(&t->buf);
	if (f->fmt == FMT_EXPENSE) {
		struct line *x = &p->batch[p->nbatch];
		x->text = arena_put(p, s, t->buf.len);
		x->text_len = (int)t->buf.len;
		x->has_amount = !t->truncated && amount_parse(s, strlen(s), &x->amount) == AMOUNT_OK;
		if (++p->nbatch == BATCH)
			flush_lines(p);
		return;
	}
	sqlite3_stmt *st = p->upd_node;
	sqlite3_bind_int64(st, 1, f->id);
	sqlite3_bind_text(st, 2, s, (int)t->buf.len, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 3, t->chars);
	sqlite3_bind_int(st, 4, t->ctrl);
	if (fmt_nodes[f->fmt].type == VT_AMOUNT)
		bind_amount(st, 5, s, t->truncated);
	step_done(p, st, "recording a value");
}

static void XMLCALL on_doctype(void *ud, const XML_Char *name, const XML_Char *sysid,
                               const XML_Char *pubid, int has_internal)
{
	(void)name;
	(void)sysid;
	(void)pubid;
	(void)has_internal;
	stop(ud, PARSE_X2, "doctype");
}

static void XMLCALL on_entity_decl(void *ud, const XML_Char *name, int is_param, const XML_Char *value,
                                   int len, const XML_Char *base, const XML_Char *sysid,
                                   const XML_Char *pubid, const XML_Char *notation)
{
	(void)name, (void)is_param, (void)value, (void)len, (void)base, (void)sysid, (void)pubid,
		(void)notation;
	stop(ud, PARSE_X2, "doctype");
}

static int XMLCALL on_external_entity(XML_Parser xp, const XML_Char *context, const XML_Char *base,
                                      const XML_Char *sysid, const XML_Char *pubid)
{
	(void)xp, (void)context, (void)base, (void)sysid, (void)pubid;
	return XML_STATUS_ERROR; /* never load anything */
}

static void XMLCALL on_xmldecl(void *ud, const XML_Char *version, const XML_Char *encoding, int standalone)
{
	(void)version;
	(void)standalone;
	struct parser *p = ud;
	if (encoding)
		snprintf(p->encoding, sizeof p->encoding, "%s", encoding);
}

/* windows-1252: 0x80-0x9F differ from ISO-8859-1; -1 marks unassigned bytes. */
static const int cp1252_high[32] = {
	0x20AC, -1, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, -1, 0x017D, -1,
	-1, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, -1, 0x017E, 0x0178};

static int XMLCALL on_unknown_encoding(void *ud, const XML_Char *name, XML_Encoding *info)
{
	(void)ud;
	if (strcasecmp(name, "windows-1252") != 0 && strcasecmp(name, "cp1252") != 0 &&
	    strcasecmp(name, "x-cp1252") != 0)
		return XML_STATUS_ERROR;
	for (int i = 0; i < 256; i++)
		info->map[i] = i >= 0x80 && i < 0xA0 ? cp1252_high[i - 0x80] : i;
	info->data = NULL;
	info->convert = NULL;
	info->release = NULL;
	return XML_STATUS_OK;
}

/* ---- driver ----------------------------------------------------------- */

struct source {
	int fd;
	const char *mem;
	size_t len, pos;
};

static ssize_t source_read(struct source *s, void *buf, size_t n)
{
	if (s->fd >= 0) {
		ssize_t r;
		do
			r = read(s->fd, buf, n);
		while (r < 0 && errno == EINTR);
		return r;
	}
	size_t k = s->len - s->pos < n ? s->len - s->pos : n;
	memcpy(buf, s->mem + s->pos, k);
	s->pos += k;
	return (ssize_t)k;
}

static void reset_outcome(struct parse_outcome *out)
{
	out->status = PARSE_OK;
	out->variant = NULL;
	out->line = out->col = 0;
	sb_reset(&out->reason);
	sb_reset(&out->found);
	out->sha256[0] = '\0';
	out->bytes = 0;
	out->rows = 0;
}

static void set_x(struct parse_outcome *out, enum parse_status st, const char *variant, const char *reason)
{
	if (out->status != PARSE_OK)
		return;
	out->status = st;
	out->variant = variant;
	if (reason)
		sb_set(&out->reason, reason);
}

static void run(struct parser *p, struct source *src, const char *path, struct parse_outcome *out)
{
	sha256 h;
	sha256_init(&h);
	p->out = out;
	p->depth = 0;
	p->skip = 0;
	p->stopped = 0;
	p->text.active = 0;
	p->encoding[0] = '\0';
	p->nbatch = 0;
	sb_reset(&p->arena);
	XML_Parser xp = XML_ParserCreateNS(NULL, '|');
	if (!xp) {
		fprintf(stderr, "grantcheck: out of memory creating the XML parser\n");
		exit(2);
	}
	p->xp = xp;
	XML_SetUserData(xp, p);
	XML_SetElementHandler(xp, on_start, on_end);
	XML_SetCharacterDataHandler(xp, on_text);
	XML_SetStartDoctypeDeclHandler(xp, on_doctype);
	XML_SetEntityDeclHandler(xp, on_entity_decl);
	XML_SetExternalEntityRefHandler(xp, on_external_entity);
	XML_SetXmlDeclHandler(xp, on_xmldecl);
	XML_SetUnknownEncodingHandler(xp, on_unknown_encoding, NULL);
	XML_SetParamEntityParsing(xp, XML_PARAM_ENTITY_PARSING_NEVER);

	int parsing = 1;
	for (;;) {
		void *buf = parsing ? XML_GetBuffer(xp, BLOCK) : NULL;
		char own[BLOCK];
		if (parsing && !buf) {
			set_x(out, PARSE_X2, "syntax", XML_ErrorString(XML_GetErrorCode(xp)));
			parsing = 0;
		}
		ssize_t n = source_read(src, buf ? buf : own, BLOCK);
		if (n < 0) {
			set_x(out, PARSE_X1, "unreadable", strerror(errno));
			break;
		}
		sha256_update(&h, buf ? buf : own, (size_t)n);
		out->bytes += (uint64_t)n;
		if (!parsing) {
			if (n == 0)
				break;
			continue; /* keep hashing the rest of the file */
		}
		if (n == 0 && out->bytes == 0) {
			set_x(out, PARSE_X1, "empty", NULL);
			break;
		}
		if (XML_ParseBuffer(xp, (int)n, n == 0) != XML_STATUS_OK) {
			enum XML_Error code = XML_GetErrorCode(xp);
			if (!p->stopped) {
				out->line = (long)XML_GetErrorLineNumber(xp);
				out->col = (long)XML_GetErrorColumnNumber(xp) + 1;
				if (code == XML_ERROR_UNKNOWN_ENCODING || code == XML_ERROR_INCORRECT_ENCODING) {
					set_x(out, PARSE_X2, "encoding", XML_ErrorString(code));
					sb_set(&out->found, p->encoding[0] ? p->encoding : "?");
				} else {
					set_x(out, PARSE_X2, "syntax", XML_ErrorString(code));
				}
			}
			parsing = 0;
		}
		if (n == 0)
			break;
	}
	XML_ParserFree(xp);
	p->xp = NULL;
	flush_lines(p); /* the lines of the last, partial batch */
	sha256_final_hex(&h, out->sha256);
	sqlite3_stmt *st = p->ins_doc;
	bind_text_or_null(st, 1, path);
	sqlite3_bind_text(st, 2, out->sha256, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 3, (sqlite3_int64)out->bytes);
	bind_text_or_null(st, 4, p->encoding[0] ? p->encoding : NULL);
	step_done(p, st, "recording the document");
}

void parser_load_file(struct parser *p, const char *path, struct parse_outcome *out)
{
	reset_outcome(out);
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
	if (fd < 0) {
		set_x(out, PARSE_X1, errno == ENOENT ? "missing" : "unreadable", strerror(errno));
		return;
	}
	struct stat sb;
	if (fstat(fd, &sb) == 0 && S_ISDIR(sb.st_mode)) {
		close(fd);
		set_x(out, PARSE_X1, "directory", NULL);
		return;
	}
	struct source src = {fd, NULL, 0, 0};
	run(p, &src, path, out);
	close(fd);
}

void parser_load_mem(struct parser *p, const char *data, size_t n, struct parse_outcome *out)
{
	reset_outcome(out);
	struct source src = {-1, data, n, 0};
	run(p, &src, NULL, out);
}

/*
 * parser.c - expat streaming parser for statement format v1 (see parser.h).
 */
#include "parser.h"

#include <assert.h>
#include <errno.h>
#include <expat.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include "amount.h"
#include "checks.h"
#include "format.h"
#include "chan.h"
#include "loader.h"
#include "sha256.h"
#include "xmlerr.h"

#define BLOCK (64 * 1024)
#define NBLOCKS 4     /* blocks in flight between the reader and the parse */
#define MAX_FRAMES 8  /* known elements nest at most 3 deep */
#define MAX_OPEN 64   /* open elements remembered for "never closed" */
#define OPEN_NAME 64  /* bytes of each name kept */
#define PARSER_SALTS 256 /* expat hash salts drawn from the kernel at once (2 KiB) */

struct frame {
	int fmt;          /* index into fmt_nodes */
	int64_t id;       /* node id (0 for expense lines, which are rows of expense) */
	uint64_t ticket;  /* an element with a value: its OP_NODE (loader_ticket) */
	int counts[FMT_COUNT];
	int text_seen;    /* a container: text directly inside it was recorded (once) */
};

/* Accumulates trimmed element text up to PARSER_TEXT_CAP bytes. */
struct text {
	strbuf buf;
	int64_t chars;        /* characters after the leading whitespace */
	int64_t trailing_ws;  /* whitespace characters since the last other one */
	int ctrl;
	int truncated;
	int keeping;          /* the current character's first byte was kept */
};

/* The expense line being read: its attributes wait in parser.linetext
 * (offsets, or OP_NOSTR) until its end tag gives the amount. */
enum { LINE_CATEGORY, LINE_CRITERION, LINE_NOTE };
struct line {
	uint32_t at[3], len[3]; /* category, criterion, note */
	int64_t note_chars;
	int note_ctrl;
	long line, col;
};

/* A block of the file on its way from the reader to the parse. */
struct block {
	ssize_t n; /* bytes, 0 at the end of the file, -1 after a read error */
	int err;   /* errno of the read error */
	char data[BLOCK];
};

struct source {
	int fd;
	const char *mem;
	size_t len, pos;
	int nonblock; /* fd was opened here with O_NONBLOCK (not standard input) */
	/* a regular file's size when opened (fstat), else -1, and the bytes
	 * read so far: once they are all read, the file ends there without a
	 * read that says so (a system call, several microseconds here, for
	 * every small file). A file that grew meanwhile is checked as it was
	 * when opened, as its date is; one whose size says nothing (0, as in
	 * /proc) is read to its end. */
	int64_t size, got;
};

/* The reader thread: reads the file and hashes it, a block ahead of the parse. */
struct reader {
	struct chan chan;
	struct source *src;
	sha256 hash;
	pthread_t thread;
};

struct parser {
	struct workdb *w;
	struct loader *ld;
	sqlite3_stmt *ins_doc;
	enum parser_threads threads;
	int shani;            /* hash with the SHA extensions (asked once: cpuid is slow in a VM) */
	/* expat's hash salts (against hash flooding), one per file, random,
	 * drawn from the kernel PARSER_SALTS at a time (next_salt) instead of
	 * expat asking it once per file */
	uint64_t salts[PARSER_SALTS];
	int salt_next;        /* the next unused one; PARSER_SALTS: none left */
	size_t keep_max;      /* parser_keep_bytes */
	XML_Parser xp;        /* the file's (start_expat), kept from file to file */
	struct parse_outcome *out;
	struct frame frames[MAX_FRAMES];
	int depth;            /* frames in use */
	long skip;            /* depth inside an unknown element */
	int stopped;          /* we called XML_StopParser */
	int64_t next_node;    /* id of the last node */
	struct text text;
	struct line line;     /* the expense line being read */
	strbuf linetext;      /* its attribute values */
	strbuf path;          /* scratch */
	strbuf ens, ans;      /* scratch: namespace of an element, of an attribute */
	struct block *blocks[NBLOCKS]; /* allocated on the first pipelined file */
	char encoding[64];
	int first_block;      /* the next block is the file's first */
	int as_1252;          /* a latin1 / US-ASCII label read as windows-1252 */
	/* the open elements (all, known or not) with the line each opened on */
	struct {
		char name[OPEN_NAME];
		long line;
	} open[MAX_OPEN];
	long nopen;
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
	p->ld = loader_new(w);
	p->ins_doc = db_prepare(w, "INSERT INTO doc(path,sha256,bytes,encoding) VALUES(?,?,?,?)");
	p->shani = sha256_have_shani();
	p->salt_next = PARSER_SALTS; /* drawn at the first file */
	const char *env = getenv("GRANTCHECK_THREADS");
	p->threads = !env                           ? PARSER_THREADS_AUTO
	             : strcmp(env, "always") == 0 ? PARSER_THREADS_ALWAYS
	             : strcmp(env, "never") == 0  ? PARSER_THREADS_NEVER
	                                          : PARSER_THREADS_AUTO;
	return p;
}

void parser_free(struct parser *p)
{
	if (!p)
		return;
	if (p->xp)
		XML_ParserFree(p->xp);
	loader_free(p->ld);
	sqlite3_finalize(p->ins_doc);
	sb_free(&p->text.buf);
	sb_free(&p->linetext);
	sb_free(&p->path);
	sb_free(&p->ens);
	sb_free(&p->ans);
	for (int i = 0; i < NBLOCKS; i++)
		free(p->blocks[i]);
	free(p);
}

int parser_field(const struct parser *p, const char *name, const char **text, int *num, long pos[2])
{
	return loader_field(p->ld, name, text, num, pos);
}

void parse_outcome_free(struct parse_outcome *o)
{
	sb_free(&o->content);
	sb_free(&o->reason);
	sb_free(&o->found);
	for (int l = 0; l < LANG_COUNT; l++)
		sb_free(&o->say[l]);
}

/* ---- helpers ---------------------------------------------------------- */

static int is_ws(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* The first n bytes of s cut to at most max at a character boundary: how
 * many to keep. */
static size_t capped_at(const char *s, size_t n, size_t max)
{
	if (n <= max)
		return n;
	n = max;
	while (n && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--;
	return n;
}

/* The same cut at PARSER_TEXT_CAP. */
static size_t capped(const char *s, size_t n)
{
	return capped_at(s, n, PARSER_TEXT_CAP);
}

/* The trimmed value of s, at most PARSER_TEXT_CAP bytes cut at a character
 * boundary: returns where it starts and its length in *len; *chars and *ctrl
 * describe the whole trimmed value. */
static const char *trim_span(const char *s, size_t *len, int64_t *chars, int *ctrl, int *truncated)
{
	while (is_ws(*s))
		s++;
	/* one pass (attribute values are read for every expense line): the
	 * value ends after its last byte that is not whitespace; its characters
	 * and control characters are counted up to there */
	const unsigned char *u = (const unsigned char *)s;
	size_t n = 0, end = 0, first_ctrl = SIZE_MAX;
	int64_t c = 0, c_end = 0;
	for (; u[n]; n++) {
		unsigned char b = u[n];
		if (b > 0x20 && b < 0x7F) {
			/* printable ASCII other than space, nearly every byte: one
			 * character, not whitespace, not a control character */
			end = n + 1;
			c_end = ++c;
			continue;
		}
		if ((b & 0xC0) != 0x80)
			c++;
		if (!is_ws((char)b)) {
			end = n + 1;
			c_end = c;
		}
		if (first_ctrl == SIZE_MAX && control_at(u, n, SIZE_MAX)) /* the NUL ends a C2 pair too */
			first_ctrl = n;
	}
	n = end;
	*chars = c_end;
	*ctrl = first_ctrl < n;
	*truncated = n > PARSER_TEXT_CAP;
	*len = capped(s, n);
	return s;
}

/* Copies attribute `which` of the line being read into the loader's chunk. */
static uint32_t line_str(struct parser *p, int which)
{
	const struct line *x = &p->line;
	if (x->at[which] == OP_NOSTR)
		return OP_NOSTR;
	return loader_str(p->ld, p->linetext.s + x->at[which], x->len[which]);
}

static void XMLCALL on_text(void *ud, const XML_Char *s, int len);

/* Starts collecting the text of an element. expat reports text only while
 * one is open: the whitespace between elements (every line of a 300 000-line
 * statement) is then not handed to a handler at all. */
static void text_start(struct parser *p)
{
	struct text *t = &p->text;
	sb_reset(&t->buf);
	t->chars = t->trailing_ws = 0;
	t->ctrl = t->truncated = 0;
	XML_SetCharacterDataHandler(p->xp, on_text);
}

static void XMLCALL on_text(void *ud, const XML_Char *s, int len)
{
	struct parser *p = ud;
	struct text *t = &p->text;
	if (p->skip)
		return; /* text inside an unknown child */
	const unsigned char *u = (const unsigned char *)s;
	int i = 0;
	if (t->chars == 0 && t->buf.len == 0)
		while (i < len && is_ws((char)u[i]))
			i++; /* leading whitespace */
	if (t->buf.len + (size_t)(len - i) <= PARSER_TEXT_CAP) {
		/* the common case: all of it fits under the cap, and is kept at once */
		int from = i;
		for (; i < len; i++) {
			unsigned char c = u[i];
			if (c > 0x20 && c < 0x7F) { /* the usual byte, as in trim_span */
				t->trailing_ws = 0;
				t->chars++;
				continue;
			}
			if ((c & 0xC0) != 0x80) {
				t->trailing_ws = is_ws((char)c) ? t->trailing_ws + 1 : 0;
				t->chars++;
			}
			if (control_at(u, (size_t)i, (size_t)len))
				t->ctrl = 1;
		}
		sb_putn(&t->buf, s + from, (size_t)(len - from));
		if (len > from)
			t->keeping = 1;
		return;
	}
	for (; i < len; i++) {
		unsigned char c = u[i];
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
		if (control_at(u, (size_t)i, (size_t)len))
			t->ctrl = 1;
		/* keep whole characters: a character started under the cap is kept
		 * entirely, one started at the cap not at all */
		if (!cont)
			t->keeping = t->buf.len < PARSER_TEXT_CAP;
		if (t->keeping)
			sb_putc(&t->buf, (char)c);
		else if (!is_ws((char)c))
			t->truncated = 1; /* whitespace past the cap is counted, not kept:
			                     trailing, it is trimmed anyway */
	}
}

static int64_t insert_node(struct parser *p, int64_t parent, char kind, const char *name, const char *ns,
                           const char *path, int fmt, int nth, const char *value, long line, long col);

/* Text directly inside an element that holds only elements or attributes
 * (<statement>, <funds>, <expenses>, <balance>, <period>, <contact>,
 * <attestation>): the XSD refuses it, so it is recorded once per element as a
 * node of kind text (S3 reports it) rather than dropped. Whitespace between
 * the children is the common case and returns at the first loop. */
static void XMLCALL on_container_text(void *ud, const XML_Char *s, int len)
{
	struct parser *p = ud;
	if (p->skip || p->depth == 0)
		return;
	struct frame *f = &p->frames[p->depth - 1];
	if (f->text_seen)
		return;
	int i = 0;
	while (i < len && is_ws(s[i]))
		i++;
	if (i == len)
		return;
	f->text_seen = 1;
	long line = (long)XML_GetCurrentLineNumber(p->xp);
	long col = (long)XML_GetCurrentColumnNumber(p->xp) + 1;
	for (int k = 0; k < i; k++) {
		if (s[k] == '\n') {
			line++;
			col = 1;
		} else {
			col++;
		}
	}
	/* the first 40 bytes of it, cut at a character boundary, to quote */
	int n = len - i < 40 ? len - i : 40;
	while (n < len - i && n > 0 && ((unsigned char)s[i + n] & 0xC0) == 0x80)
		n--;
	char quote[41];
	memcpy(quote, s + i, (size_t)n);
	quote[n] = '\0';
	sb_reset(&p->path);
	sb_puts(&p->path, fmt_nodes[f->fmt].path);
	sb_puts(&p->path, "/#text");
	insert_node(p, f->id, 't', "#text", NULL, p->path.s, -1, 0, quote, line, col);
}

/* Finishes the text: trims trailing whitespace. */
static void text_end(struct parser *p)
{
	struct text *t = &p->text;
	XML_SetCharacterDataHandler(p->xp, NULL);
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

/* Records an element or attribute (with its value, for an attribute) as a
 * node; returns its id. */
static int64_t insert_node(struct parser *p, int64_t parent, char kind, const char *name, const char *ns,
                           const char *path, int fmt, int nth, const char *value, long line, long col)
{
	struct op *o = loader_op(p->ld, OP_NODE);
	o->id = ++p->next_node;
	o->parent = parent;
	o->node_kind = kind;
	o->fmt = fmt;
	o->nth = nth;
	o->str[0] = loader_str(p->ld, name, strlen(name));
	if (ns)
		o->str[1] = loader_str(p->ld, ns, strlen(ns));
	o->str[2] = loader_str(p->ld, path, strlen(path));
	if (value) {
		int ctrl, trunc;
		size_t n;
		const char *v = trim_span(value, &n, &o->nchars, &ctrl, &trunc);
		o->has_value = 1;
		o->ctrl = (unsigned char)ctrl;
		o->str[3] = loader_str(p->ld, v, n);
		if (fmt >= 0 && fmt_nodes[fmt].type == VT_AMOUNT && !trunc)
			o->has_amount = amount_parse(v, n, &o->amount) == AMOUNT_OK;
	}
	o->line = line;
	o->col = col;
	p->out->rows++;
	return o->id;
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

static int looks_like_mojibake(const char *s, size_t n);
static void stop_mojibake(struct parser *p);

/* Records an element or attribute not in the format; a name or namespace
 * longer than PARSER_TEXT_CAP (a hostile 20 MB name) is recorded cut short. */
static void record_unknown(struct parser *p, struct frame *parent, char kind, const char *name,
                           const char *ns, long line, long col)
{
	sb_reset(&p->path);
	sb_puts(&p->path, fmt_nodes[parent->fmt].path);
	sb_putc(&p->path, kind == 'e' ? '/' : '@');
	size_t at = p->path.len;
	sb_putn(&p->path, name, capped(name, strlen(name)));
	strbuf short_ns = {0};
	size_t ns_len = ns ? strlen(ns) : 0;
	if (ns && capped(ns, ns_len) < ns_len) {
		sb_putn(&short_ns, ns, capped(ns, ns_len));
		ns = short_ns.s;
	}
	insert_node(p, parent->id, kind, p->path.s + at, ns, p->path.s, -1, 0, NULL, line, col);
	sb_free(&short_ns);
}

static void handle_attributes(struct parser *p, struct frame *f, const XML_Char **atts, long line, long col)
{
	strbuf *ns = &p->ans;
	for (int i = 0; atts[i]; i += 2) {
		if (p->as_1252 && looks_like_mojibake(atts[i + 1], strlen(atts[i + 1]))) {
			stop_mojibake(p);
			return;
		}
		const char *name = split_name(atts[i], ns);
		int idx = ns->len ? -1 : fmt_child(f->fmt, name, 'a');
		if (idx < 0) {
			record_unknown(p, f, 'a', name, ns->len ? ns->s : NULL, line, col);
			continue;
		}
		if (f->fmt == FMT_EXPENSE) {
			struct line *x = &p->line;
			int which = idx == FMT_EXPENSE_CATEGORY ? LINE_CATEGORY
			            : idx == FMT_EXPENSE_CRITERION ? LINE_CRITERION
			                                            : LINE_NOTE;
			int64_t chars;
			int ctrl, trunc;
			size_t n;
			const char *v = trim_span(atts[i + 1], &n, &chars, &ctrl, &trunc);
			x->at[which] = (uint32_t)sb_putz(&p->linetext, v, n);
			x->len[which] = (uint32_t)n;
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
	if (p->nopen < MAX_OPEN) {
		const char *bar = strchr(qname, '|');
		const char *local = bar ? bar + 1 : qname;
		/* a copy per element: memcpy, not snprintf (which was 1 % of a large
		 * statement's CPU time) */
		size_t n = capped_at(local, strlen(local), OPEN_NAME - 1);
		memcpy(p->open[p->nopen].name, local, n);
		p->open[p->nopen].name[n] = '\0';
		p->open[p->nopen].line = (long)XML_GetCurrentLineNumber(p->xp);
	}
	p->nopen++;
	if (p->skip) {
		p->skip++;
		return;
	}
	long line = (long)XML_GetCurrentLineNumber(p->xp);
	long col = (long)XML_GetCurrentColumnNumber(p->xp) + 1;
	strbuf *ns = &p->ens;
	/* expat names an element "namespace|local"; ours is the usual case */
	static const char our_prefix[] = FORMAT_NS "|";
	int ours = strncmp(qname, our_prefix, sizeof our_prefix - 1) == 0;
	const char *name = ours ? qname + sizeof our_prefix - 1 : split_name(qname, ns);

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
		f->id = insert_node(p, 0, 'e', name, FORMAT_NS, FORMAT_ROOT, FMT_ROOT, 1, NULL, line, col);
		insert_node(p, f->id, 'a', "version", NULL, fmt_nodes[1].path, 1, 1, version, line, col);
		handle_attributes(p, f, atts, line, col);
		XML_SetCharacterDataHandler(p->xp, on_container_text);
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
	f->text_seen = 0;
	if (idx != FMT_EXPENSE) /* an expense line has no known children to count */
		memset(f->counts, 0, sizeof f->counts);
	int nth = ++parent->counts[idx];
	if (idx == FMT_EXPENSE) {
		f->id = 0;
		struct line *x = &p->line;
		sb_reset(&p->linetext);
		x->at[LINE_CATEGORY] = x->at[LINE_CRITERION] = x->at[LINE_NOTE] = OP_NOSTR;
		x->note_chars = 0;
		x->note_ctrl = 0;
		x->line = line;
		x->col = col;
		handle_attributes(p, f, atts, line, col);
		text_start(p);
		return;
	}
	f->id = insert_node(p, parent->id, 'e', name, NULL, fmt_nodes[idx].path, idx, nth, NULL, line, col);
	f->ticket = loader_ticket(p->ld);
	handle_attributes(p, f, atts, line, col);
	if (fmt_nodes[idx].type != VT_NONE)
		text_start(p);
	else
		XML_SetCharacterDataHandler(p->xp, on_container_text);
}

static void XMLCALL on_end(void *ud, const XML_Char *qname)
{
	(void)qname;
	struct parser *p = ud;
	if (p->nopen > 0)
		p->nopen--;
	if (p->skip) {
		p->skip--;
		return;
	}
	/* expat still reports the end of an empty root we refused (<report/>) */
	if (p->stopped || p->depth == 0)
		return;
	struct frame *f = &p->frames[--p->depth];
	/* back in the parent, which holds only elements: watch for text there */
	if (fmt_nodes[f->fmt].type == VT_NONE) {
		if (p->depth > 0)
			XML_SetCharacterDataHandler(p->xp, on_container_text);
		return;
	}
	struct text *t = &p->text;
	text_end(p);
	XML_SetCharacterDataHandler(p->xp, on_container_text);
	const char *s = sb_str(&t->buf);
	if (p->as_1252 && looks_like_mojibake(s, t->buf.len)) {
		stop_mojibake(p);
		return;
	}
	if (f->fmt == FMT_EXPENSE) {
		const struct line *x = &p->line;
		struct op *o = loader_op(p->ld, OP_EXPENSE);
		o->str[0] = line_str(p, LINE_CATEGORY);
		o->str[1] = line_str(p, LINE_CRITERION);
		o->str[2] = line_str(p, LINE_NOTE);
		o->str[3] = loader_str(p->ld, s, t->buf.len);
		o->nchars = x->note_chars;
		o->ctrl = (unsigned char)x->note_ctrl;
		o->has_amount = !t->truncated && amount_parse(s, t->buf.len, &o->amount) == AMOUNT_OK;
		o->line = x->line;
		o->col = x->col;
		p->out->rows++;
		return;
	}
	/* the value goes into the element's row when that is not yet written
	 * (nearly always), else it is an UPDATE of the row */
	struct op *o = loader_pending(p->ld, f->ticket);
	uint32_t *text;
	if (o) {
		o->has_value = 1;
		text = &o->str[3];
	} else {
		o = loader_op(p->ld, OP_VALUE);
		o->id = f->id;
		text = &o->str[0];
	}
	*text = loader_str(p->ld, s, t->buf.len);
	o->nchars = t->chars;
	o->ctrl = (unsigned char)t->ctrl;
	o->has_amount = fmt_nodes[f->fmt].type == VT_AMOUNT && !t->truncated &&
	                amount_parse(s, t->buf.len, &o->amount) == AMOUNT_OK;
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

static ssize_t source_read(struct source *s, void *buf, size_t n)
{
	if (s->fd >= 0) {
		if (s->size > 0 && s->got >= s->size)
			return 0;
		ssize_t r;
		for (;;) {
			r = read(s->fd, buf, n);
			if (r >= 0 || errno != EINTR)
				break;
		}
		/* opened with O_NONBLOCK (parser_load_file), which a regular file
		 * ignores; should a file system honour it, wait as before */
		if (r < 0 && s->nonblock && (errno == EAGAIN || errno == EWOULDBLOCK)) {
			s->nonblock = 0;
			int fl = fcntl(s->fd, F_GETFL);
			if (fl >= 0 && fcntl(s->fd, F_SETFL, fl & ~O_NONBLOCK) == 0)
				return source_read(s, buf, n);
			errno = EAGAIN;
		}
		if (r > 0)
			s->got += r;
		return r;
	}
	size_t k = s->len - s->pos < n ? s->len - s->pos : n;
	memcpy(buf, s->mem + s->pos, k);
	s->pos += k;
	return (ssize_t)k;
}

/* Reads and hashes the next block of src into b: the one place that does. */
static void read_block(struct source *src, sha256 *h, struct block *b)
{
	b->n = source_read(src, b->data, BLOCK);
	b->err = b->n < 0 ? errno : 0;
	if (b->n > 0)
		sha256_update(h, b->data, (size_t)b->n);
}

static void *reader_main(void *arg)
{
	struct reader *r = arg;
	pthread_setname_np(pthread_self(), "gc-reader"); /* for top -H and perf */
	for (;;) {
		struct block *b = chan_take_free(&r->chan);
		read_block(r->src, &r->hash, b);
		ssize_t n = b->n;
		chan_put_full(&r->chan, b);
		if (n <= 0)
			return NULL; /* the end of the file, or an error: the last block */
	}
}

static void reset_outcome(struct parse_outcome *out)
{
	out->status = PARSE_OK;
	out->variant = NULL;
	out->line = out->col = 0;
	sb_reset(&out->reason);
	sb_reset(&out->found);
	for (int l = 0; l < LANG_COUNT; l++)
		sb_reset(&out->say[l]);
	out->sha256[0] = '\0';
	out->bytes = 0;
	out->has_mtime = 0;
	out->mtime = 0;
	out->rows = 0;
	sb_reset(&out->content);
	out->kept = 0;
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

/* The hash salt of the parser's next file, from the kernel's random bytes
 * drawn PARSER_SALTS at a time; never 0 (which asks expat to draw one
 * itself, as it does when the kernel gives none here). */
static unsigned long next_salt(struct parser *p)
{
	if (p->salt_next == PARSER_SALTS) {
		if (getrandom(p->salts, sizeof p->salts, GRND_NONBLOCK) != (ssize_t)sizeof p->salts)
			return 0;
		p->salt_next = 0;
	}
	uint64_t salt = p->salts[p->salt_next++];
	return salt ? (unsigned long)salt : 1;
}

/* Readies p->xp for the next file: created for the first, reset for the
 * others (freeing and creating it again took 15 000 instructions a small
 * statement, 1 % of its check). A reset clears the handlers and the salt,
 * so both are set again, before the first XML_Parse* as expat requires. */
static void start_expat(struct parser *p)
{
	if (!p->xp) {
		p->xp = XML_ParserCreateNS(NULL, '|');
		if (!p->xp)
			die_oom("creating the XML parser");
	} else if (!XML_ParserReset(p->xp, NULL)) {
		die_bug("expat could not reset its parser (XML_ParserReset)");
	}
	XML_Parser xp = p->xp;
	unsigned long salt = next_salt(p);
	if (salt && !XML_SetHashSalt(xp, salt))
		die_bug("expat refused a hash salt (XML_SetHashSalt) before parsing began");
	XML_SetUserData(xp, p);
	XML_SetElementHandler(xp, on_start, on_end);
	XML_SetStartDoctypeDeclHandler(xp, on_doctype);
	XML_SetEntityDeclHandler(xp, on_entity_decl);
	XML_SetExternalEntityRefHandler(xp, on_external_entity);
	XML_SetXmlDeclHandler(xp, on_xmldecl);
	XML_SetUnknownEncodingHandler(xp, on_unknown_encoding, NULL);
	XML_SetParamEntityParsing(xp, XML_PARAM_ENTITY_PARSING_NEVER);
}

/* WHATWG Encoding Standard labels (matched without case) of the two
 * encodings whose aliases expat does not know. */
static const char *const labels_1252[] = {"ansi_x3.4-1968", "ascii", "cp1252", "cp819", "csisolatin1", "ibm819",
                                          "iso-8859-1", "iso-ir-100", "iso8859-1", "iso88591", "iso_8859-1",
                                          "iso_8859-1:1987", "l1", "latin1", "us-ascii", "windows-1252",
                                          "x-cp1252"};
static const char *const labels_utf8[] = {"unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "utf-8", "utf8",
                                          "x-unicode20utf8"};

static int label_in(const char *label, const char *const *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strcasecmp(label, list[i]) == 0)
			return 1;
	return 0;
}

/*
 * Before the first byte is parsed: the encoding label of an XML declaration
 * at the very start (no BOM). A windows-1252 label (ISO-8859-1, latin1,
 * US-ASCII, ...) is read as windows-1252, a UTF-8 alias (utf8) as UTF-8,
 * as the WHATWG Encoding Standard and browsers do (changes-2026-12.md).
 */
static void choose_encoding(struct parser *p, const char *d, size_t n)
{
	if (n < 6 || memcmp(d, "<?xml", 5) != 0)
		return;
	size_t end = 5;
	while (end + 1 < n && end < 512 && !(d[end] == '?' && d[end + 1] == '>'))
		end++;
	const char *e = NULL;
	for (size_t i = 5; i + 8 < end; i++)
		if (memcmp(d + i, "encoding", 8) == 0 && is_ws(d[i - 1])) {
			e = d + i + 8;
			break;
		}
	if (!e)
		return;
	const char *lim = d + end;
	while (e < lim && is_ws(*e))
		e++;
	if (e >= lim || *e != '=')
		return;
	e++;
	while (e < lim && is_ws(*e))
		e++;
	if (e >= lim || (*e != '"' && *e != '\''))
		return;
	char q = *e++;
	const char *close = memchr(e, q, (size_t)(lim - e));
	if (!close || close - e >= 40)
		return;
	char label[40];
	memcpy(label, e, (size_t)(close - e));
	label[close - e] = '\0';
	if (label_in(label, labels_1252, sizeof labels_1252 / sizeof labels_1252[0])) {
		p->as_1252 = 1;
		if (XML_SetEncoding(p->xp, "windows-1252") != XML_STATUS_OK)
			p->as_1252 = 0;
	} else if (label_in(label, labels_utf8, sizeof labels_utf8 / sizeof labels_utf8[0])) {
		if (XML_SetEncoding(p->xp, "UTF-8") != XML_STATUS_OK)
			return;
	}
}

/* Whether a byte sequence is valid UTF-8 from s[0] (of n available): its
 * length, or 0. */
static size_t utf8_len(const unsigned char *s, size_t n)
{
	size_t k = s[0] < 0x80 ? 1 : s[0] >= 0xC2 && s[0] <= 0xDF ? 2 : s[0] >= 0xE0 && s[0] <= 0xEF ? 3
	                          : s[0] >= 0xF0 && s[0] <= 0xF4 ? 4 : 0;
	if (!k || k > n)
		return 0;
	for (size_t i = 1; i < k; i++)
		if ((s[i] & 0xC0) != 0x80)
			return 0;
	return k;
}

/* Mojibake: UTF-8 read as windows-1252 turns å ä ö Å Ä Ö é into Ã¥ Ã¤ Ã¶
 * Ã… Ã„ Ã– Ã©: U+00C3 followed by one of those characters. */
static int looks_like_mojibake(const char *s, size_t n)
{
	static const char *const tails[] = {"\xC2\xA5", "\xC2\xA4", "\xC2\xB6", "\xE2\x80\xA6", "\xE2\x80\x9E",
	                                    "\xE2\x80\x93", "\xC2\xA9"};
	for (const char *x = s; (x = memmem(x, n - (size_t)(x - s), "\xC3\x83", 2)) != NULL; x += 2)
		for (size_t t = 0; t < sizeof tails / sizeof tails[0]; t++) {
			size_t k = strlen(tails[t]);
			if ((size_t)(s + n - (x + 2)) >= k && memcmp(x + 2, tails[t], k) == 0)
				return 1;
		}
	return 0;
}

/* The X2 message for UTF-8 labelled ISO-8859-1 (at the current place). */
static void stop_mojibake(struct parser *p)
{
	struct parse_outcome *out = p->out;
	if (out->status != PARSE_OK)
		return;
	sb_reset(&out->say[LANG_SV]);
	sb_reset(&out->say[LANG_EN]);
	sb_printf(&out->say[LANG_SV], "Texten innehåller tecken som Ã¶ och Ã¥: filen verkar vara UTF-8 men är märkt "
	                              "%s; ändra till encoding=\"UTF-8\" på första raden", p->encoding);
	sb_printf(&out->say[LANG_EN], "The text holds characters like Ã¶ and Ã¥: the file looks like UTF-8 but is "
	                              "labelled %s; change it to encoding=\"UTF-8\" on the first line", p->encoding);
	stop(p, PARSE_X2, "said");
}

/* Explains the error code at the parser's error place in both languages:
 * an element left open, an unescaped &, curly quotes, bytes not valid in
 * the encoding; otherwise the code's text (xmlerr.c). */
static void explain_error(struct parser *p, enum XML_Error code)
{
	struct parse_outcome *out = p->out;
	XML_Parser xp = p->xp;
	strbuf *sv = &out->say[LANG_SV], *en = &out->say[LANG_EN];
	int off = 0, size = 0;
	const char *ctx = XML_GetInputContext(xp, &off, &size);
	const unsigned char *at = ctx && off >= 0 && off < size ? (const unsigned char *)ctx + off : NULL;
	size_t left = at ? (size_t)(size - off) : 0;
	long top = p->nopen < MAX_OPEN ? p->nopen - 1 : MAX_OPEN - 1;
	int utf8 = !p->as_1252 && (!p->encoding[0] || strcasecmp(p->encoding, "UTF-8") == 0 ||
	                           label_in(p->encoding, labels_utf8, sizeof labels_utf8 / sizeof labels_utf8[0]));
	if ((code == XML_ERROR_INVALID_TOKEN || code == XML_ERROR_PARTIAL_CHAR) && at && utf8 && *at >= 0x80 &&
	    !utf8_len(at, left)) {
		/* a byte that is not UTF-8: most likely windows-1252 (å ä ö as one byte) */
		sb_printf(sv, "Tecknet på rad %ld, kolumn %ld (byte 0x%02X) är inte giltig UTF-8; filen verkar vara "
		              "sparad som windows-1252. Skriv encoding=\"windows-1252\" på första raden eller spara "
		              "filen som UTF-8", out->line, out->col, *at);
		sb_printf(en, "The character on line %ld, column %ld (byte 0x%02X) is not valid UTF-8; the file seems "
		              "to be saved as windows-1252. Write encoding=\"windows-1252\" on the first line or save "
		              "the file as UTF-8", out->line, out->col, *at);
		out->variant = "said";
		return;
	}
	if (code == XML_ERROR_INVALID_TOKEN && at && (*at == '&' || (off > 0 && ctx[off - 1] == '&'))) {
		sb_puts(sv, "tecknet & måste skrivas &amp; i XML (t.ex. \"Östergötland &amp; Jönköping\")");
		sb_puts(en, "the character & must be written &amp; in XML (e.g. \"Research &amp; Development\")");
		return;
	}
	if ((code == XML_ERROR_INVALID_TOKEN || code == XML_ERROR_UNCLOSED_TOKEN) && at && left >= 3 && at[0] == 0xE2 &&
	    at[1] == 0x80 && (at[2] == 0x9C || at[2] == 0x9D || at[2] == 0x99 || at[2] == 0x98)) {
		sb_puts(sv, "attributvärden ska stå inom raka citattecken \" \", inte typografiska “ ” eller ’ "
		            "(ett ordbehandlingsprogram byter ut dem)");
		sb_puts(en, "attribute values must be in straight quotes \" \", not curly “ ” or ’ "
		            "(a word processor replaces them)");
		return;
	}
	if ((code == XML_ERROR_TAG_MISMATCH || code == XML_ERROR_NO_ELEMENTS || code == XML_ERROR_UNCLOSED_TOKEN) &&
	    top >= 0 && p->nopen > 0) {
		const char *name = p->open[top].name;
		long line = p->open[top].line;
		sb_printf(sv, "<%s> på rad %ld avslutas aldrig; lägg till </%s> där elementet slutar", name, line,
		          name);
		sb_printf(en, "<%s> on line %ld is never closed; add </%s> where the element ends", name, line, name);
		return;
	}
	sb_puts(sv, xmlerr_text(code, LANG_SV));
	sb_puts(en, xmlerr_text(code, LANG_EN));
}

/* Parses block b (the last when b->n is 0) unless the parse already ended;
 * returns 0 when it ends here. */
static int parse_block(struct parser *p, const struct block *b)
{
	struct parse_outcome *out = p->out;
	XML_Parser xp = p->xp;
	if (b->n == 0 && out->bytes == 0) {
		set_x(out, PARSE_X1, "empty", NULL);
		return 0;
	}
	if (p->first_block) {
		p->first_block = 0;
		choose_encoding(p, b->data, (size_t)b->n);
	}
	if (XML_Parse(xp, b->data, (int)b->n, b->n == 0) == XML_STATUS_OK)
		return 1;
	enum XML_Error code = XML_GetErrorCode(xp);
	if (!p->stopped) {
		out->line = (long)XML_GetErrorLineNumber(xp);
		out->col = (long)XML_GetErrorColumnNumber(xp) + 1;
		if (code == XML_ERROR_UNKNOWN_ENCODING || code == XML_ERROR_INCORRECT_ENCODING) {
			set_x(out, PARSE_X2, "encoding", XML_ErrorString(code));
			sb_set(&out->found, p->encoding[0] ? p->encoding : "?");
		} else {
			set_x(out, PARSE_X2, "syntax", XML_ErrorString(code));
			explain_error(p, code);
		}
	}
	return 0;
}

/*
 * Streams src through expat into the working database. With threads (a
 * large file) three stages overlap: the reader thread reads and hashes, this
 * thread parses, and the loader's writer thread inserts; small files do all
 * three here, block by block. The file is read to its end even after the
 * parse stops, so its SHA-256 and size are always those of the whole file.
 */
static void run(struct parser *p, struct source *src, int threaded, const char *path, struct parse_outcome *out)
{
	p->out = out;
	p->depth = 0;
	p->skip = 0;
	p->stopped = 0;
	p->next_node = 0;
	p->encoding[0] = '\0';
	p->first_block = 1;
	p->as_1252 = 0;
	p->nopen = 0;
	start_expat(p);
	loader_begin(p->ld, threaded);

	struct reader r = {.src = src};
	sha256_init_impl(&r.hash, p->shani);
	struct block *own = NULL;
	if (threaded) {
		for (int i = 0; i < NBLOCKS; i++)
			if (!p->blocks[i])
				p->blocks[i] = xmalloc(sizeof *p->blocks[i]);
		chan_init(&r.chan, (void *const *)p->blocks, NBLOCKS);
		chan_thread(&r.thread, reader_main, &r);
	} else {
		if (!p->blocks[0])
			p->blocks[0] = xmalloc(sizeof *p->blocks[0]);
		own = p->blocks[0];
	}
	int parsing = 1, keep = p->keep_max > 0;
	for (;;) {
		struct block *b = own;
		if (threaded)
			b = chan_take_full(&r.chan);
		else
			read_block(src, &r.hash, b);
		ssize_t n = b->n;
		if (n < 0)
			set_x(out, PARSE_X1, "unreadable", strerror(b->err));
		else
			out->bytes += (uint64_t)n;
		if (keep && n > 0 && out->bytes <= p->keep_max)
			sb_putn(&out->content, b->data, (size_t)n);
		else if (n != 0)
			keep = 0; /* a read error, or more than keep_max bytes */
		if (n >= 0 && parsing)
			parsing = parse_block(p, b);
		if (threaded)
			chan_put_free(&r.chan, b);
		if (n <= 0)
			break; /* and the reader has stopped after this block */
	}
	if (threaded) {
		chan_join(r.thread);
		chan_destroy(&r.chan);
	}
	out->kept = keep;
	if (!keep)
		sb_free(&out->content);
	loader_finish(p->ld);
	sha256_final_hex(&r.hash, out->sha256);
	sqlite3_stmt *st = p->ins_doc;
	bind_text_or_null(st, 1, path);
	sqlite3_bind_text(st, 2, out->sha256, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 3, (sqlite3_int64)out->bytes);
	bind_text_or_null(st, 4, p->encoding[0] ? p->encoding : NULL);
	int rc = sqlite3_step(st);
	db_check(p->w, rc == SQLITE_DONE ? SQLITE_OK : rc, "recording the document");
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
}

/* Whether a file of this size (-1: unknown, a pipe) is worth three threads. */
static int use_threads(const struct parser *p, int64_t size)
{
	return p->threads == PARSER_THREADS_ALWAYS ||
	       (p->threads == PARSER_THREADS_AUTO && (size < 0 || size >= PARSER_THREADS_BYTES));
}

void parser_set_threads(struct parser *p, enum parser_threads t)
{
	p->threads = t;
}

void parser_keep_bytes(struct parser *p, size_t max)
{
	p->keep_max = max;
}

/* What a path that is not a regular file is, for X1 "notregular": Swedish
 * and English, or NULL for a regular file or a folder (X1 "directory"). */
static const char *const *file_kind(mode_t m)
{
	static const char *const fifo[2] = {"en FIFO (namngiven pipe)", "a FIFO (named pipe)"};
	static const char *const chr[2] = {"en teckenenhet (device)", "a character device"};
	static const char *const blk[2] = {"en blockenhet (device)", "a block device"};
	static const char *const sock[2] = {"en socket", "a socket"};
	static const char *const other[2] = {"en specialfil", "a special file"};
	if (S_ISREG(m) || S_ISDIR(m))
		return NULL;
	return S_ISFIFO(m) ? fifo : S_ISCHR(m) ? chr : S_ISBLK(m) ? blk : S_ISSOCK(m) ? sock : other;
}

static void set_mtime(struct parse_outcome *out, const struct stat *sb)
{
	out->has_mtime = 1;
	out->mtime = (int64_t)sb->st_mtime;
}

/*
 * Opens without blocking (a FIFO with no writer would wait for ever) and
 * looks at what was opened before reading a byte: anything but a regular
 * file (a FIFO, /dev/zero, a link to /dev/urandom, a socket) is X1, since
 * it may never end. Standard input, given as "-", is read whatever it is.
 */
void parser_load_file(struct parser *p, const char *path, struct parse_outcome *out)
{
	reset_outcome(out);
	int is_stdin = strcmp(path, "-") == 0;
	int fd = is_stdin ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
	struct stat sb;
	if (fd < 0) {
		int err = errno;
		int have_sb = stat(path, &sb) == 0;
		if (have_sb)
			set_mtime(out, &sb);
		const char *const *kind = have_sb ? file_kind(sb.st_mode) : NULL;
		if (kind) { /* a socket cannot be opened at all */
			set_x(out, PARSE_X1, "notregular", NULL);
			sb_set(&out->say[LANG_SV], kind[LANG_SV]);
			sb_set(&out->say[LANG_EN], kind[LANG_EN]);
			return;
		}
		set_x(out, PARSE_X1, err == ENOENT ? "missing" : "unreadable", strerror(err));
		return;
	}
	int64_t size = -1;
	if (fstat(fd, &sb) != 0) {
		set_x(out, PARSE_X1, "unreadable", strerror(errno));
		if (!is_stdin)
			close(fd);
		return;
	}
	if (!is_stdin) {
		set_mtime(out, &sb); /* of the file whose bytes are read, not of what is at path later */
		const char *const *kind = file_kind(sb.st_mode);
		if (S_ISDIR(sb.st_mode) || kind) {
			close(fd);
			set_x(out, PARSE_X1, kind ? "notregular" : "directory", NULL);
			if (kind) {
				sb_set(&out->say[LANG_SV], kind[LANG_SV]);
				sb_set(&out->say[LANG_EN], kind[LANG_EN]);
			}
			return;
		}
		/* a regular file: O_NONBLOCK does nothing to its reads (Linux
		 * ignores it for regular files), so it is not cleared (two system
		 * calls a file); source_read still waits should one say EAGAIN */
	}
	if (S_ISREG(sb.st_mode))
		size = (int64_t)sb.st_size;
	struct source src = {fd, NULL, 0, 0, !is_stdin, size, 0};
	run(p, &src, use_threads(p, size), is_stdin ? NULL : path, out);
	if (!is_stdin)
		close(fd);
}

void parser_load_mem(struct parser *p, const char *data, size_t n, struct parse_outcome *out)
{
	reset_outcome(out);
	struct source src = {-1, data, n, 0, 0, -1, 0};
	run(p, &src, use_threads(p, (int64_t)n), NULL, out);
}

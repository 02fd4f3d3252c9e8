/*
 * out_html.c - the HTML report (see out_html.h): the page builder, the
 * escaping, the excerpts read again from the statement, and the writer
 * output_html() for check and register.
 */
#include "out_html.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "checks.h"
#include "output.h"

/* ---- escaping ---- */

void html_escape(strbuf *b, const char *str, size_t n)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0;
	while (i < n) {
		unsigned char c = s[i];
		if (control_at(s, i, n) || c == '\n') {
			unsigned cp = c == 0xC2 ? s[i + 1] : c;
			sb_printf(b, "<span class=\"ctl\">\\u%04X</span>", cp);
			i += c == 0xC2 ? 2 : 1;
			continue;
		}
		switch (c) {
		case '&': sb_puts(b, "&amp;"); i++; continue;
		case '<': sb_puts(b, "&lt;"); i++; continue;
		case '>': sb_puts(b, "&gt;"); i++; continue;
		case '"': sb_puts(b, "&quot;"); i++; continue;
		case '\'': sb_puts(b, "&#39;"); i++; continue;
		default: break;
		}
		if (c < 0x80) {
			sb_putc(b, (char)c);
			i++;
			continue;
		}
		int len = utf8_seq_len(s + i);
		if (!len || (size_t)len > n - i) {
			sb_puts(b, "\xEF\xBF\xBD");
			i++;
		} else {
			sb_putn(b, (const char *)s + i, (size_t)len);
			i += (size_t)len;
		}
	}
}

static void esc(strbuf *b, const char *s)
{
	html_escape(b, s ? s : "", s ? strlen(s) : 0);
}

/* Rule text kept by us (titles, explanations, messages): escaped too, but
 * newlines are kept as line breaks (the CSS shows them). */
static void esc_text(strbuf *b, const char *s)
{
	while (s && *s) {
		const char *nl = strchr(s, '\n');
		size_t n = nl ? (size_t)(nl - s) : strlen(s);
		html_escape(b, s, n);
		if (!nl)
			break;
		sb_putc(b, '\n');
		s = nl + 1;
	}
}

/* ---- the statement's lines, read again ---- */

enum src_enc { ENC_UTF8, ENC_1252, ENC_UTF16LE, ENC_UTF16BE };

/* windows-1252 0x80..0x9F (0 where undefined: shown as U+FFFD). */
static const uint16_t cp1252_hi[32] = {
	0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
	0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
	0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

static void put_cp(strbuf *b, uint32_t cp)
{
	char u[4];
	if (cp < 0x80) {
		u[0] = (char)cp;
		sb_putn(b, u, 1);
	} else if (cp < 0x800) {
		u[0] = (char)(0xC0 | cp >> 6);
		u[1] = (char)(0x80 | (cp & 0x3F));
		sb_putn(b, u, 2);
	} else if (cp < 0x10000) {
		u[0] = (char)(0xE0 | cp >> 12);
		u[1] = (char)(0x80 | (cp >> 6 & 0x3F));
		u[2] = (char)(0x80 | (cp & 0x3F));
		sb_putn(b, u, 3);
	} else {
		u[0] = (char)(0xF0 | cp >> 18);
		u[1] = (char)(0x80 | (cp >> 12 & 0x3F));
		u[2] = (char)(0x80 | (cp >> 6 & 0x3F));
		u[3] = (char)(0x80 | (cp & 0x3F));
		sb_putn(b, u, 4);
	}
}

/* The encoding to show the file's lines in: a BOM, else the declaration in
 * the first bytes (ISO-8859-1 and US-ASCII read as windows-1252, as the
 * parser does), else UTF-8. */
static enum src_enc detect_enc(const unsigned char *s, size_t n, size_t *skip)
{
	*skip = 0;
	if (n >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) {
		*skip = 3;
		return ENC_UTF8;
	}
	if (n >= 2 && s[0] == 0xFF && s[1] == 0xFE) {
		*skip = 2;
		return ENC_UTF16LE;
	}
	if (n >= 2 && s[0] == 0xFE && s[1] == 0xFF) {
		*skip = 2;
		return ENC_UTF16BE;
	}
	char head[201];
	size_t h = n < 200 ? n : 200;
	for (size_t i = 0; i < h; i++)
		head[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]);
	head[h] = '\0';
	char *end = strstr(head, "?>");
	if (end)
		*end = '\0';
	char *e = strstr(head, "encoding");
	if (e && (strstr(e, "8859-1") || strstr(e, "latin1") || strstr(e, "1252") || strstr(e, "ascii")))
		return ENC_1252;
	return ENC_UTF8;
}

/* Lines wanted (sorted, unique) and what was read of them. */
struct excerpt {
	long *want;
	char **text; /* UTF-8, at most a few HTML_LINE_CHARS; NULL when not read */
	int n;
	int cut; /* the read stopped at HTML_READ_MAX */
};

static int cmp_long(const void *a, const void *b)
{
	long x = *(const long *)a, y = *(const long *)b;
	return (x > y) - (x < y);
}

struct line_reader {
	struct excerpt *x;
	int next;     /* index into x->want */
	long line;    /* current line number, from 1 */
	strbuf cur;   /* the current line, capped */
	int after_cr; /* a \n right after \r ends nothing */
	int open;     /* bytes since the last line end */
};

static void lr_end_line(struct line_reader *lr)
{
	if (lr->next < lr->x->n && lr->x->want[lr->next] == lr->line) {
		lr->x->text[lr->next] = xstrdup(sb_str(&lr->cur));
		lr->next++;
	}
	sb_reset(&lr->cur);
	lr->line++;
}

/* One decoded byte of UTF-8 text. */
static void lr_byte(struct line_reader *lr, unsigned char c)
{
	if (c == '\n' && lr->after_cr) {
		lr->after_cr = 0;
		return;
	}
	lr->after_cr = c == '\r';
	if (c == '\n' || c == '\r') {
		lr_end_line(lr);
		lr->open = 0;
		return;
	}
	lr->open = 1;
	if (lr->next < lr->x->n && lr->x->want[lr->next] == lr->line && lr->cur.len < HTML_LINE_CHARS * 4 + 4)
		sb_putc(&lr->cur, (char)c);
}

static void lr_cp(struct line_reader *lr, uint32_t cp)
{
	strbuf u = {0};
	put_cp(&u, cp);
	for (size_t i = 0; i < u.len; i++)
		lr_byte(lr, (unsigned char)u.s[i]);
	sb_free(&u);
}

/* Reads from path, or from a duplicate of from_fd when it is not -1 (an
 * upload in memory: the path is then only a label, never opened). */
static void excerpt_read(struct excerpt *x, const char *path, int from_fd)
{
	if (from_fd < 0 && strcmp(path, "-") == 0)
		return; /* standard input: gone once checked */
	int fd = from_fd >= 0 ? fcntl(from_fd, F_DUPFD_CLOEXEC, 0) : open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return;
	if (from_fd >= 0 && lseek(fd, 0, SEEK_SET) != 0) {
		close(fd);
		return;
	}
	struct stat st;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return;
	}
	struct line_reader lr = {x, 0, 1, {0}, 0, 0};
	unsigned char buf[65536];
	size_t total = 0;
	int first = 1;
	enum src_enc enc = ENC_UTF8;
	unsigned pend = 0;
	int npend = 0; /* UTF-16: a byte or a high surrogate waiting */
	uint32_t hi = 0;
	for (;;) {
		ssize_t got = read(fd, buf, sizeof buf);
		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0)
			break;
		size_t i = 0, n = (size_t)got;
		if (first) {
			enc = detect_enc(buf, n, &i);
			first = 0;
		}
		for (; i < n && lr.next < x->n; i++) {
			unsigned char c = buf[i];
			if (enc == ENC_UTF8) {
				lr_byte(&lr, c);
			} else if (enc == ENC_1252) {
				if (c < 0x80)
					lr_byte(&lr, c);
				else
					lr_cp(&lr, c >= 0xA0 ? c : (cp1252_hi[c - 0x80] ? cp1252_hi[c - 0x80] : 0xFFFD));
			} else if (!npend) {
				pend = c;
				npend = 1;
			} else {
				uint32_t u = enc == ENC_UTF16LE ? (uint32_t)(c << 8 | pend) : (uint32_t)(pend << 8 | c);
				npend = 0;
				if (u >= 0xD800 && u < 0xDC00) {
					hi = u;
				} else if (u >= 0xDC00 && u < 0xE000) {
					lr_cp(&lr, hi ? 0x10000 + ((hi - 0xD800) << 10) + (u - 0xDC00) : 0xFFFD);
					hi = 0;
				} else {
					if (hi)
						lr_cp(&lr, 0xFFFD);
					hi = 0;
					lr_cp(&lr, u);
				}
			}
		}
		total += n;
		if (lr.next >= x->n)
			break;
		if (total >= HTML_READ_MAX) {
			x->cut = 1;
			break;
		}
	}
	if (!x->cut && lr.open)
		lr_end_line(&lr); /* the last line without a newline */
	sb_free(&lr.cur);
	close(fd);
}

static void excerpt_init(struct excerpt *x, const struct file_result *r, int from_fd)
{
	memset(x, 0, sizeof *x);
	long *w = xmalloc(sizeof *w * (size_t)(r->nfindings * (2 * HTML_CONTEXT_LINES + 1) + 1));
	int n = 0;
	for (int i = 0; i < r->nfindings; i++) {
		long l = r->findings[i].line;
		if (l <= 0)
			continue;
		for (long k = l - HTML_CONTEXT_LINES; k <= l + HTML_CONTEXT_LINES; k++)
			if (k >= 1)
				w[n++] = k;
	}
	qsort(w, (size_t)n, sizeof *w, cmp_long);
	int u = 0;
	for (int i = 0; i < n; i++)
		if (!u || w[u - 1] != w[i])
			w[u++] = w[i];
	x->want = w;
	x->n = u;
	x->text = xcalloc((size_t)(u ? u : 1), sizeof *x->text);
	if (u)
		excerpt_read(x, r->path, from_fd);
}

static const char *excerpt_line(const struct excerpt *x, long line)
{
	const long *p = bsearch(&line, x->want, (size_t)x->n, sizeof line, cmp_long);
	return p ? x->text[p - x->want] : NULL;
}

static void excerpt_free(struct excerpt *x)
{
	for (int i = 0; i < x->n; i++)
		free(x->text[i]);
	free(x->text);
	free(x->want);
}

/* One line: at most HTML_LINE_CHARS characters, the character at column col
 * (from 1; 0 for none) marked. */
static void put_src_line(strbuf *b, const char *s, long col)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t n = strlen(s), i = 0;
	long ch = 1;
	while (i < n && ch <= HTML_LINE_CHARS) {
		int len = utf8_seq_len(u + i);
		size_t step = len && (size_t)len <= n - i ? (size_t)len : 1;
		if (ch == col)
			sb_puts(b, "<mark>");
		html_escape(b, s + i, step);
		if (ch == col)
			sb_puts(b, "</mark>");
		i += step;
		ch++;
	}
	if (i < n)
		sb_puts(b, "<span class=\"cut\">…</span>");
	else if (col >= ch)
		sb_puts(b, "<mark class=\"eol\"> </mark>");
}

/* ---- the page ---- */

struct words {
	const char *title, *verdict, *valid, *invalid, *all_valid, *some_invalid, *file, *result, *sha, *ruleset,
		*checksum, *none, *version, *time, *findings, *no_findings, *howto, *place, *whole_file, *line_col,
		*unreadable, *past_cap, *col_past, *register_, *programme, *rcc, *year, *omitted, *of_files, *sev[3];
};

static const struct words words[LANG_COUNT] = {
	[LANG_SV] = {"Granskningsrapport för ekonomisk redovisning", "Resultat", "Godkänd", "Underkänd",
	             "Alla filer är godkända", "Minst en fil är underkänd", "Fil", "Resultat", "SHA-256",
	             "Regeluppsättning", "kontrollsumma", "ingen (filen kunde inte läsas som redovisning)",
	             "grantcheck version", "Kontrollerad", "Avvikelser", "Inga avvikelser.", "Så rättar du", "Plats",
	             "gäller hela filen", "rad %ld, kolumn %ld", "Raderna visas inte (filen kunde inte läsas igen).",
	             "Raderna visas inte (de ligger efter de första %zu MiB).", "kolumn %ld ligger efter det som visas",
	             "Registret", "Program", "RCC", "År", "Ytterligare %d avvikelser visas inte (de första %d visas).",
	             "%d av %d filer godkända",
	             {"Fel", "Varning", "Notering"}},
	[LANG_EN] = {"Validation report for the grant statement", "Result", "Valid", "Invalid", "All files are valid",
	             "At least one file is invalid", "File", "Result", "SHA-256",
	             "Rule set", "checksum", "none (the file could not be read as a statement)", "grantcheck version",
	             "Checked", "Findings", "No findings.", "How to fix", "Place", "about the whole file",
	             "line %ld, column %ld", "The lines are not shown (the file could not be read again).",
	             "The lines are not shown (they are beyond the first %zu MiB).", "column %ld is beyond what is shown",
	             "Register", "Programme", "RCC", "Year", "%d more findings are not shown (the first %d are).",
	             "%d of %d files valid",
	             {"Error", "Warning", "Note"}},
};

void html_page_init(struct html_page *p, enum lang l)
{
	memset(p, 0, sizeof *p);
	p->lang = l;
	time_t t = time(NULL);
	const char *sde = getenv("SOURCE_DATE_EPOCH");
	if (sde && *sde) {
		char *end;
		long long v = strtoll(sde, &end, 10);
		if (!*end && v >= 0)
			t = (time_t)v;
	}
	struct tm tm;
	if (!gmtime_r(&t, &tm) || !strftime(p->when, sizeof p->when, "%Y-%m-%d %H:%M:%S UTC", &tm))
		snprintf(p->when, sizeof p->when, "?");
}

/* How to fix a finding: the rule's fix.* text, else its explanation. */
static const char *rule_fix(const struct rule *r, enum lang l)
{
	return r->fix[l] ? r->fix[l] : r->explain[l];
}

static void counts(strbuf *b, const struct words *w, long e, long wa, long i)
{
	int sv = w == &words[LANG_SV];
	sb_printf(b, "%ld %s, %ld %s", e, sv ? "fel" : e == 1 ? "error" : "errors", wa,
	          sv ? (wa == 1 ? "varning" : "varningar") : wa == 1 ? "warning" : "warnings");
	if (i)
		sb_printf(b, ", %ld %s", i, sv ? (i == 1 ? "notering" : "noteringar") : i == 1 ? "note" : "notes");
}

static void finding_html(strbuf *b, const struct words *w, const struct finding *f, const struct excerpt *x,
                         int cut, enum lang l)
{
	static const char *const cls[] = {"error", "warning", "info"};
	sb_printf(b, "<li class=\"finding %s\"><div class=\"fhead\"><span class=\"badge\">%s</span> <code>%s</code> ",
	          cls[f->severity], w->sev[f->severity], f->rule->id);
	esc(b, f->rule->title[l]);
	sb_puts(b, "</div>\n<p class=\"msg\">");
	esc_text(b, f->msg[l]);
	sb_printf(b, "</p>\n<p class=\"place\">%s: ", w->place);
	if (f->line)
		sb_printf(b, w->line_col, f->line, f->col);
	else
		sb_puts(b, w->whole_file);
	sb_puts(b, "</p>\n");
	if (f->line) {
		if (!excerpt_line(x, f->line)) {
			sb_puts(b, "<p class=\"note\">");
			if (cut)
				sb_printf(b, w->past_cap, HTML_READ_MAX >> 20);
			else
				sb_puts(b, w->unreadable);
			sb_puts(b, "</p>\n");
		} else {
			sb_puts(b, "<pre class=\"src\">");
			for (long k = f->line - HTML_CONTEXT_LINES; k <= f->line + HTML_CONTEXT_LINES; k++) {
				const char *s = k >= 1 ? excerpt_line(x, k) : NULL;
				if (!s)
					continue;
				sb_printf(b, "<span class=\"%s\"><span class=\"ln\">%6ld</span> ", k == f->line ? "hit" : "ctx", k);
				put_src_line(b, s, k == f->line ? f->col : 0);
				sb_puts(b, "</span>\n");
			}
			sb_puts(b, "</pre>\n");
			if (f->col > HTML_LINE_CHARS) {
				sb_puts(b, "<p class=\"note\">");
				sb_printf(b, w->col_past, f->col);
				sb_puts(b, "</p>\n");
			}
		}
	}
	const char *fix = rule_fix(f->rule, l);
	if (fix && *fix) {
		sb_printf(b, "<details open><summary>%s</summary><p class=\"fix\">", w->howto);
		esc_text(b, fix);
		sb_puts(b, "</p></details>\n");
	}
	sb_puts(b, "</li>\n");
}

void html_page_file(struct html_page *p, const struct file_result *r, const char *note)
{
	html_page_file_fd(p, r, note, -1);
}

void html_page_file_fd(struct html_page *p, const struct file_result *r, const char *note, int fd)
{
	const struct words *w = &words[p->lang];
	enum lang l = p->lang;
	int ok = r->errors == 0;
	p->nfiles++;
	p->nvalid += ok;
	p->errors += r->errors;
	p->warnings += r->warnings;
	p->infos += r->infos;

	strbuf *v = &p->verdicts;
	sb_printf(v, "<tr class=\"%s\"><td><a href=\"#f%d\">", ok ? "ok" : "bad", p->nfiles);
	esc(v, r->path);
	sb_printf(v, "</a></td><td><strong>%s</strong></td><td>", ok ? w->valid : w->invalid);
	counts(v, w, r->errors, r->warnings, r->infos);
	sb_puts(v, "</td></tr>\n");

	strbuf *b = &p->body;
	sb_printf(b, "<section class=\"file %s\" id=\"f%d\">\n<h2>", ok ? "ok" : "bad", p->nfiles);
	esc(b, r->path);
	sb_printf(b, "</h2>\n<p class=\"verdict %s\"><strong>%s</strong> (", ok ? "ok" : "bad", ok ? w->valid : w->invalid);
	counts(b, w, r->errors, r->warnings, r->infos);
	sb_puts(b, ")</p>\n<table class=\"facts\">\n");
	if (r->programme || r->rcc || r->year) {
		sb_printf(b, "<tr><th>%s</th><td>", w->programme);
		esc(b, r->programme ? r->programme : "—");
		sb_printf(b, "</td></tr>\n<tr><th>%s</th><td>", w->rcc);
		esc(b, r->rcc ? r->rcc : "—");
		if (r->year)
			sb_printf(b, "</td></tr>\n<tr><th>%s</th><td>%d", w->year, r->year);
		sb_puts(b, "</td></tr>\n");
	}
	if (r->sha256[0])
		sb_printf(b, "<tr><th>%s</th><td><code>%s</code> (%llu %s)</td></tr>\n", w->sha, r->sha256,
		          (unsigned long long)r->bytes, l == LANG_SV ? "byte" : "bytes");
	sb_printf(b, "<tr><th>%s</th><td>", w->ruleset);
	if (r->ruleset) {
		esc(b, r->ruleset->id);
		sb_printf(b, ", %s <code>%s</code>", w->checksum, r->ruleset->checksum);
	} else {
		sb_puts(b, w->none);
	}
	sb_puts(b, "</td></tr>\n");
	if (note) {
		sb_printf(b, "<tr><th>%s</th><td>", w->register_);
		esc(b, note);
		sb_puts(b, "</td></tr>\n");
	}
	sb_puts(b, "</table>\n");

	if (!r->nfindings) {
		sb_printf(b, "<p>%s</p>\n</section>\n", w->no_findings);
		return;
	}
	struct excerpt x;
	excerpt_init(&x, r, fd);
	sb_printf(b, "<h3>%s</h3>\n<ol class=\"findings\">\n", w->findings);
	for (int i = 0; i < r->nfindings; i++)
		finding_html(b, w, &r->findings[i], &x, x.cut, l);
	sb_puts(b, "</ol>\n");
	if (r->omitted) {
		sb_puts(b, "<p class=\"note\">");
		sb_printf(b, w->omitted, r->omitted, FINDINGS_KEPT);
		sb_puts(b, "</p>\n");
	}
	sb_puts(b, "</section>\n");
	excerpt_free(&x);
}

static const char css[] =
	"body{font:15px/1.45 system-ui,'Segoe UI',Roboto,Arial,sans-serif;color:#1b1b1b;margin:0 auto;max-width:70em;"
	"padding:1.5em}\n"
	"h1{font-size:1.5em;margin:0 0 .3em}h2{font-size:1.2em;margin:0;word-break:break-all}h3{font-size:1.05em}\n"
	".overall{font-size:1.25em;padding:.6em 1em;border-radius:6px;margin:.8em 0}\n"
	".overall.ok,.verdict.ok{background:#e3f4e6;color:#125c24}\n"
	".overall.bad,.verdict.bad{background:#fde8e8;color:#8a1414}\n"
	".verdict{display:inline-block;padding:.2em .7em;border-radius:4px}\n"
	"table{border-collapse:collapse}td,th{text-align:left;vertical-align:top;padding:.25em .8em .25em 0}\n"
	"table.verdicts td{border-bottom:1px solid #ddd;word-break:break-all}\n"
	"tr.bad strong{color:#8a1414}tr.ok strong{color:#125c24}\n"
	"section.file{border-top:3px solid #999;margin-top:2em;padding-top:1em}\n"
	"section.file.bad{border-top-color:#b42318}section.file.ok{border-top-color:#2e7d32}\n"
	"table.facts th{font-weight:600;white-space:nowrap}table.facts code{word-break:break-all}\n"
	"ol.findings{padding-left:1.5em}li.finding{margin:0 0 1.4em;padding-left:.3em}\n"
	".fhead{font-weight:600}.badge{display:inline-block;padding:0 .5em;border-radius:3px;font-size:.85em;"
	"color:#fff;background:#555}\n"
	".error .badge{background:#b42318}.warning .badge{background:#a15c00}.info .badge{background:#2f5d8a}\n"
	".msg{margin:.3em 0}.place{margin:.2em 0;color:#444;font-size:.93em}\n"
	"pre.src{background:#f6f6f6;border:1px solid #ddd;padding:.5em;overflow-x:auto;font-size:13px;margin:.3em 0;"
	"white-space:pre}\n"
	"pre.src .ln{color:#888;user-select:none}pre.src .hit{background:#fff4c2;display:inline-block;min-width:100%}\n"
	"mark{background:#f5a623;color:#000;outline:1px solid #b36b00}\n"
	".ctl{color:#b42318;background:#fde8e8;font-family:monospace;font-size:.9em}.cut{color:#888}\n"
	".fix,.msg{white-space:pre-line}details summary{cursor:pointer;font-weight:600}.fix{margin:.2em 0 0 1em}\n"
	".note{color:#555;font-style:italic}footer{margin-top:2em;color:#555;font-size:.9em}\n"
	"@media print{body{max-width:none}details{display:block}}\n";

void html_page_finish(struct html_page *p, strbuf *out)
{
	const struct words *w = &words[p->lang];
	int all = p->nvalid == p->nfiles;
	sb_printf(out, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
	               "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
	               "<meta name=\"generator\" content=\"grantcheck %s\">\n<title>%s</title>\n<style>\n%s</style>\n"
	               "</head>\n<body>\n<header>\n<h1>%s</h1>\n",
	          lang_code(p->lang), GRANTCHECK_VERSION, w->title, css, w->title);
	sb_printf(out, "<p class=\"overall %s\"><strong>%s</strong>: ", all ? "ok" : "bad", w->verdict);
	if (p->nfiles == 1) {
		sb_printf(out, "<strong>%s</strong> (", all ? w->valid : w->invalid);
	} else {
		sb_printf(out, "%s — ", all ? w->all_valid : w->some_invalid);
		sb_printf(out, w->of_files, p->nvalid, p->nfiles);
		sb_puts(out, " (");
	}
	counts(out, w, p->errors, p->warnings, p->infos);
	sb_printf(out, ")</p>\n<table class=\"verdicts\">\n<tr><th>%s</th><th>%s</th><th></th></tr>\n%s</table>\n",
	          w->file, w->result, sb_str(&p->verdicts));
	sb_printf(out, "<p class=\"meta\">%s %s · %s %s</p>\n</header>\n<main>\n%s</main>\n",
	          w->version, GRANTCHECK_VERSION, w->time, p->when, sb_str(&p->body));
	sb_printf(out, "<footer>grantcheck %s · %s</footer>\n</body>\n</html>\n", GRANTCHECK_VERSION, p->when);
}

void html_page_free(struct html_page *p)
{
	sb_free(&p->verdicts);
	sb_free(&p->body);
}

/* ---- the writer for check and register ---- */

static void html_begin(struct output *o)
{
	(void)o;
}

static void html_file(struct output *o, const struct file_result *r, const char *note)
{
	output_count(o, r);
	html_page_file(o->priv, r, note);
}

static void html_end(struct output *o)
{
	strbuf page = {0};
	html_page_finish(o->priv, &page);
	fwrite(page.s, 1, page.len, o->fp);
	sb_free(&page);
}

static const struct output_ops html_ops = {html_begin, html_file, html_end, NULL} /* the page is written at the end: nothing to finish */;

void output_html(struct output *o, struct html_page *page, FILE *fp, enum lang l)
{
	memset(o, 0, sizeof *o);
	o->ops = &html_ops;
	o->fp = fp;
	o->lang = l;
	html_page_init(page, l);
	o->priv = page;
}

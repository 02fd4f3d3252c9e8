/*
 * test_parser.c - parser.h + db.h: statements streamed into the working
 * database, and the document-level outcomes X1-X3.
 *
 * Run from the repository root (samples/ is read by relative path).
 */
#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "parser.h"
#include "sha256.h"
#include "suites.h"
#include "util.h"

#define NS "urn:grantcheck:statement:1"
#define HEAD "<statement xmlns=\"" NS "\" version=\"1\">"
#define SAMPLE "samples/valid/sydost-2014.xml"

static struct workdb W;
static struct parser *P;
static struct parse_outcome O;

static void setup(void)
{
	strbuf err = {0};
	ck_assert_msg(db_open(&W, &err) == 0, "db_open: %s", sb_str(&err));
	sb_free(&err);
	P = parser_new(&W);
	ck_assert_ptr_nonnull(P);
	memset(&O, 0, sizeof O);
}

static void teardown(void)
{
	parse_outcome_free(&O);
	parser_free(P);
	P = NULL;
	db_close(&W);
}

/* Clears the statement tables and loads n bytes of data. */
static void load(const char *data, size_t n)
{
	strbuf err = {0};
	ck_assert_msg(db_reset_statement(&W, &err) == 0, "reset: %s", sb_str(&err));
	sb_free(&err);
	parser_load_mem(P, data, n, &O);
}

static void load_str(const char *xml)
{
	load(xml, strlen(xml));
}

/* The first column of the first row of sql as an integer (-999 if none/NULL). */
static int64_t q_int(const char *sql)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(W.db, sql, -1, &st, NULL);
	ck_assert_msg(rc == SQLITE_OK, "%s: %s", sql, sqlite3_errmsg(W.db));
	int64_t v = -999;
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* The first column of the first row as a string (caller frees), or NULL. */
static char *q_text(const char *sql)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(W.db, sql, -1, &st, NULL);
	ck_assert_msg(rc == SQLITE_OK, "%s: %s", sql, sqlite3_errmsg(W.db));
	char *v = NULL;
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL)
		v = xstrdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return v;
}

#define ASSERT_Q_INT(sql, expect)                                                                  \
	do {                                                                                           \
		int64_t v_ = q_int(sql);                                                                   \
		ck_assert_msg(v_ == (int64_t)(expect), "%s: %lld, expected %lld", sql, (long long)v_,    \
		              (long long)(expect));                                                        \
	} while (0)

#define ASSERT_Q_TEXT(sql, expect)                                                                 \
	do {                                                                                           \
		char *v_ = q_text(sql);                                                                    \
		ck_assert_msg(v_ && strcmp(v_, expect) == 0, "%s: \"%s\", expected \"%s\"", sql,         \
		              v_ ? v_ : "(null)", expect);                                                 \
		free(v_);                                                                                  \
	} while (0)

#define ASSERT_STATUS(st, var)                                                                     \
	do {                                                                                           \
		ck_assert_msg(O.status == (st), "status %d, expected %d (variant %s, reason %s)",         \
		              (int)O.status, (int)(st), O.variant ? O.variant : "(null)", sb_str(&O.reason)); \
		if (var)                                                                                   \
			ck_assert_str_eq(O.variant ? O.variant : "(null)", (const char *)(var));               \
		else                                                                                       \
			ck_assert_ptr_null(O.variant);                                                         \
	} while (0)

static char *read_file(const char *path, size_t *len)
{
	char *s = read_small_file(path, 64u << 20, len);
	ck_assert_msg(s != NULL, "cannot read %s (run the tests from the repository root)", path);
	return s;
}

static void sha_hex(const void *data, size_t n, char hex[65])
{
	sha256 c;
	sha256_init(&c);
	sha256_update(&c, data, n);
	sha256_final_hex(&c, hex);
}

/* A minimal statement body; only what the parser needs (rules are not run). */
static char *statement(const char *prolog, const char *body)
{
	strbuf b = {0};
	sb_printf(&b, "%s" HEAD "%s</statement>", prolog ? prolog : "", body ? body : "");
	return sb_take(&b);
}

/* ---- the valid sample --------------------------------------------------- */

START_TEST(valid_sample_loads)
{
	size_t len;
	char *xml = read_file(SAMPLE, &len);
	load(xml, len);
	ASSERT_STATUS(PARSE_OK, NULL);
	ck_assert_int_eq(O.line, 0);
	ck_assert_int_eq(O.col, 0);
	ck_assert_uint_eq(O.bytes, len);
	ASSERT_Q_INT("SELECT count(*) FROM expense", 8);
	ASSERT_Q_INT("SELECT count(*) FROM expense WHERE amount IS NULL", 0);
	ASSERT_Q_INT("SELECT sum(amount) FROM expense", INT64_C(989062890));
	ASSERT_Q_INT("SELECT amount FROM field WHERE name = 'totalExpenses'", INT64_C(989062890));
	ASSERT_Q_INT("SELECT amount FROM field WHERE name = 'granted'", INT64_C(1000000000));
	ASSERT_Q_INT("SELECT amount FROM field WHERE name = 'carriedOver'", INT64_C(45300000));
	ASSERT_Q_INT("SELECT amount FROM field WHERE name = 'repay'", 0);
	ASSERT_Q_INT("SELECT line FROM node WHERE name = 'granted'", 11);
	ASSERT_Q_INT("SELECT col FROM node WHERE name = 'granted'", 5);
	ASSERT_Q_INT("SELECT line FROM field WHERE name = 'granted'", 11);
	ASSERT_Q_INT("SELECT line FROM node WHERE name = 'statement'", 2);
	ASSERT_Q_INT("SELECT col FROM node WHERE name = 'statement'", 1);
	ASSERT_Q_TEXT("SELECT text FROM field WHERE name = 'granted'", "10000000.00");
	ASSERT_Q_TEXT("SELECT text FROM field WHERE name = 'programme'", "rcc-2013-2015");
	ASSERT_Q_TEXT("SELECT text FROM field WHERE name = 'rcc.id'", "sydost");
	ASSERT_Q_TEXT("SELECT text FROM field WHERE name = 'rcc'", "RCC Sydöst");
	ASSERT_Q_TEXT("SELECT text FROM field WHERE name = 'recipient.orgnr'", "232100-0040");
	ASSERT_Q_TEXT("SELECT text FROM field WHERE name = 'period.from'", "2014-01-01");
	ASSERT_Q_TEXT("SELECT text FROM field WHERE name = 'version'", "1");
	ASSERT_Q_INT("SELECT num FROM field WHERE name = 'year'", 2014);
	ASSERT_Q_INT("SELECT nchars FROM node WHERE name = 'recipient'", 19);
	/* the expense lines in document order, with their attributes and places */
	ASSERT_Q_TEXT("SELECT category || '/' || criterion FROM expense ORDER BY id LIMIT 1", "personnel/4.4");
	ASSERT_Q_INT("SELECT amount FROM expense ORDER BY id LIMIT 1", INT64_C(164940000));
	ASSERT_Q_INT("SELECT line FROM expense ORDER BY id LIMIT 1", 16);
	ASSERT_Q_INT("SELECT col FROM expense ORDER BY id LIMIT 1", 5);
	ASSERT_Q_INT("SELECT amount FROM expense WHERE note IS NOT NULL", INT64_C(68860025));
	ASSERT_Q_TEXT("SELECT note FROM expense WHERE note IS NOT NULL",
	              "Utbildningsdagar för kontaktsjuksköterskor – tre tillfällen");
	ASSERT_Q_INT("SELECT note_nchars FROM expense WHERE note IS NOT NULL", 59);
	ASSERT_Q_INT("SELECT note_ctrl FROM expense WHERE note IS NOT NULL", 0);
	ASSERT_Q_INT("SELECT count(*) FROM expense WHERE note IS NULL AND note_nchars IS NULL", 7);
	/* every element and attribute known: no unknown rows */
	ASSERT_Q_INT("SELECT count(*) FROM node WHERE fmt IS NULL", 0);
	ASSERT_Q_INT("SELECT count(*) FROM node WHERE ctrl = 1", 0);
	/* rows: node + expense (the doc row is counted too: see known bugs) */
	int64_t rows = q_int("SELECT (SELECT count(*) FROM node) + (SELECT count(*) FROM expense)");
	ck_assert_int_ge(O.rows, rows);
	ck_assert_int_le(O.rows, rows + 1);
	ck_assert_int_gt(rows, 30);
	/* Known bug (reported): parser.h documents rows as "node + expense rows
	 * loaded", but step_done() also counts the row inserted into doc. */
	ck_assert_int_eq(O.rows, rows);
	free(xml);
}
END_TEST

START_TEST(valid_sample_sha256)
{
	size_t len;
	char *xml = read_file(SAMPLE, &len);
	char hex[65];
	sha_hex(xml, len, hex);
	load(xml, len);
	ASSERT_STATUS(PARSE_OK, NULL);
	ck_assert_str_eq(O.sha256, hex);
	ASSERT_Q_TEXT("SELECT sha256 FROM doc", hex);
	ASSERT_Q_INT("SELECT bytes FROM doc", len);
	ASSERT_Q_INT("SELECT count(*) FROM doc", 1);
	ASSERT_Q_TEXT("SELECT encoding FROM doc", "UTF-8");
	ASSERT_Q_INT("SELECT path IS NULL FROM doc", 1);
	/* the same file through parser_load_file: same hash and rows */
	int64_t rows = O.rows;
	strbuf err = {0};
	ck_assert_int_eq(db_reset_statement(&W, &err), 0);
	sb_free(&err);
	parser_load_file(P, SAMPLE, &O);
	ASSERT_STATUS(PARSE_OK, NULL);
	ck_assert_str_eq(O.sha256, hex);
	ck_assert_uint_eq(O.bytes, len);
	ck_assert_int_eq(O.rows, rows);
	ASSERT_Q_TEXT("SELECT path FROM doc", SAMPLE);
	free(xml);
}
END_TEST

START_TEST(reload_after_reset)
{
	size_t len;
	char *xml = read_file(SAMPLE, &len);
	for (int i = 0; i < 3; i++) {
		load(xml, len);
		ASSERT_STATUS(PARSE_OK, NULL);
		ASSERT_Q_INT("SELECT count(*) FROM expense", 8);
		ASSERT_Q_INT("SELECT count(*) FROM node WHERE name = 'granted'", 1);
		ASSERT_Q_INT("SELECT count(*) FROM doc", 1);
	}
	/* a failed load after a good one starts from a clean outcome */
	load_str("<report></report>");
	ASSERT_STATUS(PARSE_X3, "root");
	ASSERT_Q_INT("SELECT count(*) FROM expense", 0);
	load(xml, len);
	ASSERT_STATUS(PARSE_OK, NULL);
	ck_assert_uint_eq(O.found.len, 0);
	ck_assert_uint_eq(O.reason.len, 0);
	free(xml);
}
END_TEST

/* ---- X1 ---------------------------------------------------------------------- */

START_TEST(empty_buffer)
{
	load("", 0);
	ASSERT_STATUS(PARSE_X1, "empty");
	ck_assert_uint_eq(O.bytes, 0);
	ck_assert_str_eq(O.sha256, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	ASSERT_Q_INT("SELECT count(*) FROM node", 0);
}
END_TEST

START_TEST(missing_file_and_directory)
{
	parser_load_file(P, "samples/no-such-file.xml", &O);
	ASSERT_STATUS(PARSE_X1, "missing");
	ck_assert_uint_gt(O.reason.len, 0);
	parser_load_file(P, "samples", &O);
	ASSERT_STATUS(PARSE_X1, "directory");
	parser_load_file(P, "samples/invalid/X1-empty.xml", &O);
	ASSERT_STATUS(PARSE_X1, "empty");
}
END_TEST

/* ---- X2 ---------------------------------------------------------------------- */

START_TEST(truncated)
{
	load_str("<a");
	ASSERT_STATUS(PARSE_X2, "syntax");
	ck_assert_uint_gt(O.reason.len, 0);
	load_str(HEAD "<year>2014");
	ASSERT_STATUS(PARSE_X2, "syntax");
	ck_assert_int_eq(O.line, 1);
	load_str(HEAD "<funds><granted>1.00</granted>");
	ASSERT_STATUS(PARSE_X2, "syntax");
	load_str("<?xml version=\"1.0\"?>");
	ASSERT_STATUS(PARSE_X2, "syntax");
	load_str("   ");
	ASSERT_STATUS(PARSE_X2, "syntax");
}
END_TEST

START_TEST(truncated_root)
{
	/* "<a>" is cut short, but the wrong root is noticed first (the parser
	 * streams): either outcome rejects the document */
	load_str("<a>");
	ck_assert_int_ne(O.status, PARSE_OK);
	ck_assert(O.status == PARSE_X2 || O.status == PARSE_X3);
}
END_TEST

START_TEST(missing_end_tag_sample)
{
	size_t len;
	char *xml = read_file("samples/invalid/X2-missing-end-tag.xml", &len);
	char hex[65];
	sha_hex(xml, len, hex);
	load(xml, len);
	ASSERT_STATUS(PARSE_X2, "syntax");
	ck_assert_int_gt(O.line, 1);
	ck_assert_int_gt(O.col, 0);
	ck_assert_msg(strstr(sb_str(&O.reason), "mismatched") != NULL, "reason: %s", sb_str(&O.reason));
	/* the whole file is still hashed and counted */
	ck_assert_uint_eq(O.bytes, len);
	ck_assert_str_eq(O.sha256, hex);
	free(xml);
}
END_TEST

START_TEST(syntax_error_hashes_everything)
{
	/* a broken document longer than one 64 KiB block */
	size_t n = 200000;
	char *xml = xmalloc(n);
	memset(xml, ' ', n);
	memcpy(xml, "<<<", 3);
	char hex[65];
	sha_hex(xml, n, hex);
	load(xml, n);
	ASSERT_STATUS(PARSE_X2, "syntax");
	ck_assert_uint_eq(O.bytes, n);
	ck_assert_str_eq(O.sha256, hex);
	ASSERT_Q_INT("SELECT bytes FROM doc", n);
	free(xml);
}
END_TEST

START_TEST(doctype_internal_entity)
{
	char *xml = statement("<?xml version=\"1.0\"?>\n<!DOCTYPE statement [\n  <!ENTITY region \"Region Uppsala\">\n]>\n",
	                      "<recipient orgnr=\"232100-0024\">&region;</recipient>");
	load_str(xml);
	ASSERT_STATUS(PARSE_X2, "doctype");
	ck_assert_int_eq(O.line, 2);
	ASSERT_Q_INT("SELECT count(*) FROM node", 0);
	ASSERT_Q_INT("SELECT count(*) FROM expense", 0);
	free(xml);
	size_t len;
	xml = read_file("samples/invalid/X2-doctype.xml", &len);
	load(xml, len);
	ASSERT_STATUS(PARSE_X2, "doctype");
	ASSERT_Q_INT("SELECT count(*) FROM node", 0);
	ASSERT_Q_INT("SELECT count(*) FROM node WHERE text LIKE '%Uppsala%'", 0);
	free(xml);
	/* a bare DOCTYPE without a subset is refused too */
	xml = statement("<!DOCTYPE statement>", "<year>2014</year>");
	load_str(xml);
	ASSERT_STATUS(PARSE_X2, "doctype");
	ASSERT_Q_INT("SELECT count(*) FROM node", 0);
	free(xml);
}
END_TEST

/* no table may hold s anywhere */
static void assert_nowhere(const char *s)
{
	char sql[512];
	snprintf(sql, sizeof sql,
	         "SELECT (SELECT count(*) FROM node WHERE instr(coalesce(text,'') || name || path || coalesce(ns,''), '%s'))"
	         " + (SELECT count(*) FROM expense WHERE instr(coalesce(text,'') || coalesce(note,'') || coalesce(category,'')"
	         " || coalesce(criterion,''), '%s'))"
	         " + (SELECT count(*) FROM doc WHERE instr(coalesce(path,'') || coalesce(encoding,''), '%s'))",
	         s, s, s);
	ASSERT_Q_INT(sql, 0);
}

START_TEST(doctype_external_entity)
{
	char *xml = statement("<!DOCTYPE s [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>",
	                      "<recipient orgnr=\"232100-0024\">&x;</recipient><rcc id=\"norr\">&x;</rcc>");
	load_str(xml);
	ASSERT_STATUS(PARSE_X2, "doctype");
	ASSERT_Q_INT("SELECT count(*) FROM node", 0);
	assert_nowhere("root:");
	assert_nowhere("/bin/");
	ck_assert_ptr_null(strstr(sb_str(&O.reason), "root:"));
	ck_assert_ptr_null(strstr(sb_str(&O.found), "root:"));
	free(xml);
	/* through a parameter entity */
	xml = statement("<!DOCTYPE s [<!ENTITY % p SYSTEM \"file:///etc/passwd\"> %p;]>",
	                "<recipient orgnr=\"232100-0024\">x</recipient>");
	load_str(xml);
	ASSERT_STATUS(PARSE_X2, "doctype");
	ASSERT_Q_INT("SELECT count(*) FROM node", 0);
	assert_nowhere("root:");
	free(xml);
	/* an external DTD */
	xml = statement("<!DOCTYPE statement SYSTEM \"file:///etc/passwd\">", "<year>2014</year>");
	load_str(xml);
	ASSERT_STATUS(PARSE_X2, "doctype");
	assert_nowhere("root:");
	free(xml);
}
END_TEST

START_TEST(billion_laughs)
{
	const char *xml =
		"<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
		"<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
		"<!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">"
		"<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">"
		"<!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">"
		"<!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">"
		"<!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">"
		"<!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">"
		"<!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">"
		"<!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">]>"
		HEAD "<recipient orgnr=\"232100-0024\">&lol9;</recipient></statement>";
	load_str(xml);
	ASSERT_STATUS(PARSE_X2, "doctype");
	ASSERT_Q_INT("SELECT count(*) FROM node", 0);
}
END_TEST

START_TEST(undeclared_entity)
{
	char *xml = statement(NULL, "<recipient orgnr=\"232100-0024\">&x;</recipient>");
	load_str(xml);
	ASSERT_STATUS(PARSE_X2, "syntax");
	ck_assert_msg(strstr(sb_str(&O.reason), "undefined entity") != NULL, "%s", sb_str(&O.reason));
	free(xml);
}
END_TEST

/* ---- X3 ---------------------------------------------------------------------- */

START_TEST(wrong_root)
{
	load_str("<report xmlns=\"" NS "\" version=\"1\"></report>");
	ASSERT_STATUS(PARSE_X3, "root");
	ck_assert_str_eq(sb_str(&O.found), "report");
	ck_assert_int_eq(O.line, 1);
	ck_assert_int_eq(O.col, 1);
	ASSERT_Q_INT("SELECT count(*) FROM node", 0);
}
END_TEST

START_TEST(wrong_namespace)
{
	load_str("<statement xmlns=\"urn:grantcheck:statement\" version=\"1\"><year>2014</year></statement>");
	ASSERT_STATUS(PARSE_X3, "namespace");
	ck_assert_str_eq(sb_str(&O.found), "urn:grantcheck:statement");
	ASSERT_Q_INT("SELECT count(*) FROM node", 0);
	load_str("<statement version=\"1\"><year>2014</year></statement>");
	ASSERT_STATUS(PARSE_X3, "nonamespace");
	ck_assert_str_eq(sb_str(&O.found), "");
	size_t len;
	char *xml = read_file("samples/invalid/X3-wrong-namespace.xml", &len);
	load(xml, len);
	ASSERT_STATUS(PARSE_X3, "namespace");
	ck_assert_int_eq(O.line, 2);
	free(xml);
}
END_TEST

START_TEST(version_problems)
{
	load_str("<statement xmlns=\"" NS "\"><year>2014</year></statement>");
	ASSERT_STATUS(PARSE_X3, "noversion");
	load_str("<statement xmlns=\"" NS "\" version=\"2\"><year>2014</year></statement>");
	ASSERT_STATUS(PARSE_X3, "version");
	ck_assert_str_eq(sb_str(&O.found), "2");
	load_str("<statement xmlns=\"" NS "\" version=\"1.0\"></statement>");
	ASSERT_STATUS(PARSE_X3, "version");
	ck_assert_str_eq(sb_str(&O.found), "1.0");
	ASSERT_Q_INT("SELECT count(*) FROM node", 0);
	/* the right version is recorded as a node */
	load_str(HEAD "</statement>");
	ASSERT_STATUS(PARSE_OK, NULL);
	ASSERT_Q_TEXT("SELECT text FROM node WHERE path = 'statement@version'", "1");
	/* a valid self-closing root is fine */
	load_str("<statement xmlns=\"" NS "\" version=\"1\"/>");
	ASSERT_STATUS(PARSE_OK, NULL);
	ASSERT_Q_INT("SELECT count(*) FROM node", 2);
}
END_TEST

START_TEST(self_closing_rejected_root)
{
	/* Known bug (reported): when the root is refused in on_start(), expat
	 * still calls on_end() for an empty-element tag, and on_end() asserts
	 * depth > 0: the process aborts (with NDEBUG it would
	 * read frames[-1]). */
	load_str("<report/>");
	ASSERT_STATUS(PARSE_X3, "root");
	load_str("<statement xmlns=\"" NS "\"/>");
	ASSERT_STATUS(PARSE_X3, "noversion");
	load_str("<statement xmlns=\"" NS "\" version=\"2\"/>");
	ASSERT_STATUS(PARSE_X3, "version");
	load_str("<statement version=\"1\"/>");
	ASSERT_STATUS(PARSE_X3, "nonamespace");
}
END_TEST

/* ---- encodings ------------------------------------------------------------- */

/* UTF-8 to UTF-16LE with a BOM (BMP only). */
static char *to_utf16le(const char *s, size_t *outlen)
{
	strbuf b = {0};
	sb_putn(&b, "\xFF\xFE", 2);
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		unsigned cp;
		if (*p < 0x80)
			cp = *p++;
		else if ((*p & 0xE0) == 0xC0) {
			cp = (unsigned)(p[0] & 0x1F) << 6 | (p[1] & 0x3F);
			p += 2;
		} else {
			cp = (unsigned)(p[0] & 0x0F) << 12 | (unsigned)(p[1] & 0x3F) << 6 | (p[2] & 0x3F);
			p += 3;
		}
		char u[2] = {(char)(cp & 0xFF), (char)(cp >> 8)};
		sb_putn(&b, u, 2);
	}
	*outlen = b.len;
	return sb_take(&b);
}

START_TEST(utf16le_with_bom)
{
	char *xml = statement("<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n",
	                      "<rcc id=\"sydost\">RCC Sydöst</rcc><recipient orgnr=\"232100-0040\">Region Östergötland "
	                      "– €</recipient><expenses><expense category=\"meetings\" criterion=\"5.1\" "
	                      "note=\"Möte\">688600.25</expense></expenses>");
	size_t n;
	char *u16 = to_utf16le(xml, &n);
	load(u16, n);
	ASSERT_STATUS(PARSE_OK, NULL);
	ASSERT_Q_TEXT("SELECT text FROM field WHERE name = 'recipient'", "Region Östergötland – €");
	ASSERT_Q_INT("SELECT nchars FROM node WHERE name = 'recipient'", 23);
	ASSERT_Q_TEXT("SELECT text FROM field WHERE name = 'rcc'", "RCC Sydöst");
	ASSERT_Q_TEXT("SELECT note FROM expense", "Möte");
	ASSERT_Q_INT("SELECT amount FROM expense", INT64_C(68860025));
	ck_assert_uint_eq(O.bytes, n);
	char hex[65];
	sha_hex(u16, n, hex);
	ck_assert_str_eq(O.sha256, hex);
	free(u16);
	free(xml);
}
END_TEST

START_TEST(encoding_samples)
{
	static const char *const files[] = {
		"samples/encodings/sydost-2014-utf16le-bom.xml", "samples/encodings/sydost-2014-utf8-bom.xml",
		"samples/encodings/sydost-2014-iso-8859-1.xml", "samples/encodings/sydost-2014-windows-1252.xml"};
	for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
		strbuf err = {0};
		ck_assert_int_eq(db_reset_statement(&W, &err), 0);
		sb_free(&err);
		parser_load_file(P, files[i], &O);
		ck_assert_msg(O.status == PARSE_OK, "%s: status %d (%s)", files[i], (int)O.status, sb_str(&O.reason));
		ASSERT_Q_INT("SELECT count(*) FROM expense", 8);
		ASSERT_Q_INT("SELECT sum(amount) FROM expense", INT64_C(989062890));
		ASSERT_Q_TEXT("SELECT text FROM field WHERE name = 'rcc'", "RCC Sydöst");
		ASSERT_Q_TEXT("SELECT text FROM field WHERE name = 'recipient'", "Region Östergötland");
		ASSERT_Q_INT("SELECT line FROM node WHERE name = 'granted'", 11);
	}
}
END_TEST

START_TEST(windows_1252)
{
	/* 0x80 is the euro sign in windows-1252, 0xF6 is ö, 0x96 an en dash */
	char *xml = statement("<?xml version=\"1.0\" encoding=\"windows-1252\"?>\n",
	                      "<recipient orgnr=\"232100-0040\">Region \xD6sterg\xF6tland</recipient>"
	                      "<expenses><expense category=\"other\" criterion=\"6.2\" note=\"Kostnad 100 \x80 \x96 m\xF6te\">"
	                      "1.00</expense></expenses>");
	load_str(xml);
	ASSERT_STATUS(PARSE_OK, NULL);
	ASSERT_Q_TEXT("SELECT note FROM expense", "Kostnad 100 \xE2\x82\xAC \xE2\x80\x93 m\xC3\xB6te");
	ASSERT_Q_INT("SELECT note_nchars FROM expense", 20);
	ASSERT_Q_INT("SELECT note_ctrl FROM expense", 0);
	ASSERT_Q_TEXT("SELECT text FROM field WHERE name = 'recipient'", "Region Östergötland");
	ASSERT_Q_TEXT("SELECT encoding FROM doc", "windows-1252");
	free(xml);
	/* the other spelling */
	xml = statement("<?xml version=\"1.0\" encoding=\"CP1252\"?>", "<rcc id=\"x\">\x80</rcc>");
	load_str(xml);
	ASSERT_STATUS(PARSE_OK, NULL);
	ASSERT_Q_TEXT("SELECT text FROM field WHERE name = 'rcc'", "\xE2\x82\xAC");
	free(xml);
}
END_TEST

START_TEST(windows_1252_unassigned_byte)
{
	/* 0x81 has no character in windows-1252: the document cannot be read */
	char *xml = statement("<?xml version=\"1.0\" encoding=\"windows-1252\"?>", "<rcc id=\"x\">a\x81" "b</rcc>");
	load_str(xml);
	ck_assert_int_eq(O.status, PARSE_X2);
	ASSERT_Q_INT("SELECT count(*) FROM node WHERE text LIKE 'a%b'", 0);
	free(xml);
}
END_TEST

START_TEST(unknown_encoding)
{
	char *xml = statement("<?xml version=\"1.0\" encoding=\"koi8-r\"?>\n", "<rcc id=\"x\">\xF0\xD2\xC9</rcc>");
	load_str(xml);
	ASSERT_STATUS(PARSE_X2, "encoding");
	ck_assert_str_eq(sb_str(&O.found), "koi8-r");
	ck_assert_uint_gt(O.reason.len, 0);
	ck_assert_int_eq(O.line, 1);
	ASSERT_Q_INT("SELECT count(*) FROM node", 0);
	free(xml);
}
END_TEST

START_TEST(invalid_utf8)
{
	char *xml = statement(NULL, "<rcc id=\"x\">bad \xC3\x28 byte</rcc>");
	load_str(xml);
	ck_assert_int_eq(O.status, PARSE_X2);
	free(xml);
}
END_TEST

/* ---- unknown elements, big texts, control characters ------------------------ */

START_TEST(unknown_elements_recorded_and_skipped)
{
	char *xml = statement(NULL, "<programme>rcc-2013-2015</programme>"
	                            "<carriedover>1.00<granted>5.00</granted><inner a=\"1\"/></carriedover>"
	                            "<x:ext xmlns:x=\"urn:other\"><year>1999</year></x:ext>"
	                            "<funds><granted>2.00</granted><extra/></funds>"
	                            "<expenses><expense category=\"it\" criterion=\"5.2\" colour=\"red\">3.00<sub/></expense></expenses>");
	load_str(xml);
	ASSERT_STATUS(PARSE_OK, NULL);
	ASSERT_Q_INT("SELECT count(*) FROM node WHERE fmt IS NULL", 5);
	ASSERT_Q_INT("SELECT count(*) FROM node WHERE name = 'carriedover' AND fmt IS NULL AND ns IS NULL"
	             " AND path = 'statement/carriedover' AND kind = 'element'", 1);
	ASSERT_Q_INT("SELECT count(*) FROM node WHERE name = 'ext' AND ns = 'urn:other'", 1);
	ASSERT_Q_INT("SELECT count(*) FROM node WHERE name = 'extra' AND path = 'statement/funds/extra'", 1);
	ASSERT_Q_INT("SELECT count(*) FROM node WHERE name = 'sub' AND path = 'statement/expenses/expense/sub'", 1);
	ASSERT_Q_INT("SELECT count(*) FROM node WHERE name = 'colour' AND kind = 'attribute'"
	             " AND path = 'statement/expenses/expense@colour'", 1);
	/* the skipped subtrees left nothing behind */
	ASSERT_Q_INT("SELECT count(*) FROM node WHERE name IN ('inner', 'a', 'year')", 0);
	ASSERT_Q_INT("SELECT count(*) FROM node WHERE name = 'granted'", 1);
	ASSERT_Q_INT("SELECT amount FROM field WHERE name = 'granted'", 200);
	ASSERT_Q_INT("SELECT amount FROM expense", 300);
	/* the unknown element's parent is the statement */
	ASSERT_Q_INT("SELECT count(*) FROM node u JOIN node s ON s.id = u.parent"
	             " WHERE u.name = 'carriedover' AND s.name = 'statement'", 1);
	free(xml);
}
END_TEST

START_TEST(deeply_nested_unknown)
{
	strbuf b = {0};
	sb_puts(&b, HEAD "<year>2014</year>");
	for (int i = 0; i < 1000; i++)
		sb_puts(&b, "<deep>");
	sb_puts(&b, "text<granted>1.00</granted>");
	for (int i = 0; i < 1000; i++)
		sb_puts(&b, "</deep>");
	sb_puts(&b, "<currency>SEK</currency></statement>");
	load(b.s, b.len);
	ASSERT_STATUS(PARSE_OK, NULL);
	ASSERT_Q_INT("SELECT count(*) FROM node WHERE name = 'deep'", 1);
	ASSERT_Q_INT("SELECT count(*) FROM node WHERE fmt IS NULL", 1);
	ASSERT_Q_INT("SELECT count(*) FROM node WHERE name = 'granted'", 0);
	/* parsing goes on after the subtree */
	ASSERT_Q_TEXT("SELECT text FROM field WHERE name = 'currency'", "SEK");
	ASSERT_Q_INT("SELECT num FROM field WHERE name = 'year'", 2014);
	sb_free(&b);
}
END_TEST

START_TEST(huge_text_capped)
{
	strbuf b = {0};
	sb_puts(&b, HEAD "<recipient orgnr=\"232100-0040\">");
	for (int i = 0; i < 100000; i++)
		sb_putc(&b, (char)('a' + i % 26));
	sb_puts(&b, "</recipient><year>2014</year></statement>");
	load(b.s, b.len);
	ASSERT_STATUS(PARSE_OK, NULL);
	ASSERT_Q_INT("SELECT length(CAST(text AS BLOB)) FROM node WHERE name = 'recipient'", PARSER_TEXT_CAP);
	ASSERT_Q_INT("SELECT nchars FROM node WHERE name = 'recipient'", 100000);
	ASSERT_Q_INT("SELECT substr(text, 1, 3) = 'abc' FROM node WHERE name = 'recipient'", 1);
	ASSERT_Q_INT("SELECT num FROM field WHERE name = 'year'", 2014);
	sb_free(&b);
}
END_TEST

START_TEST(huge_attribute_capped)
{
	strbuf b = {0};
	sb_puts(&b, HEAD "<expenses><expense category=\"other\" criterion=\"6.2\" note=\"");
	for (int i = 0; i < 100000; i++)
		sb_putc(&b, 'n');
	sb_puts(&b, "\">1.00</expense></expenses><contact name=\"");
	for (int i = 0; i < 50000; i++)
		sb_puts(&b, "\xC3\xA5"); /* å */
	sb_puts(&b, "\" email=\"a@b.se\"/></statement>");
	load(b.s, b.len);
	ASSERT_STATUS(PARSE_OK, NULL);
	ASSERT_Q_INT("SELECT length(CAST(note AS BLOB)) FROM expense", PARSER_TEXT_CAP);
	ASSERT_Q_INT("SELECT note_nchars FROM expense", 100000);
	ASSERT_Q_INT("SELECT amount FROM expense", 100);
	ASSERT_Q_INT("SELECT length(CAST(text AS BLOB)) FROM field WHERE name = 'contact.name'", PARSER_TEXT_CAP);
	ASSERT_Q_INT("SELECT length(text) FROM field WHERE name = 'contact.name'", PARSER_TEXT_CAP / 2);
	ASSERT_Q_INT("SELECT nchars FROM node WHERE path = 'statement/contact@name'", 50000);
	sb_free(&b);
}
END_TEST

/* 1 if the n bytes are well-formed UTF-8 (structure only) */
static int valid_utf8(const unsigned char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		size_t k;
		if (s[i] < 0x80)
			k = 0;
		else if ((s[i] & 0xE0) == 0xC0)
			k = 1;
		else if ((s[i] & 0xF0) == 0xE0)
			k = 2;
		else if ((s[i] & 0xF8) == 0xF0)
			k = 3;
		else
			return 0; /* a stray continuation byte or an invalid lead byte */
		if (i + k >= n)
			return 0;
		for (size_t j = 1; j <= k; j++)
			if ((s[i + j] & 0xC0) != 0x80)
				return 0;
		i += k + 1;
	}
	return 1;
}

static void assert_recipient_capped_utf8(const char *prefix, const char *unit, int count, int64_t nchars)
{
	strbuf b = {0};
	sb_puts(&b, HEAD "<recipient orgnr=\"232100-0040\">");
	sb_puts(&b, prefix);
	for (int i = 0; i < count; i++)
		sb_puts(&b, unit);
	sb_puts(&b, "</recipient></statement>");
	load(b.s, b.len);
	sb_free(&b);
	ASSERT_STATUS(PARSE_OK, NULL);
	ASSERT_Q_INT("SELECT nchars FROM node WHERE name = 'recipient'", nchars);
	sqlite3_stmt *st;
	ck_assert_int_eq(sqlite3_prepare_v2(W.db, "SELECT text FROM node WHERE name = 'recipient'", -1, &st, NULL),
	                 SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
	const unsigned char *t = sqlite3_column_blob(st, 0);
	size_t n = (size_t)sqlite3_column_bytes(st, 0);
	ck_assert_msg(n >= PARSER_TEXT_CAP - 3 && n <= PARSER_TEXT_CAP + 3, "kept %zu bytes", n);
	int ok = valid_utf8(t, n);
	sqlite3_finalize(st);
	ck_assert_msg(ok, "prefix \"%s\": the capped text (%zu bytes) is not valid UTF-8", prefix, n);
}

START_TEST(huge_text_ascii_valid)
{
	assert_recipient_capped_utf8("", "x", 100000, 100000);
	assert_recipient_capped_utf8("  ", "y", 5000, 5000);
}
END_TEST

START_TEST(huge_text_multibyte)
{
	/* Known bug (reported): once the text reaches PARSER_TEXT_CAP bytes,
	 * on_text() drops the lead byte of each further character but still
	 * appends its continuation bytes while the buffer is below CAP + 4, so
	 * the stored text ends in stray continuation bytes (invalid UTF-8). */
	assert_recipient_capped_utf8("", "\xC3\xA9", 50000, 50000);
	assert_recipient_capped_utf8("a", "\xC3\xA9", 50000, 50001);
	assert_recipient_capped_utf8("", "\xE2\x82\xAC", 40000, 40000);
	assert_recipient_capped_utf8("ab", "\xE2\x82\xAC", 40000, 40002);
}
END_TEST

START_TEST(huge_text_multibyte_counts)
{
	/* whatever is kept, the character count is of the whole text */
	strbuf b = {0};
	sb_puts(&b, HEAD "<recipient orgnr=\"232100-0040\">");
	for (int i = 0; i < 50000; i++)
		sb_puts(&b, "\xC3\xA9");
	sb_puts(&b, "</recipient><year>2014</year></statement>");
	load(b.s, b.len);
	sb_free(&b);
	ASSERT_STATUS(PARSE_OK, NULL);
	ASSERT_Q_INT("SELECT nchars FROM node WHERE name = 'recipient'", 50000);
	ASSERT_Q_INT("SELECT length(CAST(text AS BLOB)) <= 4100 FROM node WHERE name = 'recipient'", 1);
	ASSERT_Q_INT("SELECT substr(CAST(text AS BLOB), 1, 2) = CAST('\xC3\xA9' AS BLOB) FROM node WHERE name = 'recipient'", 1);
	ASSERT_Q_INT("SELECT num FROM field WHERE name = 'year'", 2014);
}
END_TEST

START_TEST(trimming_and_counts)
{
	char *xml = statement(NULL, "<recipient orgnr=\" 232100-0040 \">\n   Region  Östergötland \t\n </recipient>"
	                            "<funds><granted>\n  10.50\n  </granted></funds>");
	load_str(xml);
	ASSERT_STATUS(PARSE_OK, NULL);
	ASSERT_Q_TEXT("SELECT text FROM field WHERE name = 'recipient'", "Region  Östergötland");
	ASSERT_Q_INT("SELECT nchars FROM node WHERE name = 'recipient'", 20);
	ASSERT_Q_TEXT("SELECT text FROM field WHERE name = 'recipient.orgnr'", "232100-0040");
	ASSERT_Q_INT("SELECT amount FROM field WHERE name = 'granted'", 1050);
	free(xml);
}
END_TEST

START_TEST(control_characters_flagged)
{
	char *xml = statement(NULL, "<recipient orgnr=\"232100-0040\">A&#x85;B</recipient>"
	                            "<rcc id=\"x\">plain</rcc>"
	                            "<attestation name=\"N&#x7f;N\" role=\"r\" date=\"2015-01-01\"/>"
	                            "<expenses><expense category=\"it\" criterion=\"5.2\" note=\"a&#x9f;\">1.00</expense>"
	                            "</expenses>");
	load_str(xml);
	ASSERT_STATUS(PARSE_OK, NULL);
	ASSERT_Q_INT("SELECT ctrl FROM node WHERE name = 'recipient'", 1);
	ASSERT_Q_INT("SELECT nchars FROM node WHERE name = 'recipient'", 3);
	ASSERT_Q_INT("SELECT ctrl FROM node WHERE name = 'rcc'", 0);
	ASSERT_Q_INT("SELECT ctrl FROM node WHERE path = 'statement/attestation@name'", 1);
	ASSERT_Q_INT("SELECT note_ctrl FROM expense", 1);
	free(xml);
}
END_TEST

/* Attribute values (the parser trims, counts and checks them in one pass)
 * against a plain reference: whitespace trimmed at both ends, characters
 * counted, control characters (C0 but tab and newline, DEL, C1) looked for
 * in the trimmed value only. */
static void reference_value(const char *v, char *out, int64_t *chars, int *ctrl)
{
	size_t n = strlen(v), a = 0;
	while (a < n && strchr(" \t\n\r", v[a]))
		a++;
	while (n > a && strchr(" \t\n\r", v[n - 1]))
		n--;
	memcpy(out, v + a, n - a);
	out[n - a] = '\0';
	*chars = 0;
	*ctrl = 0;
	const unsigned char *u = (const unsigned char *)out;
	for (size_t i = 0; u[i]; i++) {
		if ((u[i] & 0xC0) != 0x80)
			++*chars;
		if ((u[i] < 0x20 && u[i] != '\t' && u[i] != '\n') || u[i] == 0x7F ||
		    (u[i] == 0xC2 && u[i + 1] >= 0x80 && u[i + 1] <= 0x9F))
			*ctrl = 1;
	}
}

START_TEST(attribute_values_trimmed_and_counted)
{
	/* each: the attribute as written (XML), and the value expat hands over */
	static const char *const cases[][2] = {
		{"  x&#13;y  ", "  x\ry  "},  {"xy&#13;", "xy\r"},           {"&#13;xy", "\rxy"},
		{"&#x85;ab", "\xc2\x85" "ab"}, {"\xc3\xa9 \xc3\xb6 ", "\xc3\xa9 \xc3\xb6 "},
		{"a&#127;", "a\x7f"},         {"&#9;tab&#9;", "\ttab\t"},    {"   ", "   "},
		{"", ""},                     {"x&#x9F;", "x\xc2\x9f"},      {"\xc3\x82\xc2\xa0", "\xc3\x82\xc2\xa0"},
		{"a&#x80;b c", "a\xc2\x80" "b c"},    {"&#10;&#10;n&#10;", "\n\nn\n"}, {"\xe2\x82\xac 5", "\xe2\x82\xac 5"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		strbuf body = {0};
		sb_printf(&body, "<expenses><expense category=\"it\" criterion=\"5.2\" note=\"%s\">1.00</expense>"
		                 "</expenses><attestation name=\"%s\" role=\"r\" date=\"2015-01-01\"/>",
		          cases[i][0], cases[i][0]);
		char *xml = statement(NULL, body.s);
		load_str(xml);
		ASSERT_STATUS(PARSE_OK, NULL);
		char want[64];
		int64_t chars;
		int ctrl;
		reference_value(cases[i][1], want, &chars, &ctrl);
		char *note = q_text("SELECT note FROM expense");
		char *name = q_text("SELECT text FROM node WHERE path = 'statement/attestation@name'");
		ck_assert_msg(note && strcmp(note, want) == 0, "case %zu: note \"%s\", expected \"%s\"", i, note, want);
		ck_assert_msg(name && strcmp(name, want) == 0, "case %zu: name \"%s\"", i, name);
		ck_assert_msg(q_int("SELECT note_nchars FROM expense") == chars, "case %zu: chars", i);
		ck_assert_msg(q_int("SELECT note_ctrl FROM expense") == ctrl, "case %zu: ctrl", i);
		ck_assert_msg(q_int("SELECT nchars FROM node WHERE path = 'statement/attestation@name'") == chars,
		              "case %zu: name chars", i);
		ck_assert_msg(q_int("SELECT ctrl FROM node WHERE path = 'statement/attestation@name'") == ctrl,
		              "case %zu: name ctrl", i);
		free(note);
		free(name);
		free(xml);
		sb_free(&body);
	}
}
END_TEST

START_TEST(malformed_amounts_kept_as_text)
{
	char *xml = statement(NULL, "<funds><granted>10 000,00</granted><received>12 kr</received></funds>"
	                            "<expenses><expense category=\"it\" criterion=\"5.2\">1,5</expense>"
	                            "<expense category=\"it\" criterion=\"5.2\">-2.25</expense></expenses>");
	load_str(xml);
	ASSERT_STATUS(PARSE_OK, NULL);
	ASSERT_Q_TEXT("SELECT text FROM field WHERE name = 'granted'", "10 000,00");
	ASSERT_Q_INT("SELECT amount IS NULL FROM field WHERE name = 'granted'", 1);
	ASSERT_Q_INT("SELECT amount IS NULL FROM field WHERE name = 'received'", 1);
	ASSERT_Q_INT("SELECT count(*) FROM expense WHERE amount IS NULL AND text = '1,5'", 1);
	ASSERT_Q_INT("SELECT amount FROM expense WHERE text = '-2.25'", -225);
	free(xml);
	/* an amount longer than the cap is never parsed from its prefix */
	strbuf b = {0};
	sb_puts(&b, HEAD "<funds><granted>");
	for (int i = 0; i < PARSER_TEXT_CAP + 100; i++)
		sb_putc(&b, '1');
	sb_puts(&b, "</granted></funds></statement>");
	load(b.s, b.len);
	ASSERT_STATUS(PARSE_OK, NULL);
	ASSERT_Q_INT("SELECT amount IS NULL FROM field WHERE name = 'granted'", 1);
	ASSERT_Q_INT("SELECT nchars FROM node WHERE name = 'granted'", PARSER_TEXT_CAP + 100);
	sb_free(&b);
}
END_TEST

START_TEST(repeated_elements_numbered)
{
	char *xml = statement(NULL, "<currency>SEK</currency><currency>EUR</currency>");
	load_str(xml);
	ASSERT_STATUS(PARSE_OK, NULL);
	ASSERT_Q_INT("SELECT count(*) FROM node WHERE name = 'currency'", 2);
	ASSERT_Q_INT("SELECT max(nth) FROM node WHERE name = 'currency'", 2);
	ASSERT_Q_TEXT("SELECT text FROM field WHERE name = 'currency'", "SEK"); /* the first */
	free(xml);
}
END_TEST

Suite *parser_suite(void)
{
	Suite *s = suite_create("parser");
	TCase *tc = tcase_create("load");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, valid_sample_loads);
	tcase_add_test(tc, valid_sample_sha256);
	tcase_add_test(tc, reload_after_reset);
	tcase_add_test(tc, trimming_and_counts);
	tcase_add_test(tc, malformed_amounts_kept_as_text);
	tcase_add_test(tc, repeated_elements_numbered);
	suite_add_tcase(s, tc);
	tc = tcase_create("x1-x3");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, empty_buffer);
	tcase_add_test(tc, missing_file_and_directory);
	tcase_add_test(tc, truncated);
	tcase_add_test(tc, truncated_root);
	tcase_add_test(tc, missing_end_tag_sample);
	tcase_add_test(tc, syntax_error_hashes_everything);
	tcase_add_test(tc, doctype_internal_entity);
	tcase_add_test(tc, doctype_external_entity);
	tcase_add_test(tc, billion_laughs);
	tcase_add_test(tc, undeclared_entity);
	tcase_add_test(tc, wrong_root);
	tcase_add_test(tc, wrong_namespace);
	tcase_add_test(tc, version_problems);
	tcase_add_test(tc, self_closing_rejected_root);
	suite_add_tcase(s, tc);
	tc = tcase_create("encodings");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, utf16le_with_bom);
	tcase_add_test(tc, encoding_samples);
	tcase_add_test(tc, windows_1252);
	tcase_add_test(tc, windows_1252_unassigned_byte);
	tcase_add_test(tc, unknown_encoding);
	tcase_add_test(tc, invalid_utf8);
	suite_add_tcase(s, tc);
	tc = tcase_create("content");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, unknown_elements_recorded_and_skipped);
	tcase_add_test(tc, deeply_nested_unknown);
	tcase_add_test(tc, huge_text_capped);
	tcase_add_test(tc, huge_attribute_capped);
	tcase_add_test(tc, huge_text_ascii_valid);
	tcase_add_test(tc, huge_text_multibyte_counts);
	tcase_add_test(tc, huge_text_multibyte);
	tcase_add_test(tc, control_characters_flagged);
	tcase_add_test(tc, attribute_values_trimmed_and_counted);
	suite_add_tcase(s, tc);
	return s;
}

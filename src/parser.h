/*
 * parser.h - streams one statement file through expat into the working
 * database (tables doc, node, expense; see db.c).
 *
 * The file is read once in 64 KiB blocks, hashed (SHA-256) on the way and
 * never held whole in memory (unless a caller asks to keep a small file's
 * bytes, parser_keep_bytes): element text is kept up to PARSER_TEXT_CAP
 * bytes (its true length and any control character are still counted), and
 * subtrees of unknown elements are skipped after recording the element.
 *
 * A file of PARSER_THREADS_BYTES or more, or of unknown size (a pipe), is
 * parsed by three threads at once: a reader (read() and SHA-256), expat
 * with the handlers here, and the loader's writer into SQLite (loader.h);
 * smaller files do all three in turn on the calling thread, where two
 * threads would cost more than they save. The tables come out the same
 * either way (tested); parser_set_threads or $GRANTCHECK_THREADS
 * (always|never|auto) chooses for tests.
 *
 * Document-level problems end the parse and are reported in the outcome,
 * not as SQL findings, because no rule can run on such a file:
 *   X1 unreadable, empty, or not a regular file (a FIFO or device may never
 *      end; standard input is given as "-"), X2 not well-formed / DOCTYPE / unknown encoding,
 *   X3 wrong root, namespace or version.
 * A document must never make the parser read anything else: a DOCTYPE is
 * refused before any entity is declared, and no external entity is loaded.
 */
#ifndef GC_PARSER_H
#define GC_PARSER_H

#include <stdint.h>

#include "db.h"
#include "lang.h"

#define PARSER_TEXT_CAP 4096
#define PARSER_THREADS_BYTES (1024 * 1024)

enum parser_threads { PARSER_THREADS_NEVER = -1, PARSER_THREADS_AUTO = 0, PARSER_THREADS_ALWAYS = 1 };

enum parse_status { PARSE_OK = 0, PARSE_X1, PARSE_X2, PARSE_X3 };

struct parse_outcome {
	enum parse_status status;
	const char *variant; /* which message of X1-X3 (static string) */
	long line, col;      /* 1-based; 0 when not about a place */
	strbuf reason;       /* the system's or expat's reason (English) */
	strbuf found;        /* what was found instead (root name, version...) */
	strbuf say[LANG_COUNT]; /* the variant's words in each language (what is
	                           wrong, in Swedish and English), or empty */
	char sha256[65];
	uint64_t bytes;
	/* parser_load_file: the modification time (seconds since the epoch) of
	 * what was opened, from the fstat before its first byte was read (of
	 * the path, when it could not be opened); has_mtime 0 for standard
	 * input, memory, or a path that does not exist */
	int has_mtime;
	int64_t mtime;
	int64_t rows; /* node + expense rows loaded */
	/* with parser_keep_bytes(p, max): the bytes read, kept (kept = 1) when
	 * they were read without error and are at most max; empty otherwise */
	strbuf content;
	int kept;
};

struct parser;

struct parser *parser_new(struct workdb *w);
void parser_free(struct parser *p);

/* Loads the file at path (tables must be empty). Always fills out; the
 * outcome's strbufs are reset first. */
void parser_load_file(struct parser *p, const char *path, struct parse_outcome *out);
/* The same from memory (fuzzing, tests). */
void parser_load_mem(struct parser *p, const char *data, size_t n, struct parse_outcome *out);

void parse_outcome_free(struct parse_outcome *o);

/* After a load: the field of this short name, as loader_field. */
int parser_field(const struct parser *p, const char *name, const char **text, int *num, long pos[2]);

/* max > 0: the loads that follow keep the bytes of a file of at most max
 * bytes in the outcome (the register stores them without reading the file
 * again); 0 (the default): they keep nothing. */
void parser_keep_bytes(struct parser *p, size_t max);

/* Threads for the files that follow (see above); parser_new takes it from
 * $GRANTCHECK_THREADS, by default PARSER_THREADS_AUTO. */
void parser_set_threads(struct parser *p, enum parser_threads t);

#endif

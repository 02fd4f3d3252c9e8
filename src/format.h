/*
 * format.h - statement format version 1 as data.
 *
 * Every element and attribute the format knows is one row of fmt_nodes[]:
 * its path ("statement/funds/granted", attributes "statement/period@from"),
 * its parent, how often it may appear, its value type, and the short field
 * name rules use ("granted", "period.from"). The parser walks this table to
 * recognise names; db.c copies it into the SQL table `format` so the
 * structure rules (S1-S3) are plain SQL over it.
 */
#ifndef GC_FORMAT_H
#define GC_FORMAT_H

#define FORMAT_NS "urn:grantcheck:statement:1"
#define FORMAT_ROOT "statement"
#define FORMAT_VERSION "1"

enum vtype {
	VT_NONE = 0, /* container element, no value */
	VT_TEXT,     /* short free text, up to 200 characters */
	VT_NOTE,     /* long free text, up to 500 characters */
	VT_AMOUNT,   /* money, see amount.h */
	VT_DATE,     /* YYYY-MM-DD */
	VT_YEAR,     /* four digits */
	VT_ORGNR,    /* NNNNNN-NNNN */
	VT_CODE      /* a code from a list of the rule set */
};

struct fmt_node {
	const char *path;
	const char *name;  /* local name */
	char kind;         /* 'e' element, 'a' attribute */
	int parent;        /* index in fmt_nodes, -1 for the root */
	int min, max;      /* occurrences within one parent; max -1: unbounded */
	enum vtype type;
	const char *field; /* name for rules, NULL for containers and lines */
	const char *list;  /* code list for VT_CODE */
};

enum {
	FMT_ROOT = 0,
	FMT_EXPENSES = 20,
	FMT_EXPENSE = 21,
	FMT_EXPENSE_CATEGORY = 22,
	FMT_EXPENSE_CRITERION = 23,
	FMT_EXPENSE_NOTE = 24,
	FMT_COUNT = 34
};

extern const struct fmt_node fmt_nodes[FMT_COUNT];

/* Index of the child called `name` of kind 'e'/'a' under `parent`, or -1. */
int fmt_child(int parent, const char *name, char kind);
const char *vtype_name(enum vtype t);
/* Maximum characters of a text value of type t (0: not a text type). */
int vtype_maxlen(enum vtype t);

#endif

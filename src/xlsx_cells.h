/*
 * xlsx_cells.h - the cell layer of the summary workbook: every
 * libxlsxwriter call of the sheets goes through here.
 *
 * Each call's lxw_error is checked and the first failure kept with its
 * sheet and cell (struct xlsx_book: failed, why); the widest content per
 * column is tracked so that xlsx_sheet_finish can set widths (there is no
 * autofit), the header height, the frozen header, the autofilter and the
 * print setup; doubles are kept finite and text valid UTF-8 of at most
 * Excel's 32 767 characters. The cell formats are made here (enum
 * xlsx_fmt). xlsx_money_cell() is the one place where an amount in öre
 * becomes a double (kronor), on its way into a cell.
 *
 * Never call setlocale(LC_NUMERIC) in this process: libxlsxwriter prints
 * numbers with the C library's locale.
 */
#ifndef GC_XLSX_CELLS_H
#define GC_XLSX_CELLS_H

#include <stdint.h>
#include <xlsxwriter.h>

#include "lang.h"
#include "util.h"

/* Excel's limits of one sheet. */
#define XLSX_MAX_ROWS 1048576L
#define XLSX_MAX_COLS 16384L

enum xlsx_fmt {
	FM_HEAD, FM_HEAD_NUM, FM_HEAD_MID, FM_TEXT, FM_WRAP, FM_KEY, FM_TITLE, FM_YEAR, FM_MONEY, FM_MONEY_BAD, FM_COUNT, FM_PCT, FM_DATE,
	FM_STAMP, FM_TOT_TEXT, FM_TOT_YEAR, FM_TOT_MONEY, FM_TOT_COUNT, FM_TOT_PCT, FM_TOT_BLANK, FM_EDGE_MONEY, FM_OK, FM_BAD,
	FM_ST_VALID, FM_ST_WARNINGS, FM_ST_INVALID, FM_ST_MISSING, FM_SEV_ERROR, FM_SEV_WARNING, FM_SEV_INFO,
	FM_GREY, FM_REJ_MONEY, FM_REJ_TEXT, FM_SHARE, FM_SHARE_MARK /* pp, beyond the threshold */, FM_SHARE_MED /* pp */,
	FM_TOT_MID /* a total row's centred text */, FM_SEV_ACCEPTED /* a warning the officer accepted */,
	FM_NFORMATS
};

struct xlsx_book {
	lxw_workbook *wb;
	enum lang l;
	const char *title; /* the page header's title */
	lxw_format *f[FM_NFORMATS];
	char created[17]; /* YYYY-MM-DD HH:MM, local time */
	char years[64];   /* "2013–2015" or "2013, 2015" */
	int failed;
	strbuf why;
};

struct xlsx_sheet {
	struct xlsx_book *book;
	lxw_worksheet *ws;
	const char *name;
	lxw_row_t head;      /* the header row */
	lxw_row_t last;      /* last row written */
	int ncols;
	double *width;       /* widest content per column, in characters */
	double *fixed;       /* > 0: the column's width is this */
	const char **header; /* header text per column */
	char **kept;         /* texts made for the sheet (xlsx_keep), freed on close */
	int nkept;
};

void xlsx_fail(struct xlsx_book *x, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Checks one libxlsxwriter return code; keeps the first failure. 1 when ok. */
int xlsx_ok(struct xlsx_sheet *s, lxw_error e, lxw_row_t r, lxw_col_t c, const char *what);

/* Makes the formats of enum xlsx_fmt in x->f; -1 (and x->failed) on failure. */
int xlsx_make_formats(struct xlsx_book *x);

/* Adds a sheet named name with its header at row head; -1 (x->failed) on failure.
 * xlsx_sheet_close frees what a sheet keeps (also after a failed open). */
int xlsx_sheet_open(struct xlsx_book *x, struct xlsx_sheet *s, const char *name, lxw_row_t head);
void xlsx_sheet_close(struct xlsx_sheet *s);
/* A copy of text that lives as long as the sheet (for headings made on the fly). */
const char *xlsx_keep(struct xlsx_sheet *s, const char *text);
/* Column widths, header height, frozen header (and freeze_cols columns),
 * autofilter, print setup. */
void xlsx_sheet_finish(struct xlsx_sheet *s, int freeze_cols);

/* Headings: left over text, right over amounts, centred over years, counts, dates. */
void xlsx_head_as(struct xlsx_sheet *s, lxw_col_t c, const char *text, enum xlsx_fmt f);
void xlsx_head(struct xlsx_sheet *s, lxw_col_t c, const char *text);
void xlsx_head_num(struct xlsx_sheet *s, lxw_col_t c, const char *text);
void xlsx_head_mid(struct xlsx_sheet *s, lxw_col_t c, const char *text);

/* track: the text counts for the column's width. */
void xlsx_put_text(struct xlsx_sheet *s, lxw_row_t r, lxw_col_t c, const char *text, enum xlsx_fmt f, int track);
void xlsx_put_str(struct xlsx_sheet *s, lxw_row_t r, lxw_col_t c, const char *text, enum xlsx_fmt f);
void xlsx_put_blank(struct xlsx_sheet *s, lxw_row_t r, lxw_col_t c, enum xlsx_fmt f);
/* Every number goes through here: never NaN or Inf into a cell. chars: its shown width. */
void xlsx_put_num(struct xlsx_sheet *s, lxw_row_t r, lxw_col_t c, double v, enum xlsx_fmt f, double chars);
/* An amount in öre as kronor; has = 0: an empty cell. */
void xlsx_put_money(struct xlsx_sheet *s, lxw_row_t r, lxw_col_t c, int has, int64_t ore, enum xlsx_fmt f);
void xlsx_put_count(struct xlsx_sheet *s, lxw_row_t r, lxw_col_t c, long v, enum xlsx_fmt f);
/* A formula with its value computed in C as the cached result. */
void xlsx_put_formula(struct xlsx_sheet *s, lxw_row_t r, lxw_col_t c, const char *formula, double cached,
                      enum xlsx_fmt f, double chars);
/* =SUM over r1..r2 x c1..c2 with ore as its cached value. */
void xlsx_put_money_sum(struct xlsx_sheet *s, lxw_row_t r, lxw_col_t c, lxw_row_t r1, lxw_col_t c1, lxw_row_t r2,
                        lxw_col_t c2, int64_t ore, enum xlsx_fmt f);
/* =SUBTOTAL(109, ...) over the given rows of column c (ignores rows a
 * filter hides and other SUBTOTALs), ore as its cached value; no rows: an
 * empty total cell. */
void xlsx_put_money_subtotal(struct xlsx_sheet *s, lxw_row_t r, lxw_col_t c, const lxw_row_t *rows, int nrows,
                             int64_t ore, enum xlsx_fmt f);
void xlsx_put_count_subtotal(struct xlsx_sheet *s, lxw_row_t r, lxw_col_t c, const lxw_row_t *rows, int nrows,
                             long n, enum xlsx_fmt f);
void xlsx_put_count_sum(struct xlsx_sheet *s, lxw_row_t r, lxw_col_t c, lxw_row_t r1, lxw_row_t r2, long n);
/* A date as written (YYYY-MM-DD) as a date cell, else as text. */
void xlsx_put_date(struct xlsx_sheet *s, lxw_row_t r, lxw_col_t c, const char *text);
/* A register time stamp (YYYY-MM-DDTHH:MM:SSZ) as a date-time cell, or its day only. */
void xlsx_put_stamp(struct xlsx_sheet *s, lxw_row_t r, lxw_col_t c, const char *text, int with_time);

/* A note (comment) on a cell, shown when the pointer is over it. */
void xlsx_note(struct xlsx_sheet *s, lxw_row_t r, lxw_col_t c, const char *text);

void xlsx_widen(struct xlsx_sheet *s, lxw_col_t c, double chars);
/* The longest word of a column's header, in characters (0: no header). */
double xlsx_head_word(const struct xlsx_sheet *s, lxw_col_t c);
void xlsx_fix_width(struct xlsx_sheet *s, lxw_col_t c, double width);
/* Gives a row the height its wrapped text needs in a fixed-width column. */
void xlsx_fit_row(struct xlsx_sheet *s, lxw_row_t r, lxw_col_t c, const char *text);
/* The same for several wrapped cells of a row: the height of the tallest
 * (texts[i] in the fixed-width column cols[i]; a NULL text takes one line). */
void xlsx_fit_row_cells(struct xlsx_sheet *s, lxw_row_t r, int n, const lxw_col_t *cols, const char *const *texts);
/* A section title (FM_TITLE) in column 0 of row r, running on over the
 * empty cells to its right, with a row height for its larger font. */
void xlsx_section(struct xlsx_sheet *s, lxw_row_t r, const char *text);

/* The one place where money becomes a double: öre -> kronor. */
double xlsx_money_cell(int64_t ore);
/* Width of an amount shown as "-1 234 567,89 kr". */
double xlsx_money_chars(int64_t ore);
/* A share in thousandths of a percentage point, for a percent cell. */
double xlsx_share_cell(int64_t mpp);
/* num / den (den > 0) for a percent cell. */
double xlsx_ratio(int64_t num, int64_t den);

#endif

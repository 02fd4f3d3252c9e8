/*
 * format.c - the table of statement format version 1 (see format.h).
 */
#include "format.h"

#include <string.h>

#define E(path, name, parent, min, max, type, field, list) {path, name, 'e', parent, min, max, type, field, list}
#define A(path, name, parent, min, max, type, field, list) {path, name, 'a', parent, min, max, type, field, list}

const struct fmt_node fmt_nodes[FMT_COUNT] = {
	/*  0 */ E("statement", "statement", -1, 1, 1, VT_NONE, NULL, NULL),
	/*  1 */ A("statement@version", "version", 0, 1, 1, VT_TEXT, "version", NULL),
	/*  2 */ E("statement/programme", "programme", 0, 1, 1, VT_TEXT, "programme", NULL),
	/*  3 */ E("statement/year", "year", 0, 1, 1, VT_YEAR, "year", NULL),
	/*  4 */ E("statement/period", "period", 0, 1, 1, VT_NONE, NULL, NULL),
	/*  5 */ A("statement/period@from", "from", 4, 1, 1, VT_DATE, "period.from", NULL),
	/*  6 */ A("statement/period@to", "to", 4, 1, 1, VT_DATE, "period.to", NULL),
	/*  7 */ E("statement/rcc", "rcc", 0, 1, 1, VT_TEXT, "rcc", NULL),
	/*  8 */ A("statement/rcc@id", "id", 7, 1, 1, VT_CODE, "rcc.id", "rcc"),
	/*  9 */ E("statement/recipient", "recipient", 0, 1, 1, VT_TEXT, "recipient", NULL),
	/* 10 */ A("statement/recipient@orgnr", "orgnr", 9, 1, 1, VT_ORGNR, "recipient.orgnr", NULL),
	/* 11 */ E("statement/contact", "contact", 0, 0, 1, VT_NONE, NULL, NULL),
	/* 12 */ A("statement/contact@name", "name", 11, 1, 1, VT_TEXT, "contact.name", NULL),
	/* 13 */ A("statement/contact@email", "email", 11, 1, 1, VT_TEXT, "contact.email", NULL),
	/* 14 */ A("statement/contact@phone", "phone", 11, 0, 1, VT_TEXT, "contact.phone", NULL),
	/* 15 */ E("statement/currency", "currency", 0, 1, 1, VT_CODE, "currency", "currency"),
	/* 16 */ E("statement/funds", "funds", 0, 1, 1, VT_NONE, NULL, NULL),
	/* 17 */ E("statement/funds/granted", "granted", 16, 1, 1, VT_AMOUNT, "granted", NULL),
	/* 18 */ E("statement/funds/received", "received", 16, 1, 1, VT_AMOUNT, "received", NULL),
	/* 19 */ E("statement/funds/carriedOver", "carriedOver", 16, 1, 1, VT_AMOUNT, "carriedOver", NULL),
	/* 20 */ E("statement/expenses", "expenses", 0, 1, 1, VT_NONE, NULL, NULL),
	/* 21 */ E("statement/expenses/expense", "expense", 20, 1, -1, VT_AMOUNT, NULL, NULL),
	/* 22 */ A("statement/expenses/expense@category", "category", 21, 1, 1, VT_CODE, NULL, "category"),
	/* 23 */ A("statement/expenses/expense@criterion", "criterion", 21, 1, 1, VT_CODE, NULL, "criterion"),
	/* 24 */ A("statement/expenses/expense@note", "note", 21, 0, 1, VT_NOTE, NULL, NULL),
	/* 25 */ E("statement/totalExpenses", "totalExpenses", 0, 1, 1, VT_AMOUNT, "totalExpenses", NULL),
	/* 26 */ E("statement/balance", "balance", 0, 1, 1, VT_NONE, NULL, NULL),
	/* 27 */ E("statement/balance/closing", "closing", 26, 1, 1, VT_AMOUNT, "closing", NULL),
	/* 28 */ E("statement/balance/carryForward", "carryForward", 26, 1, 1, VT_AMOUNT, "carryForward", NULL),
	/* 29 */ E("statement/balance/repay", "repay", 26, 1, 1, VT_AMOUNT, "repay", NULL),
	/* 30 */ E("statement/attestation", "attestation", 0, 1, 1, VT_NONE, NULL, NULL),
	/* 31 */ A("statement/attestation@name", "name", 30, 1, 1, VT_TEXT, "attestation.name", NULL),
	/* 32 */ A("statement/attestation@role", "role", 30, 1, 1, VT_TEXT, "attestation.role", NULL),
	/* 33 */ A("statement/attestation@date", "date", 30, 1, 1, VT_DATE, "attestation.date", NULL),
};

int fmt_child(int parent, const char *name, char kind)
{
	for (int i = parent + 1; i < FMT_COUNT; i++)
		if (fmt_nodes[i].parent == parent && fmt_nodes[i].kind == kind && fmt_nodes[i].name[0] == name[0] &&
		    strcmp(fmt_nodes[i].name, name) == 0)
			return i;
	return -1;
}

const char *vtype_name(enum vtype t)
{
	static const char *const names[] = {NULL, "text", "note", "amount", "date", "year", "orgnr", "code"};
	return names[t];
}

int vtype_maxlen(enum vtype t)
{
	switch (t) {
	case VT_TEXT:
	case VT_CODE:
		return 200;
	case VT_NOTE:
		return 500;
	default:
		return 0;
	}
}

/*
 * sqlmem.h - SQLite's memory allocator: small blocks kept per thread and
 * class, in place of the lookaside allocator Debian's build leaves out
 * (sqlmem.c says why and how).
 */
#ifndef GC_SQLMEM_H
#define GC_SQLMEM_H

#include <sqlite3.h>

/* Makes SQLite allocate through sqlmem.c: once, before SQLite is first
 * used (db_global_init). SQLITE_OK, else SQLite's error code (SQLite then
 * keeps its own allocator, which is only slower). */
int sqlmem_install(void);
/* Frees the blocks the calling thread keeps (main, before it returns:
 * other threads' are freed when they end). */
void sqlmem_release(void);

/* For the unit tests: the methods (whether installed or not), and how many
 * blocks the calling thread keeps. */
const sqlite3_mem_methods *sqlmem_methods(void);
int sqlmem_kept(void);

#endif

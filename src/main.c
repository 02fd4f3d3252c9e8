/*
 * main.c - grantcheck's entry point.
 *
 * grantcheck validates the annual statements the six regional cancer
 * centres send on their use of the state grant (see README.md). The
 * subcommands and their help are in the command table in commands.c.
 */
#include <stdlib.h> /* defines __GLIBC__ on glibc */
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include <sqlite3.h>
#include <stdio.h>

#include "commands.h"
#include "db.h"
#include "sqlmem.h"

int main(int argc, char **argv)
{
#ifdef __GLIBC__
	/* Checking a folder parses one statement after another, each taking and
	 * freeing a few hundred KiB. glibc gives freed memory at the top of the
	 * heap back to the system at 128 KiB and takes it again for the next
	 * file: six brk calls and fresh page faults a file, a third of the time
	 * for 2000 small statements. Keep up to 8 MiB; the peak memory is the
	 * same. (A failure leaves the default, which is only slower.) */
	mallopt(M_TRIM_THRESHOLD, 8 << 20);
#endif
	int rc = db_global_init();
	if (rc != SQLITE_OK) {
		fprintf(stderr, "grantcheck: cannot start SQLite: %s; check the installed libsqlite3\n", sqlite3_errstr(rc));
		return 2;
	}
	rc = commands_run(argc, argv);
	sqlmem_release(); /* what SQLite freed last, kept by this thread (sqlmem.c) */
	return rc;
}

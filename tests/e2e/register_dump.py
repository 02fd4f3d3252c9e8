#!/usr/bin/env python3
"""Prints a register's content as text, for comparing two registers.

  register_dump.py REGISTER.db

Every table in name order, every row in rowid (or primary key) order, each
value as repr(). The moments of writing are not content: the columns
received_at, at and created_at, and the meta row created_at, are shown as
"<time>". Stored statements (content.bytes) are shown decompressed, with
their encoding, so two registers compare equal when they hold the same
bytes whichever way they were stored.
"""

import sqlite3
import sys
import zlib

TIME_COLS = {"received_at", "at", "created_at"}


def main(path):
    db = sqlite3.connect("file:%s?mode=ro" % path, uri=True)
    tables = [r[0] for r in db.execute(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
    for t in tables:
        cur = db.execute('SELECT * FROM "%s" ORDER BY 1, 2' % t)
        cols = [d[0] for d in cur.description]
        print("== %s(%s)" % (t, ", ".join(cols)))
        for row in cur:
            vals = []
            for c, v in zip(cols, row):
                if c in TIME_COLS or (t == "meta" and row[0] == "created_at" and c == "value"):
                    v = "<time>"
                elif t == "content" and c == "bytes":
                    v = zlib.decompress(v) if row[cols.index("encoding")] == "zlib" else v
                vals.append(repr(v))
            print("|".join(vals))


if __name__ == "__main__":
    main(sys.argv[1])

"""bench/batch.py - many small statements in one call, for bench/bench.py.

BENCH_SMALL (2000) valid statements (gen.py small: copies of
samples/valid, each made distinct) checked by one `grantcheck check DIR`
(every rule, findings), against `xmllint --noout --schema` on the same
files (the structure alone). Issue 15 part 1 (the wip/perfa branch) owns
this row's target and may move it to a module of its own.
"""
import glob
import os

from bench import Pair


def rows(ctx):
    n = int(os.environ.get("BENCH_SMALL", "2000"))
    small = ctx.generate("small", ["small", str(n), "{out}", os.path.join(ctx.root, "samples", "valid")],
                         deps=sorted(glob.glob(os.path.join(ctx.root, "samples", "valid", "*.xml"))))
    files = sorted(glob.glob(os.path.join(small, "*.xml")))
    size = sum(os.path.getsize(f) for f in files)
    if not ctx.have("xmllint"):
        raise SystemExit("bench: xmllint not found (package libxml2-utils; make deps installs it)")
    schema = os.path.join(ctx.root, "schema", "statement-v1.xsd")
    return [
        Pair("batch", "`grantcheck check DIR`, small statements in one call",
             "%d files, %.1f MB" % (len(files), size / 1e6), ctx.check + [small],
             ["xmllint", "--noout", "--schema", schema] + files, "`xmllint --noout --schema`", "≤ 1.0× (issue 15)"),
    ]

#!/usr/bin/env bash
# `make install` into a temporary PREFIX: the installed program finds its
# installed rule sets with no option, outside the source tree.
E2E_NO_BINARY=1
. "$(dirname "$0")/lib.sh" "$@"
make -s install BUILD="$t/build" PREFIX="$t/prefix" > "$t/log" 2>&1; st=$?
check "make install PREFIX=... succeeds" '[ $st -eq 0 ]'
check "rules installed" '[ -f "$t/prefix/share/grantcheck/rules/rcc-2013-2015/A1.sql" ]'
check "schema installed" '[ -f "$t/prefix/share/grantcheck/schema/statement-v1.xsd" ]'
check "man page installed" '[ -f "$t/prefix/share/man/man1/grantcheck.1" ]'
check "guides installed" 'for f in format.sv.md format.en.md rules.sv.md rules.en.md; do [ -f "$t/prefix/share/doc/grantcheck/$f" ] || exit 1; done'
check "bash completion installed" '[ -f "$t/prefix/share/bash-completion/completions/grantcheck" ]'
check "the man page renders without warnings" '[ -z "$(groff -man -ww -z docs/grantcheck.1 2>&1)" ] && MANWIDTH=80 man -l docs/grantcheck.1 2>"$t/manerr" | grep -q "EXIT STATUS" && [ ! -s "$t/manerr" ]'
check "the completion completes commands and rule ids" 'bash -c ". \"$t/prefix/share/bash-completion/completions/grantcheck\"; COMP_WORDS=(\"$t/prefix/bin/grantcheck\" exp); COMP_CWORD=1; _grantcheck; [ \"\${COMPREPLY[*]}\" = explain ]; COMP_WORDS=(\"$t/prefix/bin/grantcheck\" explain a); COMP_CWORD=2; _grantcheck; [[ \" \${COMPREPLY[*]} \" == *\" A1 \"* ]]"'
cp samples/valid/norr-2013.xml "$t/s.xml"
(cd "$t" && env -u GRANTCHECK_RULES "$t/prefix/bin/grantcheck" check --today 2026-11-22 s.xml > out); st=$?
check "installed grantcheck finds its rules" '[ $st -eq 0 ] && grep -q "s.xml: valid" "$t/out"'
make -s install BUILD="$t/build" PREFIX=/usr DESTDIR="$t/dest" > "$t/log2" 2>&1; st=$?
check "DESTDIR staging install" '[ $st -eq 0 ] && [ -x "$t/dest/usr/bin/grantcheck" ] && [ -f "$t/dest/usr/share/grantcheck/rules/rcc-2013-2015/codes.tsv" ]'
check "the staged binary looks in PREFIX's data folder" 'grep -q "/usr/share/grantcheck/rules" "$t/dest/usr/bin/grantcheck"'
# summary and serve run grantcheck-office, installed beside grantcheck;
# grantcheck itself does not load the workbook and web server libraries
(cd "$t" && env -u GRANTCHECK_RULES "$t/prefix/bin/grantcheck" register --db r.db --today 2026-11-22 s.xml > out2 &&
  env -u GRANTCHECK_RULES "$t/prefix/bin/grantcheck" summary --db r.db -o s.xlsx > out3 2>&1); st=$?
check "installed grantcheck writes a summary through grantcheck-office" '[ $st -eq 0 ] && [ -x "$t/prefix/bin/grantcheck-office" ] && python3 -c "import zipfile,sys; zipfile.ZipFile(sys.argv[1]).getinfo(\"xl/workbook.xml\")" "$t/s.xlsx"'
check "grantcheck loads neither libxlsxwriter nor libmicrohttpd" '! ldd "$t/prefix/bin/grantcheck" | grep -Eq "xlsxwriter|microhttpd|gnutls" && ldd "$t/prefix/bin/grantcheck-office" | grep -q xlsxwriter'
mkdir -p "$t/lonely" && cp "$t/prefix/bin/grantcheck" "$t/lonely/"
(cd "$t" && LANG=en_GB.UTF-8 "$t/lonely/grantcheck" summary --db r.db -o s2.xlsx > out4 2>&1); st=$?
check "without grantcheck-office, summary says what is missing and where it belongs" '[ $st -eq 2 ] && grep -q "cannot run $t/lonely/grantcheck-office" "$t/out4" && grep -q "beside grantcheck" "$t/out4" && [ ! -e "$t/s2.xlsx" ]'

#!/usr/bin/env bash
# The shipped guide cannot drift: docs/rules.{sv,en}.md must be what
# tools/gen-rule-docs.py makes from the rule files now; the man page names
# every command `grantcheck --help` lists; the format guides list every code
# of codes.tsv; the XML Schema points at the guide.
. "$(dirname "$0")/lib.sh" "$@"
python3 tools/gen-rule-docs.py "$gc" "$t" > "$t/log" 2>&1; st=$?
check "gen-rule-docs.py runs" '[ $st -eq 0 ]'
for l in sv en; do
  check "docs/rules.$l.md is up to date (run tools/gen-rule-docs.py build/grantcheck)" 'cmp -s "$t/rules.$l.md" docs/rules.$l.md'
done
check "the rule catalogue lists every rule" '[ "$(grep -c "^### " docs/rules.en.md)" -eq "$("$gc" rules --rules rules --lang en | grep -cE "^  [A-Z][0-9]+ ")" ]'
check "every rule has a how-to-fix paragraph" '[ "$(grep -c "^\*\*How to fix:\*\*" docs/rules.en.md)" -eq "$(grep -c "^### " docs/rules.en.md)" ] && [ "$(grep -c "^\*\*Så rättar du:\*\*" docs/rules.sv.md)" -eq "$(grep -c "^### " docs/rules.sv.md)" ]'
check "explain shows no file path or .tsv name" '! "$gc" explain --rules rules A1 | grep -qE "\.tsv|\.sql|rules/"'
check "the man page has no groff warnings" '[ -z "$(groff -man -ww -z docs/grantcheck.1 2>&1)" ]'
for c in $("$gc" --help | awk '$1 == "grantcheck" && $2 ~ /^[a-z]+$/ {print $2}'); do
  check "the man page documents $c" 'grep -q "^\.SS $c$" docs/grantcheck.1'
done
for l in sv en; do
  check "format.$l.md lists every code" 'awk -F"\t" "!/^#/ && NR > 2 {print \$2}" rules/rcc-2013-2015/codes.tsv | grep -v -E "^(EUR|CHF|DKK|GBP|ISK|NOK|PLN|USD)$" | while read -r c; do grep -qF "\`$c\`" docs/format.$l.md || exit 1; done'
done
check "the XML Schema points at the guide" 'grep -q "share/doc/grantcheck/format.sv.md" schema/statement-v1.xsd'

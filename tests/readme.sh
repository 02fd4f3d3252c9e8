#!/usr/bin/env bash
# The README's examples as a test (in the manner of jq's man.test): every
# line `$ grantcheck ...` inside a ```sh block of README.md is run, in order,
# in one prepared folder, and compared with what the README shows after it
# (the lines up to the next `$` line or the closing fence; standard output
# and standard error together). Where the README shows no output, the exit
# status is checked against the README's exit status table: 1 when the shown
# output has an error finding, else 0.
#
# The prepared folder (the state the README's tour assumes): samples/ of this
# repository, incoming/2014/ with the six valid 2014 statements, the rule sets
# through GRANTCHECK_RULES (as after `make install`), `grantcheck` on PATH,
# the C locale (English messages). A comment in the README says so too.
#
#   tests/readme.sh build/grantcheck
. "$(dirname "$0")/e2e/lib.sh" "$@"
root=$PWD
mkdir -p "$t/work/incoming/2014" "$t/bin"
ln -s "$root/samples" "$t/work/samples"
cp samples/valid/*-2014.xml "$t/work/incoming/2014/"
ln -s "$gc" "$t/bin/grantcheck"
export PATH="$t/bin:$PATH" GRANTCHECK_RULES="$root/rules"

# README.md -> $t/cases: "CMD<TAB>command" then the expected lines, "END"
awk -v tab='\t' '
  /^```sh[ \t]*$/ { inblock = 1; next }
  /^```/ && inblock { if (open) print "END"; inblock = 0; open = 0; next }
  !inblock { next }
  /^\$ grantcheck / { if (open) print "END"; print "CMD" tab substr($0, 3); open = 1; next }
  open { print "OUT" tab $0 }
' README.md > "$t/cases"
n=$(grep -c '^CMD' "$t/cases")
check "README.md has \$ grantcheck examples ($n)" '[ "$n" -gt 0 ]'

cd "$t/work" || exit 2
cmd="" expected=""
while IFS= read -r line; do
  case $line in
    CMD$'\t'*) cmd=${line#CMD$'\t'} expected="" ;;
    OUT$'\t'*) expected+=${line#OUT$'\t'}$'\n' ;;
    END)
      actual=$(eval "$cmd" 2>&1); st=$?
      want=0
      case $expected in *"error["*) want=1 ;; esac
      short=${cmd%%  *}
      if [ -n "$expected" ]; then
        if [ "$actual" = "${expected%$'\n'}" ] && [ $st -eq $want ]; then
          ok "README: $short"
        else
          bad "README: $short (exit $st, expected $want)"
          diff -u <(printf '%s' "$expected") <(printf '%s\n' "$actual") | head -20
        fi
      else
        if [ $st -eq $want ]; then ok "README: $short (exit $st)"; else bad "README: $short: exit $st, expected $want"; printf '%s\n' "$actual" | head -10; fi
      fi
      ;;
  esac
done < "$t/cases"
# what the examples write
check "README: the workbooks were written" '[ -s sammanstallning-2014.xlsx ] && [ -s summary.xlsx ]'
check "README: the register holds the six 2014 statements, one withdrawn" '[ "$(q register.db "select count(*), sum(current), count(withdrawn_at) from submission where year = 2014")" = "6|5|1" ]'

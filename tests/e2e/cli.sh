#!/usr/bin/env bash
# The command line end to end: every option a command's --help shows is
# accepted by it and every option it does not show is refused (help and
# parser come from one table in cli.c/commands.c, this is the proof); `-`
# reads standard input; options after operands for list; a .XML folder entry
# in capitals; a missing path is never registered; help in Swedish from the
# locale; standard output that cannot be written is exit 2 for every command.
# Called from tests/e2e.sh as: bash tests/e2e/cli.sh /abs/path/grantcheck
# Prints "ok WHAT" or "FAIL WHAT" per check.
. "$(dirname "$0")/lib.sh" "$@"
R="--today 2026-11-22 --rules rules"
v=samples/valid/norr-2013.xml

# -- 1. help and parser agree, for every command in the overview
cmds=$("$gc" --help | awk '$1 == "grantcheck" && $2 ~ /^[a-z]+$/ {print $2}')
check "the overview lists the commands" '[ "$(echo $cmds | wc -w)" -ge 7 ]'
# the options every command shows, with a value that is valid for each
value_for() {
  case $1 in
    format) echo json ;; lang) echo en ;; rules) echo rules ;; programme) echo rcc-2013-2015 ;;
    previous) echo "$v" ;; today) echo 2026-11-22 ;; db) echo "$t/none.db" ;; year) echo 2014 ;;
    output) echo "$t/out.xlsx" ;; *) echo "" ;;
  esac
}
shown() { # CMD: the long option names its --help lists, one a line
  "$gc" "$1" --help | sed -n '/^Options:/,$p' | grep -oE -- '--[a-z][a-z-]*' | sed 's/^--//' | sort -u
}
all_opts=$(for c in $cmds; do shown "$c"; done | sort -u)
check "the help shows options" '[ "$(echo $all_opts | wc -w)" -ge 10 ]'
refused_msg='unknown option|does not take|takes no value|needs a value'
for c in $cmds; do
  mine=$(shown "$c")
  check "$c --help shows -h and --help" '"$gc" "$c" --help | grep -q -- "-h, --help"'
  for o in $all_opts; do
    [ "$o" = help ] && continue
    val=$(value_for "$o")
    # a flag is given without a value; an option with one in the --opt=value form
    if "$gc" "$c" --help | sed -n '/^Options:/,$p' | grep -qE -- "^ +(-., )?--$o [^ ]"; then
      arg="--$o=$val"
    else
      arg="--$o"
    fi
    # serve runs until stopped: a refused option ends it at once, an accepted one is stopped after 5 s
    to=""; [ "$c" = serve ] && to="timeout -s TERM 5"
    err=$($to "$gc" "$c" "$arg" 2>&1 >/dev/null < /dev/null)
    if printf '%s\n' "$mine" | grep -qx "$o"; then
      check "$c accepts $arg, which its help shows" '! printf "%s" "$err" | grep -qE "$refused_msg"'
    else
      check "$c refuses --$o, which its help does not show" 'printf "%s" "$err" | grep -qE "$refused_msg"'
    fi
  done
done

# -- 2. standard input
out=$("$gc" check $R --lang en - < "$v"); st=$?
check "check - reads standard input (exit 0)" '[ $st -eq 0 ] && printf "%s" "$out" | grep -q "valid (0 errors"'
out=$(cat samples/invalid/A1-sum-mismatch.xml | "$gc" check $R --lang en --format json -); st=$?
check "check - from a pipe finds A1 (exit 1)" '[ $st -eq 1 ] && printf "%s" "$out" | grep -q "\"rule\": \"A1\""'
out=$("$gc" check $R --lang en - "$v" < "$v"); st=$?
check "check - beside a file checks both" '[ $st -eq 0 ] && [ "$(printf "%s\n" "$out" | grep -c "valid (0 errors")" -eq 2 ]'
"$gc" check $R - - < "$v" > /dev/null 2> "$t/err"; st=$?
check "check - - is a usage error (exit 2)" '[ $st -eq 2 ] && grep -q "only once" "$t/err"'
out=$("$gc" register --db "$t/stdin.db" $R --lang en - < "$v"); st=$?
check "register - records the statement from standard input" '[ $st -eq 0 ] && printf "%s" "$out" | grep -q registered'

# -- 3. options after operands, folders, missing paths
"$gc" register "$v" --db "$t/reg.db" $R --lang en > /dev/null; st=$?
check "register FILE --db X: options after the operand" '[ $st -eq 0 ] && [ -s "$t/reg.db" ]'
out=$("$gc" list --rules rules --format json --db "$t/reg.db" --year 2013); st=$?
check "list: every option in any order" '[ $st -eq 0 ] && printf "%s" "$out" | grep -q "\"rcc\": \"norr\""'
mkdir -p "$t/caps"
cp "$v" "$t/caps/NORR-2013.XML"
out=$("$gc" check $R --lang en "$t/caps"); st=$?
check "a folder's *.XML (capitals) is a statement" '[ $st -eq 0 ] && printf "%s" "$out" | grep -q "NORR-2013.XML: valid"'
"$gc" register --db "$t/miss.db" $R "$v" "$t/no-such.xml" > "$t/out" 2> "$t/err"; st=$?
check "register with a missing path: exit 2, said once, nothing recorded" \
  '[ $st -eq 2 ] && [ "$(wc -l < "$t/err")" -eq 1 ] && [ ! -s "$t/out" ] && [ ! -e "$t/miss.db" ]'

# -- 4. Swedish from the locale
check "LANG=sv_SE.UTF-8 grantcheck --help is Swedish" \
  'LC_ALL= LANG=sv_SE.UTF-8 "$gc" --help | grep -q "^Användning:"'
check "LC_ALL=sv_SE.UTF-8: usage errors in Swedish" \
  '! LC_ALL=sv_SE.UTF-8 "$gc" check --fromat json x.xml 2> "$t/err" && grep -q "okänd flagga" "$t/err"'
check "--lang en wins over a Swedish locale" \
  'LC_ALL=sv_SE.UTF-8 "$gc" check --lang en --help | grep -q "^Usage:"'

# -- 5. an output that cannot be written is exit 2, for every command
if [ -w /dev/full ]; then
  for args in "check $R $v" "rules --rules rules" "explain --rules rules A1" "help" "--help" "check --help" \
              "list --rules rules --db $t/reg.db" "--version"; do
    # shellcheck disable=SC2086
    "$gc" $args > /dev/full 2> "$t/err"; st=$?
    check "grantcheck $args > /dev/full: exit 2 with a message" '[ $st -eq 2 ] && grep -q "cannot write" "$t/err"'
  done
else
  ok "/dev/full is not writable here: output errors not tested"
fi

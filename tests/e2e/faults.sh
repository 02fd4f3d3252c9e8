#!/usr/bin/env bash
# Fault injection (issue #4, part 5): the register on a full disk (a small
# tmpfs) and at its file size limit (ulimit -f), the register read-only, the
# workbook's folder missing, read-only or full, the rule folder missing a
# file. Each: exit 2, a clear message, the register intact (integrity_check,
# the same rows; every submission that was recorded is complete and was
# reported), no partial output file.
# Faults that need root (mount, dropping CAP_DAC_OVERRIDE) say so when they
# cannot run here. Prints "ok WHAT" or "FAIL WHAT" per check.
. "$(dirname "$0")/lib.sh" "$@"
mounts=()
e2e_cleanup() { # lib.sh then removes $t
  for m in "${mounts[@]}"; do umount "$m" 2>/dev/null || umount -l "$m" 2>/dev/null; done
  command -v chattr > /dev/null && chattr -R -i "$t" 2>/dev/null
}
wrap=${GRANTCHECK_WRAP:-}
R="--rules rules --today 2026-11-22 --lang en"
# the register is intact: integrity_check ok, N submissions, each complete
# (as many finding rows as its counts say)
intact() { # DB N
  [ "$(q "$1" "pragma integrity_check")" = ok ] &&
    [ "$(q "$1" "select count(*) from submission")" = "$2" ] &&
    [ "$(q "$1" "select count(*) from submission s where (select count(*) from finding where submission = s.id) <> s.errors + s.warnings + s.infos")" = 0 ]
}
sha() { sha256sum < "$1" | cut -c1-64; }
root=0
[ "$(id -u)" -eq 0 ] && root=1
# as root, permissions do not stop anything: drop the capabilities that let root past them
nocaps=()
if [ $root -eq 1 ]; then
  if setpriv --bounding-set=-dac_override,-dac_read_search --inh-caps=-dac_override,-dac_read_search true 2>/dev/null; then
    nocaps=(setpriv --bounding-set=-dac_override,-dac_read_search --inh-caps=-dac_override,-dac_read_search --)
  else
    nocaps=(none)
  fi
fi
# mount_tmpfs DIR KB: a small file system of its own; 1 when not permitted
mount_tmpfs() {
  mkdir -p "$1"
  [ $root -eq 1 ] && mount -t tmpfs -o "size=${2}k,mode=0755" tmpfs "$1" 2>/dev/null || return 1
  mounts+=("$1")
}
fill() { # DIR KB: leave about KB free
  local avail
  avail=$(df -Pk "$1" | awk 'NR == 2 {print $4}')
  [ "$avail" -gt "$2" ] && dd if=/dev/zero of="$1/fill" bs=1k count=$((avail - $2)) 2>/dev/null
  # a tmpfs may still take a page or two: fill the rest byte by byte
  [ "$2" -eq 0 ] && { cat /dev/zero >> "$1/fill"; } 2>/dev/null
  return 0
}

base=$t/base.db
"$gc" register --db "$base" $R samples/valid > /dev/null 2>&1
check "a register of the 18 valid samples to start from" 'intact "$base" 18'
# the batch used below: samples/invalid, registered without any fault
cp "$base" "$t/all.db"
"$gc" register --db "$t/all.db" $R samples/invalid > /dev/null 2>&1
all=$(q "$t/all.db" "select count(*) from submission")
registered() { grep -c '; registered$\|; registered; replaces' "$1"; }

# -- 1. the register on a full disk
if mount_tmpfs "$t/full" 512; then
  cp "$base" "$t/full/reg.db"
  fill "$t/full" 0
  $wrap "$gc" register --db "$t/full/reg.db" $R samples/invalid/A1-sum-mismatch.xml > "$t/out" 2> "$t/err"; st=$?
  check "full disk: register exits 2" '[ $st -eq 2 ]'
  check "full disk: the message names the register and says the disk is full" 'grep -q "$t/full/reg.db: .*disk is full\|$t/full/reg.db: .*full; free space" "$t/err"'
  rm -f "$t/full/fill"
  check "full disk: the register is intact (integrity_check, 18 submissions)" 'intact "$t/full/reg.db" 18'
  "$gc" register --db "$t/full/reg.db" $R samples/invalid/A1-sum-mismatch.xml > /dev/null 2>&1; st=$?
  check "full disk: registering works again once there is space" '[ $st -eq 1 ] && intact "$t/full/reg.db" 19'
  # nearly full: the disk fills in the middle of a batch
  cp "$base" "$t/full/reg.db"
  rm -f "$t/full/reg.db-wal" "$t/full/reg.db-shm"
  fill "$t/full" 96
  $wrap "$gc" register --db "$t/full/reg.db" $R samples/invalid > "$t/out" 2> "$t/err"; st=$?
  check "disk full part-way through a batch: exit 2 with the reason" '[ $st -eq 2 ] && grep -q "full" "$t/err"'
  rm -f "$t/full/fill"
  n=$(q "$t/full/reg.db" "select count(*) from submission")
  k=$(registered "$t/out")
  check "disk full part-way: intact, and exactly the $k files reported as registered were recorded" \
    '[ "$n" -lt "$all" ] && intact "$t/full/reg.db" $((18 + k))'
  # the workbook on a full disk: no partial file, no temporary file left
  fill "$t/full" 0
  before=$(ls -a "$t/full")
  $wrap "$gc" summary --db "$base" --lang en -o "$t/full/summary.xlsx" > "$t/out" 2> "$t/err"; st=$?
  check "summary to a full disk: exit 2 naming the workbook" '[ $st -eq 2 ] && grep -q "summary.xlsx" "$t/err"'
  check "summary to a full disk: no workbook and no temporary file left" '[ ! -e "$t/full/summary.xlsx" ] && [ "$(ls -a "$t/full")" = "$before" ]'
  rm -f "$t/full/fill"
else
  ok "full disk (skipped: mounting a small tmpfs needs root with CAP_SYS_ADMIN, not available here; the file size limit below makes the same writes fail)"
fi

# -- 2. the register at its file size limit (SIGXFSZ ignored: the write fails with EFBIG)
limited() { # KB CMD...: run with ulimit -f KB
  local kb=$1
  shift
  (trap '' XFSZ; ulimit -f "$kb"; exec "$@")
}
cp "$base" "$t/lim.db"
limited 1 $wrap "$gc" register --db "$t/lim.db" $R samples/invalid/A1-sum-mismatch.xml > "$t/out" 2> "$t/err"; st=$?
check "file size limit 1 KiB: register exits 2" '[ $st -eq 2 ]'
check "file size limit: the message names the register and the limit" 'grep -q "$t/lim.db: .*file size limit" "$t/err"'
check "file size limit: the register is intact (18 submissions)" 'intact "$t/lim.db" 18'
cp "$base" "$t/lim2.db"
# a transaction per file (GRANTCHECK_REGISTER_BATCH=1), so that the register
# reaches the limit before samples/invalid's 6 MB statement: in batches of
# files it is written far less, and that statement's temporary working
# database would reach the limit first (tests/e2e/json_complete.sh has the
# batched case on small statements)
limited 100 env GRANTCHECK_REGISTER_BATCH=1 $wrap "$gc" register --db "$t/lim2.db" $R samples/invalid > "$t/out" 2> "$t/err"; st=$?
k=$(registered "$t/out")
check "file size limit reached part-way through a batch: exit 2, file size limit named" '[ $st -eq 2 ] && grep -q "file size limit" "$t/err"'
check "file size limit part-way: intact, and exactly the $k files reported as registered were recorded" 'intact "$t/lim2.db" $((18 + k))'
"$gc" register --db "$t/lim2.db" $R samples/invalid > /dev/null 2>&1
check "without the limit the rest of the batch registers" 'intact "$t/lim2.db" "$all"'
# not ignored, SIGXFSZ kills the process in the middle of a write
cp "$base" "$t/lim3.db"
{ (ulimit -f 100; exec "$gc" register --db "$t/lim3.db" $R samples/invalid > /dev/null 2>&1); } 2> /dev/null; st=$?
check "killed by SIGXFSZ part-way (exit $st): the register is intact" '[ $st -gt 128 ] && [ "$(q "$t/lim3.db" "pragma integrity_check")" = ok ] && intact "$t/lim3.db" "$(q "$t/lim3.db" "select count(*) from submission")"'

# -- 3. the register read-only
ro_case() { # NAME DB SAME RUNNER...: register must fail, the file unchanged
  # (SAME: the same file where it can be opened to check it, or DB)
  local name=$1 db=$2 same=$3
  shift 3
  local h
  h=$(sha "$db")
  "$@" $wrap "$gc" register --db "$db" $R samples/invalid/A1-sum-mismatch.xml > "$t/out" 2> "$t/err"; st=$?
  check "$name: register exits 2 naming the register, saying it must be writable" \
    '[ $st -eq 2 ] && grep -q "$db: .*\(writable\|read-only\|readonly\)" "$t/err"'
  check "$name: the register is unchanged byte for byte and intact" '[ "$(sha "$db")" = "$h" ] && intact "$same" 18'
}
mkdir -p "$t/rosrc" "$t/ro"
cp "$base" "$t/rosrc/reg.db"
if [ $root -eq 1 ] && mount --bind "$t/rosrc" "$t/ro" 2>/dev/null; then
  mounts+=("$t/ro")
  if mount -o remount,bind,ro "$t/ro" 2>/dev/null; then
    ro_case "register on a read-only file system" "$t/ro/reg.db" "$t/rosrc/reg.db"
    # the workbook into a read-only folder
    $wrap "$gc" summary --db "$base" --lang en -o "$t/ro/summary.xlsx" > "$t/out" 2> "$t/err"; st=$?
    check "summary into a read-only file system: exit 2 naming the folder" '[ $st -eq 2 ] && grep -q "$t/ro" "$t/err"'
    check "summary into a read-only file system: nothing written" '[ "$(ls "$t/ro")" = reg.db ]'
  else
    ok "read-only file system (skipped: remounting read-only is not permitted here)"
  fi
else
  ok "read-only file system (skipped: bind mounts need root with CAP_SYS_ADMIN, not available here)"
fi
if [ "${nocaps[0]:-}" != none ]; then
  cp "$base" "$t/mode444.db"
  chmod 444 "$t/mode444.db"
  ro_case "register file mode 444$([ $root -eq 1 ] && echo ' (root without CAP_DAC_OVERRIDE)')" "$t/mode444.db" "$t/mode444.db" "${nocaps[@]}"
  mkdir -p "$t/rodir"
  cp "$base" "$t/rodir/reg.db"
  chmod 555 "$t/rodir"
  ro_case "register in a folder of mode 555 (no room for its journal)" "$t/rodir/reg.db" "$t/rodir/reg.db" "${nocaps[@]}"
  "${nocaps[@]}" $wrap "$gc" summary --db "$base" --lang en -o "$t/rodir/summary.xlsx" > "$t/out" 2> "$t/err"; st=$?
  check "summary into a folder of mode 555: exit 2 naming the folder" '[ $st -eq 2 ] && grep -q "$t/rodir" "$t/err"'
  check "summary into a folder of mode 555: nothing written" '[ "$(ls -a "$t/rodir" | tr "\n" " ")" = ". .. reg.db " ]'
  chmod 755 "$t/rodir"
else
  ok "read-only register by mode (skipped as root: setpriv cannot drop CAP_DAC_OVERRIDE here)"
fi
if [ $root -eq 1 ] && command -v chattr > /dev/null && cp "$base" "$t/immutable.db" && chattr +i "$t/immutable.db" 2>/dev/null; then
  ro_case "register file immutable (chattr +i)" "$t/immutable.db" "$t/immutable.db"
  chattr -i "$t/immutable.db"
fi

# -- 4. the workbook's folder missing; the output path a folder
$wrap "$gc" summary --db "$base" --lang en -o "$t/no/such/dir/summary.xlsx" > "$t/out" 2> "$t/err"; st=$?
check "summary into a missing folder: exit 2 naming the folder" '[ $st -eq 2 ] && grep -q "$t/no/such/dir" "$t/err"'
check "summary into a missing folder: nothing created" '[ ! -e "$t/no" ]'
mkdir -p "$t/out.xlsx" "$t/outdir"
$wrap "$gc" summary --db "$base" --lang en -o "$t/out.xlsx" > "$t/out" 2> "$t/err"; st=$?
check "summary onto an existing folder: exit 2 naming it" '[ $st -eq 2 ] && grep -q "out.xlsx" "$t/err"'
check "summary onto an existing folder: no temporary file left" '[ -z "$(ls -A "$t/out.xlsx")" ] && [ -z "$(ls "$t" | grep "out.xlsx.")" ]'
check "the register read by summary is intact" 'intact "$base" 18'

# -- 5. the rule folder missing a file (or unreadable)
rule_fault() { # NAME PATTERN (what the message must name); the rules in $t/r
  local name=$1 pattern=$2
  local h
  h=$(sha "$t/r.db")
  $wrap "$gc" check --rules "$t/r" --today 2026-11-22 samples/valid/norr-2013.xml > "$t/out" 2> "$t/err"; st=$?
  check "$name: check exits 2 naming $pattern" '[ $st -eq 2 ] && grep -q "$pattern" "$t/err"'
  "${@:3}" $wrap "$gc" register --db "$t/r.db" --rules "$t/r" --today 2026-11-22 samples/invalid/A1-sum-mismatch.xml > "$t/out" 2> "$t/err"; st=$?
  check "$name: register exits 2 naming $pattern; the register unchanged" \
    '[ $st -eq 2 ] && grep -q "$pattern" "$t/err" && [ "$(sha "$t/r.db")" = "$h" ] && intact "$t/r.db" 18'
}
cp "$base" "$t/r.db"
fresh_rules() { rm -rf "$t/r"; mkdir -p "$t/r"; cp -r rules/rcc-2013-2015 "$t/r/"; }
for f in codes.tsv years.tsv; do
  fresh_rules
  rm "$t/r/rcc-2013-2015/$f"
  rule_fault "rule folder without $f" "$t/r/rcc-2013-2015/$f"
done
fresh_rules
rm "$t/r/rcc-2013-2015/programme.tsv"
rule_fault "rule folder without programme.tsv" "programme.tsv"
fresh_rules
rm "$t/r/rcc-2013-2015/"*.sql
rule_fault "rule folder without rule files" "$t/r/rcc-2013-2015: .*no rule files"
rm -rf "$t/r"
rule_fault "rule folder missing altogether" "$t/r"
if [ "${nocaps[0]:-}" != none ]; then
  fresh_rules
  chmod 000 "$t/r/rcc-2013-2015/A3.sql"
  # shellcheck disable=SC2086
  h=$(sha "$t/r.db")
  "${nocaps[@]}" $wrap "$gc" check --rules "$t/r" --today 2026-11-22 samples/valid/norr-2013.xml > "$t/out" 2> "$t/err"; st=$?
  check "an unreadable rule file: exit 2 naming it" '[ $st -eq 2 ] && grep -q "A3.sql: .*Permission denied" "$t/err"'
  chmod 644 "$t/r/rcc-2013-2015/A3.sql"
fi
fresh_rules
printf 'list\tcode\tlabel_sv\tlabel_en\n' > "$t/r/rcc-2013-2015/codes.tsv"
$wrap "$gc" check --rules "$t/r" --today 2026-11-22 samples/valid/norr-2013.xml > "$t/out" 2> "$t/err"; st=$?
check "an empty codes.tsv: the statement's codes are all refused (S6), not a crash" '[ $st -eq 1 ] && grep -q "S6" "$t/out"'

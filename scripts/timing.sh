# Shared by the test scripts (sourced): `step NAME COMMAND…` runs a command, shows its output,
# and records its wall time and the tests its output reports (cargo test, pytest, node --test,
# go test -v); `timing_table` prints the table of steps with the total. A script run by another
# adds its steps to the caller's table (NW_TIMINGS names the file they are written to).
if [ -z "${NW_TIMINGS:-}" ]; then
  NW_TIMINGS=$(mktemp)
  export NW_TIMINGS
  NW_TIMINGS_OWNER=$$
  NW_TIMINGS_START=$SECONDS
fi

# The tests one step's output reports: "PASSED FAILED".
tests_counted() {
  awk '
    /^test result: (ok|FAILED)\. [0-9]+ passed; [0-9]+ failed/ {  # cargo test, per binary
      p += $4; f += $6 }
    /^=* ?[0-9]+ (passed|failed)/ {                                # pytest
      sub(/^=+ /, ""); gsub(/,/, "")
      for (i = 2; i <= NF; i++) { if ($i == "passed") p += $(i-1); if ($i == "failed") f += $(i-1) } }
    /^(#|ℹ) pass [0-9]+$/ { p += $3 }                             # node --test
    /^(#|ℹ) fail [0-9]+$/ { f += $3 }
    /^--- PASS: / { p += 1 }                                       # go test -v
    /^--- FAIL: / { f += 1 }
    END { print p + 0, f + 0 }' "$1"
}

step() {
  local name=$1 start=$SECONDS log status errexit=${-//[^e]/}
  shift
  log=$(mktemp)
  echo "== $name"
  # Not `cmd || status=$?`: that would switch errexit off inside a function given as COMMAND.
  set +e
  (
    set -e
    "$@"
  ) 2>&1 | tee "$log"
  status=${PIPESTATUS[0]}
  [ -z "$errexit" ] || set -e
  local counted passed failed
  counted=$(tests_counted "$log")
  passed=${counted% *} failed=${counted#* }
  # A step that failed without a test saying so counts as one failure.
  if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
  printf '%s\t%s\t%s\t%s\n' "$name" $((SECONDS - start)) "$passed" "$failed" >>"$NW_TIMINGS"
  rm -f "$log"
  return "$status"
}

# A line printed under the table (what a step counted beyond tests).
timing_note() {
  printf 'note\t%s\n' "$*" >>"$NW_TIMINGS"
}

# Prints the table (in the script that started it); the last line is the plain
# "N passed, N failed" total.
timing_table() {
  [ "${NW_TIMINGS_OWNER:-}" = $$ ] || return 0
  local total=$((SECONDS - NW_TIMINGS_START))
  echo
  echo "| step | seconds | tests passed |"
  echo "| --- | ---: | ---: |"
  awk -F'\t' '$1 != "note" { printf "| %s%s | %d | %s |\n", $1, ($4 == 0 ? "" : " (FAILED)"), $2, ($3 > 0 ? $3 : "") }' "$NW_TIMINGS"
  local passed failed
  passed=$(awk -F'\t' '$1 != "note" { n += $3 } END { print n + 0 }' "$NW_TIMINGS")
  failed=$(awk -F'\t' '$1 != "note" { n += $4 } END { print n + 0 }' "$NW_TIMINGS")
  printf '| total | %d (%dm %02ds) | %d |\n' "$total" $((total / 60)) $((total % 60)) "$passed"
  awk -F'\t' '$1 == "note" { print "\n" $2 }' "$NW_TIMINGS"
  rm -f "$NW_TIMINGS"
  # The last line: the plain count CI reads.
  echo
  echo "tests: $passed passed, $failed failed"
}

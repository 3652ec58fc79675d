#!/usr/bin/env bash
# Every test of the project, in order (this is `npm test`):
#   build        npm run build (esbuild: dist/extension.js, dist/cli.js, …)
#   compile      tsc -p tsconfig.test.json (a type error fails the run)
#   unit         mocha unit tests of the core, in Node
#   grammar      scripts/test-grammar.sh, when test/grammar/ exists
#   vscode       the extension-host suite in a real VS Code 1.100 (desktop via test-electron where it can
#                be downloaded, else code-server 4.100.3 in headless Chromium; scripts/setup-vscode.sh)
#   ui           the UI tests: a person's clicks in the same workbench, screenshots in test-results/
# Each suite prints `NEWS-SUITE <name>: N passed, M failed`; this script reads those lines (never mocha's
# "passing" line) and ends with exactly one line `N passed, M failed` over all suites. It exits non-zero
# when a suite failed, crashed (no summary line, or a non-zero exit) or ran no test; such a suite counts
# as at least one failure in the total.
# Every suite has a time limit (a hung suite fails instead of eating CI's 90 minutes); override with
# NEWS_TIMEOUT_<SUITE>=seconds (UNIT, GRAMMAR, VSCODE, UI).
# Env: NEWS_SKIP=ui,vscode (skip suites, for quick local runs; never set in CI), NEWS_VERBOSE=1.
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
LOGDIR="$(mktemp -d "${TMPDIR:-/tmp}/news-test-all.XXXXXX")"
trap 'rm -rf "$LOGDIR"' EXIT
export npm_config_update_notifier=false npm_config_fund=false

TOTAL_PASSED=0
TOTAL_FAILED=0
STATUS=0
SUMMARY=()
T_ALL=$(date +%s)

# limited SECONDS COMMAND...: SIGTERM after SECONDS (launchers then end code-server and Chromium), SIGKILL 20 s later.
limited() {
  local secs=$1; shift
  timeout -k 20s "$secs" "$@"
  local code=$?
  [ "$code" -eq 124 ] && echo "[test-all] TIMED OUT after ${secs}s: $*" >&2
  return "$code"
}

skipped() { [[ ",${NEWS_SKIP:-}," == *",$1,"* ]]; }
banner() { printf '\n=== %s ===\n' "$*"; }

# record NAME PASSED FAILED EXIT_CODE SECONDS [NOTE]
record() {
  local name=$1 passed=$2 failed=$3 code=$4 secs=$5 note=${6:-}
  if [ "$code" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; note="${note:-exited with $code}"; fi
  if [ "$passed" -eq 0 ] && [ "$failed" -eq 0 ]; then failed=1; note="${note:-ran no test}"; fi
  [ "$failed" -gt 0 ] && STATUS=1
  TOTAL_PASSED=$((TOTAL_PASSED + passed))
  TOTAL_FAILED=$((TOTAL_FAILED + failed))
  SUMMARY+=("$(printf '%-22s %4d passed %4d failed %5ss%s' "$name" "$passed" "$failed" "$secs" "${note:+  ($note)}")")
}

# step NAME COMMAND...: a step that has no test counts (build, compile); a failure counts as one.
step() {
  local name=$1; shift
  banner "$name: $*"
  local t0=$(date +%s) code=0
  "$@" || code=$?
  local secs=$(( $(date +%s) - t0 ))
  if [ "$code" -ne 0 ]; then
    STATUS=1; TOTAL_FAILED=$((TOTAL_FAILED + 1))
    SUMMARY+=("$(printf '%-22s %4s        %4d failed %5ss  (exited with %d)' "$name" "" 1 "$secs" "$code")")
  else
    SUMMARY+=("$(printf '%-22s %-24s %5ss' "$name" "ok" "$secs")")
  fi
  return "$code"
}

# suite NAME LINE_KEY COMMAND...: runs a test suite, shows its output, reads `NEWS-SUITE <LINE_KEY>: …`.
suite() {
  local name=$1 key=$2; shift 2
  banner "$name: $*"
  local log="$LOGDIR/$name.log" t0=$(date +%s) code=0
  "$@" 2>&1 | tee "$log"
  code=${PIPESTATUS[0]}
  local secs=$(( $(date +%s) - t0 ))
  local line passed=0 failed=0 note=""
  line="$(grep -E "^NEWS-SUITE $key: [0-9]+ passed, [0-9]+ failed" "$log" | tail -1 || true)"
  if [ -n "$line" ]; then
    passed=$(sed -E 's/.*: ([0-9]+) passed, ([0-9]+) failed.*/\1/' <<<"$line")
    failed=$(sed -E 's/.*: ([0-9]+) passed, ([0-9]+) failed.*/\2/' <<<"$line")
  else
    note="crashed: no summary line"
    [ "$code" -eq 0 ] && code=1
  fi
  [ "$code" -eq 124 ] && note="timed out${note:+; $note}"
  # A suite may say which VS Code it ran in: `NEWS-SUITE <key>-vscode-version: 1.100.3 …`.
  local version
  version="$(grep -E "^NEWS-SUITE $key-vscode-version: " "$log" | tail -1 | sed -E 's/^[^:]*: //' || true)"
  [ -n "$version" ] && note="VS Code $version${note:+; $note}"
  record "$name" "$passed" "$failed" "$code" "$secs" "$note"
}

# extension-host suite: the launcher prints `NEWS-SUITE-RESULT {json}` from the file the suite wrote.
vscode_suite() {
  banner "vscode-extension-host: node out/test/launch/runVscodeTests.js"
  local log="$LOGDIR/vscode.log" t0=$(date +%s) code=0
  limited "${NEWS_TIMEOUT_VSCODE:-900}" node out/test/launch/runVscodeTests.js 2>&1 | tee "$log"
  code=${PIPESTATUS[0]}
  local secs=$(( $(date +%s) - t0 ))
  local json passed=0 failed=0 note=""
  json="$(grep -E '^NEWS-SUITE-RESULT ' "$log" | tail -1 | sed 's/^NEWS-SUITE-RESULT //' || true)"
  if [ -n "$json" ]; then
    passed=$(node -e 'const r=JSON.parse(process.argv[1]);process.stdout.write(String(r.passed|0))' "$json")
    failed=$(node -e 'const r=JSON.parse(process.argv[1]);process.stdout.write(String(r.failed|0))' "$json")
    note="VS Code $(node -e 'const r=JSON.parse(process.argv[1]);process.stdout.write(`${r.vscodeVersion} (${r.appName ?? "?"}, ${r.uiKind})`)' "$json")"
  else
    note="crashed: the suite reported no result"
    [ "$code" -eq 0 ] && code=1
  fi
  [ "$code" -eq 124 ] && note="timed out; $note"
  record "vscode-extension-host" "$passed" "$failed" "$code" "$secs" "$note"
}

# --- build and compile ---------------------------------------------------------------------------
step build limited 300 npm run --silent build
BUILD_OK=$?
step compile-tests limited 600 npx --no-install tsc -p tsconfig.test.json
# tsc still emits JavaScript on type errors, so the suites below run either way.

# --- unit ----------------------------------------------------------------------------------------
if ! skipped unit; then
  suite unit unit limited "${NEWS_TIMEOUT_UNIT:-900}" npx --no-install mocha --config .mocharc.unit.json \
    --reporter "$ROOT/out/test/launch/summaryReporter.js" --reporter-option suite=unit
fi

# --- grammar -------------------------------------------------------------------------------------
if [ -d test/grammar ] && ! skipped grammar; then
  if [ -f scripts/test-grammar.sh ]; then
    suite grammar grammar limited "${NEWS_TIMEOUT_GRAMMAR:-600}" bash scripts/test-grammar.sh
  else
    record grammar 0 1 1 0 "test/grammar exists but scripts/test-grammar.sh does not"
  fi
fi

# --- real VS Code --------------------------------------------------------------------------------
if ! skipped vscode || ! skipped ui; then
  SETUP_OK=0
  step setup-vscode limited 1800 bash scripts/setup-vscode.sh || SETUP_OK=$?
  if [ "$SETUP_OK" -ne 0 ] || [ "$BUILD_OK" -ne 0 ]; then
    why="setup-vscode failed"; [ "$BUILD_OK" -ne 0 ] && why="the build failed"
    skipped vscode || record vscode-extension-host 0 1 1 0 "not run: $why"
    skipped ui || record ui 0 1 1 0 "not run: $why"
  else
    skipped vscode || vscode_suite
    skipped ui || suite ui ui limited "${NEWS_TIMEOUT_UI:-1200}" node out/test/launch/runUiTests.js
  fi
fi

banner "summary ($(( $(date +%s) - T_ALL ))s)"
for line in "${SUMMARY[@]}"; do echo "$line"; done
[ -n "${NEWS_SKIP:-}" ] && echo "(skipped: $NEWS_SKIP)"
echo "$TOTAL_PASSED passed, $TOTAL_FAILED failed"
exit "$STATUS"

#!/usr/bin/env bash
# Grammar tests for the `news` language (syntaxes/news.tmLanguage.json, scope text.news).
#
# Runs vscode-tmgrammar-test (vscode-textmate + Oniguruma, the engine VS Code uses) on every
# test/grammar/*.news file. Each file starts with `# SYNTAX TEST "text.news" "<what it covers>"`; lines
# starting with `#` followed by `^` or `<-` assert the scopes of the line above them.
#
# Also checks that the grammar JSON is what test/grammar/build-grammar.mjs generates (the JSON is built
# from that readable source; edit it and run `node test/grammar/build-grammar.mjs`).
#
# Last line printed: `NEWS-SUITE grammar: N passed, M failed`, where N and M count TEST FILES
# (a file fails when any of its assertions fails, or it cannot be parsed); the grammar-sync check
# counts as one more test. Exit status is non-zero when anything failed or no test file was found.
set -uo pipefail
cd "$(dirname "$0")/.."

passed=0
failed=0

if node test/grammar/build-grammar.mjs --check; then
  passed=$((passed + 1))
else
  failed=$((failed + 1))
fi

shopt -s nullglob
files=(test/grammar/*.news)
if [ ${#files[@]} -eq 0 ]; then
  echo "no grammar test files found under test/grammar/" >&2
  echo "NEWS-SUITE grammar: ${passed} passed, $((failed + 1)) failed"
  exit 1
fi

runner=node_modules/.bin/vscode-tmgrammar-test
if [ ! -x "$runner" ]; then
  echo "vscode-tmgrammar-test is not installed (run npm ci)" >&2
  echo "NEWS-SUITE grammar: ${passed} passed, $((failed + ${#files[@]})) failed"
  exit 1
fi

# One run for all files (the Oniguruma WASM loads once); --config points at test/grammar/package.json,
# which declares the same language and grammar as the extension.
# A time limit, because a malformed assertion line (e.g. two "-" exclusion groups) sends the runner's own
# assertion parser into catastrophic backtracking instead of an error.
limit=()
if command -v timeout >/dev/null 2>&1; then limit=(timeout 300); fi
output=$(FORCE_COLOR=0 "${limit[@]}" "$runner" --config test/grammar/package.json "${files[@]}" 2>&1)
status=$?
printf '%s\n' "$output"

ok_files=$(printf '%s\n' "$output" | grep -c ' run successfuly\.$' || true)
bad_files=$((${#files[@]} - ok_files))
passed=$((passed + ok_files))
failed=$((failed + bad_files))

if [ "$status" -ne 0 ] && [ "$bad_files" -eq 0 ]; then
  # The runner failed without naming a file (crash, bad grammar): count it.
  failed=$((failed + 1))
fi

echo "NEWS-SUITE grammar: ${passed} passed, ${failed} failed"
[ "$failed" -eq 0 ]

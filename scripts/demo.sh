#!/usr/bin/env bash
# `npm run demo`: scans the built-in example folder (a fictional wire story and two reprints) and
# opens it in VS Code with the extension loaded: VS Code desktop's `code` where it is installed,
# else a local code-server whose address is printed for the browser.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
EXAMPLE="$ROOT/examples/flood-barrier"
cd "$ROOT"

[ -d node_modules ] || npm ci
npm run --silent build >/dev/null

echo "== news-annotator scan examples/flood-barrier"
node dist/cli.js scan "$EXAMPLE"
echo

if command -v code >/dev/null 2>&1 && [ -z "${NEWS_DEMO_CODE_SERVER:-}" ]; then
  echo "Opening the example in VS Code desktop with the extension loaded…"
  exec code --new-window --extensionDevelopmentPath="$ROOT" "$EXAMPLE"
fi

CODE_SERVER_DIR="$(bash scripts/setup-vscode.sh | tail -n 1)"
exec node scripts/demo-server.mjs "$CODE_SERVER_DIR" "$EXAMPLE"

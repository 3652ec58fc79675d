#!/usr/bin/env bash
# Sets up a real VS Code for the extension-host and UI tests on a machine that reaches only the npm
# registry and Debian's packages (see ../shared/notes/testing-in-real-vscode.md):
#   - Debian packages: chromium (headless browser for the web workbench), ripgrep (VS Code's search),
#     and the headers code-server's native modules build against;
#   - code-server 4.100.3 (= VS Code 1.100.3, runs on Node 20) under .vscode-test/code-server-<version>,
#     installed without its network-hungry install scripts.
# Idempotent and cached: a second run checks a stamp file and returns in about a second.
# Prints the path of the code-server directory as its last line on stdout (logs go to stderr).
set -euo pipefail

CODE_SERVER_VERSION="${CODE_SERVER_VERSION:-4.100.3}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="$ROOT/.vscode-test"
DIR="$CACHE/code-server-$CODE_SERVER_VERSION"
STAMP="$DIR/.news-annotator-setup-ok"

log() { echo "[setup-vscode] $*" >&2; }
elapsed() { echo "$(( $(date +%s) - START ))s"; }
START=$(date +%s)

# One setup at a time (two test runs started together must not install over each other).
mkdir -p "$CACHE"
if command -v flock >/dev/null 2>&1; then
  exec 9>"$CACHE/.setup.lock"
  flock 9
fi

# --- 1. Debian packages, only when missing -------------------------------------------------------
need_pkgs=()
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || need_pkgs+=(chromium)
command -v rg >/dev/null 2>&1 || need_pkgs+=(ripgrep)
for p in libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev pkg-config; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || need_pkgs+=("$p")
done
if [ "${#need_pkgs[@]}" -gt 0 ] && ! command -v apt-get >/dev/null 2>&1; then
  log "not a Debian system: make sure these (or their equivalents) are installed: ${need_pkgs[*]}"
  command -v rg >/dev/null 2>&1 || { log "ripgrep (rg) is required"; exit 1; }
  need_pkgs=()
fi
if [ "${#need_pkgs[@]}" -gt 0 ]; then
  log "installing Debian packages: ${need_pkgs[*]}"
  SUDO=""
  if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null 2>&1; then SUDO="sudo -n"; else
      log "not root and no sudo: install these packages by hand: ${need_pkgs[*]}"; exit 1; fi
  fi
  export DEBIAN_FRONTEND=noninteractive
  APT_LOG="$CACHE/apt.log"
  if ! { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq --no-install-recommends "${need_pkgs[@]}"; } >"$APT_LOG" 2>&1 </dev/null; then
    tail -n 40 "$APT_LOG" >&2
    log "apt-get failed (full log: $APT_LOG)"
    exit 1
  fi
  log "Debian packages installed ($(elapsed))"
fi

# --- 2. code-server, cached ----------------------------------------------------------------------
if [ -f "$STAMP" ] && [ -f "$DIR/out/node/entry.js" ]; then
  log "code-server $CODE_SERVER_VERSION already set up in $DIR"
  echo "$DIR"
  exit 0
fi

log "installing code-server $CODE_SERVER_VERSION into $DIR (a few minutes on a fresh machine)"
export npm_config_yes=true            # npx inside node-pty's install script must not prompt
export npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false
export npm_config_loglevel=error
mkdir -p "$CACHE"
TMP="$(mktemp -d "$CACHE/tmp.XXXXXX")"
trap 'rm -rf "$TMP"' EXIT
(cd "$TMP" && npm pack --silent "code-server@$CODE_SERVER_VERSION" >/dev/null && tar xzf "code-server-$CODE_SERVER_VERSION.tgz")
rm -rf "$DIR"
mv "$TMP/package" "$DIR"
log "unpacked ($(elapsed))"

RG="$(command -v rg)"
(
  cd "$DIR/lib/vscode"
  npm install --omit=dev --ignore-scripts --no-save >&2
  mkdir -p node_modules/@vscode/ripgrep/bin
  ln -sf "$RG" node_modules/@vscode/ripgrep/bin/rg
  npm rebuild >&2                      # native modules; ripgrep's script sees bin/ and skips
  ln -sfn node_modules node_modules.asar
  log "lib/vscode installed ($(elapsed))"
  cd extensions
  npm install --omit=dev --no-save >&2
  log "built-in extensions installed ($(elapsed))"
)
(
  cd "$DIR"
  npm install --omit=dev --ignore-scripts --no-save >&2
  npm rebuild argon2 >&2
)
VERSION_OUT="$(cd "$DIR" && node out/node/entry.js --version 2>&1 || true)"
log "code-server --version: $(echo "$VERSION_OUT" | head -1)"
if ! echo "$VERSION_OUT" | grep -q "$CODE_SERVER_VERSION"; then
  log "code-server does not start: $VERSION_OUT"
  exit 1
fi
echo "$VERSION_OUT" > "$STAMP"
log "code-server ready ($(elapsed))"
echo "$DIR"

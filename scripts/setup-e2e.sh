#!/usr/bin/env bash
# Installs what the end-to-end tests need: Debian's Chromium, ripgrep and libkrb5-dev, and code-server
# (a real VS Code served to a browser) in a folder outside the repository's node_modules.
# Idempotent: a second run only checks that everything is in place and finishes in about a second.
# See ../shared notes: code-server 4.100.3 is the last release that runs on Node 20.
set -euo pipefail
cd "$(dirname "$0")/.."

CODE_SERVER_VERSION=4.100.3
E2E_DIR="${PAPERLIST_E2E_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/paperlist-e2e}"
CODE_SERVER="$E2E_DIR/node_modules/.bin/code-server"

sudo_if_needed() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

# 1. Debian packages: the browser, rg (seeds @vscode/ripgrep) and the Kerberos headers one native module needs.
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v rg >/dev/null 2>&1 || missing+=(ripgrep)
dpkg -s libkrb5-dev >/dev/null 2>&1 || missing+=(libkrb5-dev)
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup-e2e: installing ${missing[*]} with apt-get"
  sudo_if_needed apt-get update -qq
  sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# 2. playwright-core comes from the project's devDependencies (npm ci); it must never download a browser.
if [ ! -f node_modules/playwright-core/package.json ]; then
  echo "setup-e2e: node_modules/playwright-core is missing; run npm ci first" >&2
  exit 1
fi

# 3. code-server, unless the right version is already there.
installed=""
if [ -f "$E2E_DIR/node_modules/code-server/package.json" ]; then
  installed=$(node -p "require('$E2E_DIR/node_modules/code-server/package.json').version")
fi
if [ "$installed" != "$CODE_SERVER_VERSION" ] || [ ! -x "$CODE_SERVER" ]; then
  echo "setup-e2e: installing code-server@$CODE_SERVER_VERSION into $E2E_DIR"
  mkdir -p "$E2E_DIR"
  # @vscode/ripgrep downloads rg from GitHub in its postinstall; seed its cache with Debian's rg instead.
  tmp_dir=$(node -p 'require("node:os").tmpdir()')
  for ripgrep_version in 1.15.11 1.15.13 1.15.14; do
    cache="$tmp_dir/vscode-ripgrep-cache-$ripgrep_version"
    mkdir -p "$cache"
    for target in ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz ripgrep-v13.0.0-13-x86_64-unknown-linux-musl.tar.gz; do
      [ -f "$cache/$target" ] || tar czf "$cache/$target" -C "$(dirname "$(command -v rg)")" rg
    done
  done
  [ -f "$E2E_DIR/package.json" ] || echo '{ "name": "paperlist-e2e", "private": true }' >"$E2E_DIR/package.json"
  # As root, code-server's postinstall needs unsafe-perm, and node-pty's `npx node-gyp` needs yes.
  (cd "$E2E_DIR" && npm_config_unsafe_perm=true npm_config_yes=true \
    npm install --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION")
fi

# Versions come from the package files: `code-server --version` would write a config into the home directory.
echo "setup-e2e: code-server $(node -p "require('$E2E_DIR/node_modules/code-server/package.json').version"), chromium $(dpkg-query -W -f='${Version}' chromium)"
echo "setup-e2e: ready ($E2E_DIR)"

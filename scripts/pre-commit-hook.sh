#!/usr/bin/env bash
# The pre-commit hook (.pre-commit-hooks.yaml, language: script): go-mod-lens check in the repository
# being committed to. pre-commit runs this file from its own clone of go-mod-lens; the first run
# there builds the command (npm ci without install scripts, then the bundles: about half a minute),
# later runs start at once.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ ! -f "$here/dist/cli.js" ]; then
  echo "go-mod-lens: building the command (first run only)…" >&2
  (cd "$here" && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error >&2 && node scripts/bundle.mjs >&2)
fi
exec node "$here/bin/go-mod-lens.js" check "$@"

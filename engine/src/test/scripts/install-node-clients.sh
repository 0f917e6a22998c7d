#!/usr/bin/env bash
# Installs the AWS SDK for JavaScript v3 packages of src/test/node (pinned by its package-lock.json)
# from the npm registry into DIR, beside the scripts that use them; Node.js from Debian if missing.
# Usage: install-node-clients.sh DIR
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
target=$1
bash "$here/install-debian-package.sh" nodejs /usr/bin/node
command -v npm >/dev/null 2>&1 || bash "$here/install-debian-package.sh" npm /usr/bin/npm
mkdir -p "$target"
cp "$here/../node/package.json" "$here/../node/package-lock.json" "$here/../node/"*.mjs "$target/"
if [ ! -d "$target/node_modules" ]; then
  npm ci --prefix "$target" --no-audit --no-fund --loglevel=error
  echo "install-node-clients: AWS SDK for JavaScript v3 in $target"
fi

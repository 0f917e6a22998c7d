#!/usr/bin/env bash
# Installs a Debian package for tests or benchmarks, unless a file it installs is there already.
# Usage: install-debian-package.sh PACKAGE FILE (for example: awscli /usr/bin/aws)
set -euo pipefail
package=$1
installed=$2
if [ -e "$installed" ]; then
  exit 0
fi
if [ "$(id -u)" -eq 0 ]; then
  run=()
elif command -v sudo >/dev/null 2>&1; then
  run=(sudo -n)
else
  echo "install-debian-package: $installed is missing and neither root nor sudo is available to install Debian's $package" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${run[@]}" apt-get install -y -q "$package" >/dev/null 2>&1 || {
  "${run[@]}" apt-get update -q >/dev/null
  "${run[@]}" apt-get install -y -q "$package" >/dev/null
}
echo "install-debian-package: $installed from Debian's $package"

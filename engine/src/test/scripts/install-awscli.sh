#!/usr/bin/env bash
# Installs the AWS CLI v2 from Debian's packages for the CLI conformance test, unless it is there.
set -euo pipefail
if [ -x /usr/bin/aws ]; then
  exit 0
fi
if [ "$(id -u)" -eq 0 ]; then
  run=()
elif command -v sudo >/dev/null 2>&1; then
  run=(sudo -n)
else
  echo "install-awscli: /usr/bin/aws is missing and neither root nor sudo is available to install Debian's awscli" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${run[@]}" apt-get install -y -q awscli >/dev/null 2>&1 || {
  "${run[@]}" apt-get update -q >/dev/null
  "${run[@]}" apt-get install -y -q awscli >/dev/null
}
/usr/bin/aws --version

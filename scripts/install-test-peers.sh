#!/usr/bin/env bash
# Installs the programs the networking tests use as the other end of a connection: socat and
# netcat (OpenBSD) from Debian's packages, and Debian's python3 (its asyncio is a peer too).
# Idempotent: installs only what is missing; does nothing when everything is present.
set -euo pipefail
missing=()
command -v socat >/dev/null 2>&1 || missing+=(socat)
command -v nc >/dev/null 2>&1 || missing+=(netcat-openbsd)
[ -x /usr/bin/python3 ] || missing+=(python3)
if [ ${#missing[@]} -eq 0 ]; then
    echo "test peers present: socat, nc, /usr/bin/python3"
    exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
fi
echo "installing test peers: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"

#!/usr/bin/env bash
# Installs, from Debian's packages, the real peers that tests and benchmarks talk to:
# Python's asyncio/aiohttp/uvloop, wrk, curl, socat, netcat, openssl, nginx (NginxTest),
# tinyproxy (TinyproxyTest), and headless Chromium (the chat example's browser test).
# Idempotent; needs root (or sudo) for apt-get. Tests that need a peer that is still missing
# say so and skip.
set -uo pipefail
pkgs=(python3 python3-aiohttp python3-uvloop wrk curl socat netcat-openbsd openssl nginx-light tinyproxy chromium)
missing=()
for p in "${pkgs[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
SUDO=""
[ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null && SUDO="sudo -n"
echo "installing test peers: ${missing[*]}" >&2
$SUDO apt-get update -qq >/dev/null 2>&1 || true
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null

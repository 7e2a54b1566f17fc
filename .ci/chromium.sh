#!/usr/bin/env bash
# Debian's chromium, chromium-driver and a CJK font for PhoneBrowserTest (the chat page and the digest at phone size).
# Without them the test skips itself, so ./mvnw verify still passes on a bare machine.
# Needs root (or sudo) for apt-get.
set -euo pipefail

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else echo "chromium.sh: needs root for: $*" >&2; exit 1; fi
}

if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] && fc-list :lang=zh 2>/dev/null | grep -q .; then exit 0; fi
echo "chromium.sh: installing Debian's chromium, chromium-driver and fonts-wqy-zenhei"
as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium chromium-driver fonts-wqy-zenhei >/dev/null

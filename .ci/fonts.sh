#!/usr/bin/env bash
# Debian's fonts-wqy-zenhei, the Chinese font the PDF archives embed (PdfArchivesTest; the bot reads it from
# /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc unless mentorbot.pdf.font says otherwise). fonts-noto-cjk does not do:
# PDFBox cannot embed its CFF outlines. Without the font the PDF tests skip themselves. Needs root (or sudo) for apt-get.
set -euo pipefail

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else echo "fonts.sh: needs root for: $*" >&2; exit 1; fi
}

if [ -f /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc ]; then exit 0; fi
echo "fonts.sh: installing Debian's fonts-wqy-zenhei"
as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends fonts-wqy-zenhei >/dev/null

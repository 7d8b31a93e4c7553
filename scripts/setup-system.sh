#!/usr/bin/env bash
# Installs the Debian packages Gongkai and its tests need, when run as root on Debian/Ubuntu.
#   app:   the X11/xcb libraries Qt's xcb platform plugin loads (without them no window opens),
#          fontconfig and its fc-list (printing finds the PC's 公文 faces with it), EGL/GL.
#   tests: poppler-utils (pdftotext/pdftoppm/pdffonts), PostgreSQL (server tests),
#          Chromium (public-page tests).
# Elsewhere (not root, or no apt-get) it says what to install and carries on.
set -euo pipefail
what=${1:-app}
app_pkgs=(libxcb-cursor0 libxkbcommon-x11-0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0
          libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libxcb-randr0 libxcb-xinerama0 libegl1 libgl1
          libfontconfig1 fontconfig libdbus-1-3 libglib2.0-0)
test_pkgs=(poppler-utils postgresql chromium)
pkgs=("${app_pkgs[@]}")
[ "$what" = test ] && pkgs+=("${test_pkgs[@]}")

missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  # Wait for another apt/dpkg run (e.g. a parallel test run or an unattended upgrade) instead of failing.
  apt-get -o DPkg::Lock::Timeout=600 update -qq
  apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "note: please install these packages: ${missing[*]}" >&2
fi

#!/bin/sh
# Installs the headless browser that the handbook's end-to-end test drives (HandbookBrowserIT):
# Debian's chromium and its matching chromedriver. Called by `make test` when either is missing.
set -eu
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "install-browser: run as root, or install the Debian packages chromium and chromium-driver" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium chromium-driver >/dev/null
/usr/bin/chromium --version

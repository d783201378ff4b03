#!/bin/sh
# Regenerate the build system: gettext infrastructure, then autotools.
set -e
cd "$(dirname "$0")"
autopoint --force
autoreconf --force --install --warnings=all

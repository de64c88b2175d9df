#!/usr/bin/env bash
# Runs a11y_tree.py against IBC_DESK on a demo cache of its own, with the three things the desk's
# AT-SPI bridge needs, as it has them on a desktop: a session bus of its own, the accessibility bus
# on it, and a virtual X display.
#
#   tests/a11y/run.sh IBC_DESK
set -euo pipefail
desk="$1"
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$desk" --cache "$work/cache.sqlite" --generate-demo 3000 --seed 1 >/dev/null 2>&1

dbus-run-session -- bash -c '
  /usr/libexec/at-spi-bus-launcher --launch-immediately &
  launcher=$!
  trap "kill $launcher 2>/dev/null" EXIT
  xvfb-run -a -s "-screen 0 1600x1000x24" /usr/bin/python3 "$1" "$2" "$3"
' a11y "$here/a11y_tree.py" "$desk" "$work/cache.sqlite" 2> >(grep -v "Failed to set fd limit" >&2)

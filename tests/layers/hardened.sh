#!/usr/bin/env bash
# Is PROGRAM built hardened? Position independent, full RELRO (read-only relocations, bound now),
# a stack protector and _FORTIFY_SOURCE's checked functions in use. Names what is missing.
#
#   tests/layers/hardened.sh PROGRAM
set -u # not pipefail: grep -q stops reading early, and readelf would then fail on SIGPIPE
f="$1"
missing=()
readelf -h "$f" | grep -q 'Type:.*DYN' || missing+=("position independent (PIE)")
readelf -l "$f" | grep -q GNU_RELRO || missing+=("RELRO")
readelf -d "$f" | grep -Eq 'BIND_NOW|FLAGS_1.*NOW' || missing+=("BIND_NOW (full RELRO)")
readelf -s "$f" | grep -q __stack_chk_fail || missing+=("stack protector")
readelf -s "$f" | grep -q '_chk@' || missing+=("_FORTIFY_SOURCE's checked functions")
if ((${#missing[@]})); then
  echo "$f is not hardened: no ${missing[*]}" >&2
  exit 1
fi
echo "$f: PIE, full RELRO, stack protector, _FORTIFY_SOURCE"

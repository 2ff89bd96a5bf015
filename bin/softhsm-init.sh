#!/usr/bin/env bash
# Creates a SoftHSM2 development token: bin/softhsm-init.sh DIR LABEL
#
# DIR gets a softhsm2.conf whose token directory is DIR/tokens (created if missing; existing tokens are kept), and a
# new token labelled LABEL is initialised there. The user PIN is read from $WARDEN_PKCS11_PIN (required); the
# security officer's PIN from $WARDEN_PKCS11_SO_PIN, or a random one that is not shown (a development token rarely
# needs it). softhsm2-util takes PINs as arguments, so they are visible to other local users while it runs: use
# this for development tokens only.
#
# SoftHSM2 reads the configuration named by SOFTHSM2_CONF when a process first initialises the library, so every
# process that uses the token (warden, your JVM) needs: export SOFTHSM2_CONF=DIR/softhsm2.conf
set -euo pipefail
usage() { echo "usage: WARDEN_PKCS11_PIN=... $0 DIR LABEL" >&2; exit 2; }
[ $# -eq 2 ] || usage
dir="$1" label="$2"
[ -n "${WARDEN_PKCS11_PIN:-}" ] || { echo "softhsm-init: set WARDEN_PKCS11_PIN to the user PIN (4 to 255 characters)" >&2; exit 2; }
[ ${#WARDEN_PKCS11_PIN} -ge 4 ] || { echo "softhsm-init: the PIN needs at least 4 characters" >&2; exit 2; }
if [ -z "$label" ] || [ ${#label} -gt 32 ] || ! printf '%s' "$label" | LC_ALL=C grep -Eq '^[!-~]([ -~]*[!-~])?$'; then
  echo "softhsm-init: LABEL is 1 to 32 printable ASCII characters without leading or trailing spaces" >&2; exit 2
fi
root="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
. "$root/bin/softhsm.sh"
warden_find_softhsm || exit 3

mkdir -p "$dir/tokens"
dir="$(cd "$dir" && pwd)"
conf="$dir/softhsm2.conf"
want="# written by warden bin/softhsm-init.sh
directories.tokendir = $dir/tokens
objectstore.backend = file
log.level = ERROR"
if [ -e "$conf" ] && [ "$(cat "$conf")" != "$want" ]; then
  echo "softhsm-init: $conf exists with other settings; leaving it alone (use another DIR)" >&2; exit 2
fi
printf '%s\n' "$want" > "$conf"
export SOFTHSM2_CONF="$conf"

if "$WARDEN_SOFTHSM_UTIL" --show-slots 2>/dev/null | grep -Eq "^ *Label: +$(printf '%s' "$label" | sed 's/[][\.*^$+?(){}|/]/\\&/g') *$"; then
  echo "softhsm-init: a token labelled \"$label\" already exists in $dir/tokens" >&2; exit 2
fi
so_pin="${WARDEN_PKCS11_SO_PIN:-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')}"
"$WARDEN_SOFTHSM_UTIL" --init-token --free --label "$label" --so-pin "$so_pin" --pin "$WARDEN_PKCS11_PIN" >&2
echo "softhsm-init: token \"$label\" is ready; use it with:" >&2
echo "export SOFTHSM2_CONF=$conf"
echo "# PKCS#11 library: $WARDEN_SOFTHSM_LIB"

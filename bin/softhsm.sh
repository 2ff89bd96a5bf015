# Sourced by ./run-tests (like bin/env.sh): finds SoftHSM2, the software PKCS#11 token the HSM tests run against,
# and installs Debian's softhsm2 package when it is missing and we may (root with apt-get).
# Exports WARDEN_SOFTHSM_LIB (the PKCS#11 library) and WARDEN_SOFTHSM_UTIL (softhsm2-util, which initialises tokens).

warden_softhsm_candidates() { # prints the places distributions put libsofthsm2.so, most likely first
  local multiarch=""
  command -v dpkg-architecture >/dev/null 2>&1 && multiarch="$(dpkg-architecture -qDEB_HOST_MULTIARCH 2>/dev/null)"
  [ -z "$multiarch" ] && command -v gcc >/dev/null 2>&1 && multiarch="$(gcc -print-multiarch 2>/dev/null)"
  echo /usr/lib/softhsm/libsofthsm2.so                              # Debian, Ubuntu
  [ -n "$multiarch" ] && echo "/usr/lib/$multiarch/softhsm/libsofthsm2.so"
  local f
  for f in /usr/lib/*/softhsm/libsofthsm2.so; do [ -e "$f" ] && echo "$f"; done
  echo /usr/lib64/pkcs11/libsofthsm2.so                             # Fedora, RHEL
  echo /usr/lib64/softhsm/libsofthsm2.so
  echo /usr/lib/pkcs11/libsofthsm2.so                               # Arch
  echo /usr/local/lib/softhsm/libsofthsm2.so                        # built from source, Homebrew (Intel)
  echo /opt/homebrew/lib/softhsm/libsofthsm2.so                     # Homebrew (Apple silicon)
}

warden_softhsm_lookup() { # sets WARDEN_SOFTHSM_LIB and WARDEN_SOFTHSM_UTIL if both are present
  local f
  if [ -n "${WARDEN_SOFTHSM_LIB:-}" ] && [ ! -f "$WARDEN_SOFTHSM_LIB" ]; then
    echo "warden: WARDEN_SOFTHSM_LIB=$WARDEN_SOFTHSM_LIB does not exist; looking elsewhere" >&2
    unset WARDEN_SOFTHSM_LIB
  fi
  if [ -z "${WARDEN_SOFTHSM_LIB:-}" ]; then
    while read -r f; do
      if [ -f "$f" ]; then WARDEN_SOFTHSM_LIB="$f"; break; fi
    done < <(warden_softhsm_candidates)
  fi
  [ -z "${WARDEN_SOFTHSM_UTIL:-}" ] && WARDEN_SOFTHSM_UTIL="$(command -v softhsm2-util 2>/dev/null || true)"
  [ -n "${WARDEN_SOFTHSM_LIB:-}" ] && [ -n "${WARDEN_SOFTHSM_UTIL:-}" ]
}

# Finds SoftHSM2, installing it (Debian's softhsm2 package, quietly, output to stderr) when it is missing and this
# runs as root with apt-get (not when WARDEN_SOFTHSM_NO_INSTALL=1). Returns 1, with a message, when it is still missing.
warden_find_softhsm() {
  if ! warden_softhsm_lookup; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 && [ "${WARDEN_SOFTHSM_NO_INSTALL:-}" != 1 ]; then
      echo "warden: SoftHSM2 not found; installing Debian's softhsm2 package" >&2
      if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -qq softhsm2 >&2; then
        apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq softhsm2 >&2
      fi
    fi
    if ! warden_softhsm_lookup; then
      echo "warden: SoftHSM2 (libsofthsm2.so and softhsm2-util) not found; install it, e.g. apt-get install softhsm2," \
        "or set WARDEN_SOFTHSM_LIB and WARDEN_SOFTHSM_UTIL" >&2
      return 1
    fi
  fi
  export WARDEN_SOFTHSM_LIB WARDEN_SOFTHSM_UTIL
}

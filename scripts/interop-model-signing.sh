#!/usr/bin/env bash
# Interoperability of Warden's OMS signatures with the reference tool, model_signing (sigstore/model-transparency),
# in both directions:
#   1. bundles Warden signs (ECDSA P-256/P-384/P-521 keys, a certificate chain, a single file) verify in model_signing;
#   2. bundles model_signing signs (key, certificate, ignore paths) verify in Warden;
#   plus negative controls (a changed file must fail on both sides) and Ed25519 (Warden-only: model_signing refuses it).
#
# usage: scripts/interop-model-signing.sh MODEL_TRANSPARENCY
#   MODEL_TRANSPARENCY: a checkout of github.com/sigstore/model-transparency, or its git directory.
# How the reference is run (its own source, Debian's libraries, stand-ins for four modules): scripts/model-signing-env.sh
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
src="${1:?usage: $0 MODEL_TRANSPARENCY (checkout or git directory of sigstore/model-transparency)}"
warden="$root/warden"
pki="$root/warden-crypto/src/test/resources/oms/model-transparency/keys"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

. "$root/scripts/model-signing-env.sh"

# --- checks ------------------------------------------------------------------------------------------------------
pass=0; fail=0
check() { # check NAME EXPECTED_EXIT [--says TEXT] CMD... : runs CMD, compares its exit code (and output)
  local name="$1" want="$2" says=""; shift 2
  if [ "$1" = --says ]; then says="$2"; shift 2; fi
  local got=0
  "$@" >"$work/last.log" 2>&1 || got=$?
  if [ "$got" = "$want" ] && { [ -z "$says" ] || grep -qF -- "$says" "$work/last.log"; }; then
    pass=$((pass + 1)); echo "ok    $name (exit $got)"
  else
    fail=$((fail + 1)); echo "FAIL  $name (exit $got, wanted $want)"; sed 's/^/      /' "$work/last.log"
  fi
}

echo "model_signing: $(sed -n 's/^__version__ = "\(.*\)"/\1/p' "$work/py/model_signing/__init__.py") at $rev; $("$py" --version)"
"$warden" --version >/dev/null # build once before timing-free checks

model="$work/model"
mkdir -p "$model/a/b" "$model/a-c" "$model/x/y" "$model/.hidden"
printf 'weights' > "$model/a/b/w.bin"; printf 'cfg' > "$model/a-c"/cfg.json; printf 'z' > "$model/x/y/z.bin"
printf 'h' > "$model/.hidden/h"; : > "$model/empty"; printf 'u' > "$model/ü.txt"; printf 's' > "$model/with space.txt"
head -c 3000000 /dev/urandom > "$model/x/big.bin"

# 1. Warden signs, model_signing verifies
for curve in P-256 P-384 P-521; do
  openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:$curve -out "$work/$curve.pem" 2>/dev/null
  openssl pkey -in "$work/$curve.pem" -pubout -out "$work/$curve.pub" 2>/dev/null
  check "warden sign ($curve key)" 0 "$warden" sign "$model" --key "$work/$curve.pem" --sig "$work/w-$curve.sig" -q
  check "model_signing verify key <- warden ($curve)" 0 --says "Verification succeeded" ms verify key --signature "$work/w-$curve.sig" \
    --public_key "$work/$curve.pub" "$model"
done
check "warden sign (certificate chain, reference test PKI)" 0 "$warden" sign "$model" --key "$pki/signing-key.pem" \
  --cert "$pki/signing-key-cert.pem" --cert-chain "$pki/int-ca-cert.pem" --sig "$work/w-cert.sig" -q
check "model_signing verify certificate <- warden" 0 --says "Verification succeeded" ms verify certificate --signature "$work/w-cert.sig" \
  --certificate_chain "$pki/ca-cert.pem" "$model"
check "warden sign (single file)" 0 "$warden" sign "$model/x/big.bin" --key "$work/P-256.pem" --sig "$work/w-file.sig" -q
check "model_signing verify key <- warden (single file)" 0 --says "Verification succeeded" ms verify key --signature "$work/w-file.sig" \
  --public_key "$work/P-256.pub" "$model/x/big.bin"
openssl genpkey -algorithm ED25519 -out "$work/ed.pem" 2>/dev/null
openssl pkey -in "$work/ed.pem" -pubout -out "$work/ed.pub" 2>/dev/null
check "warden sign (Ed25519)" 0 "$warden" sign "$model" --key "$work/ed.pem" --sig "$work/w-ed.sig" -q
check "model_signing refuses Ed25519 (ECDSA only; expected)" 1 --says "Only elliptic curve keys are supported" ms verify key --signature "$work/w-ed.sig" \
  --public_key "$work/ed.pub" "$model"

# 2. model_signing signs, Warden verifies
check "model_signing sign key" 0 --says "Signing succeeded" ms sign key --signature "$work/r-key.sig" --private_key "$work/P-384.pem" "$model"
check "warden verify <- model_signing (key)" 0 "$warden" verify "$model" --sig "$work/r-key.sig" --key "$work/P-384.pub"
check "model_signing sign certificate" 0 --says "Signing succeeded" ms sign certificate --signature "$work/r-cert.sig" \
  --private_key "$pki/signing-key.pem" --signing_certificate "$pki/signing-key-cert.pem" \
  --certificate_chain "$pki/int-ca-cert.pem" "$model"
check "warden verify <- model_signing (certificate)" 0 "$warden" verify "$model" --sig "$work/r-cert.sig" \
  --cert-chain "$pki/ca-cert.pem"
check "model_signing sign key (inside the model, --ignore-paths)" 0 --says "Signing succeeded" ms sign key --signature "$model/model.sig" \
  --private_key "$work/P-256.pem" --ignore-paths "$model/.hidden" "$model"
check "warden verify <- model_signing (signed ignore_paths)" 0 "$warden" verify "$model" --key "$work/P-256.pub"
rm -f "$model/model.sig"

# 3. negative controls: a changed file fails on both sides
printf 'tampered' >> "$model/a/b/w.bin"
check "model_signing verify rejects a changed file (warden bundle)" 1 --says "Hash mismatch for 'a/b/w.bin'" ms verify key --signature "$work/w-P-256.sig" \
  --public_key "$work/P-256.pub" "$model"
check "warden verify rejects a changed file (model_signing bundle)" 1 --says "changed  a/b/w.bin" "$warden" verify "$model" \
  --sig "$work/r-key.sig" --key "$work/P-384.pub"

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]

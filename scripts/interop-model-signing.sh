#!/usr/bin/env bash
# Interoperability of Warden's OMS signatures with the reference tool, model_signing (sigstore/model-transparency),
# in both directions:
#   1. bundles Warden signs (ECDSA P-256/P-384/P-521 keys, a certificate chain, a single file) verify in model_signing;
#   2. bundles model_signing signs (key, certificate) verify in Warden;
#   plus negative controls (a changed file must fail on both sides) and Ed25519 (Warden-only: model_signing refuses it).
#
# usage: scripts/interop-model-signing.sh MODEL_TRANSPARENCY
#   MODEL_TRANSPARENCY: a checkout of github.com/sigstore/model-transparency, or its git directory.
#
# The reference's own Python source runs unmodified, as `python3 -m model_signing ...`, on Debian's python3 with
# Debian's python3-cryptography, -openssl, -click, -typing-extensions, -certifi and -protobuf. Four of its
# dependencies are not packaged by Debian and PyPI is out of reach here, so this script writes small stand-ins for
# them (never the reference's code):
#   - sigstore_models: the bundle/envelope data classes — a JSON <-> attribute mapping that base64-decodes the
#     protobuf `bytes` fields (rawBytes, payload, sig) as the real pydantic models do;
#   - in_toto_attestation: the Statement holder, rendered as indented JSON in place of protobuf's MessageToJson;
#   - blake3, sigstore (sigstore-python): import-only stubs; BLAKE3 hashing and keyless Sigstore signing are unused.
# Debian 12's cryptography is 38.0, older than model_signing expects: small compat shims add what later versions
# have (types.PublicKeyTypes, x509.load_pem_x509_certificates, Certificate.not_valid_before_utc, public-key equality).
# All signature checks (PAE, ECDSA, certificate chain with pyOpenSSL, manifest comparison) are the reference's.
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
src="${1:?usage: $0 MODEL_TRANSPARENCY (checkout or git directory of sigstore/model-transparency)}"
warden="$root/warden"
pki="$root/warden-crypto/src/test/resources/oms/model-transparency/keys"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# --- the reference source, unmodified --------------------------------------------------------------------------
mkdir -p "$work/py"
if [ -d "$src/src/model_signing" ]; then
  cp -r "$src/src/model_signing" "$work/py/"
  rev="$(git -C "$src" rev-parse HEAD 2>/dev/null || echo unknown)"
else
  git --git-dir="$src" archive HEAD src/model_signing | tar -x -C "$work/py" --strip-components=1
  rev="$(git --git-dir="$src" rev-parse HEAD)"
fi
py=/usr/bin/python3
need=()
for m in cryptography:python3-cryptography OpenSSL:python3-openssl click:python3-click \
         typing_extensions:python3-typing-extensions certifi:python3-certifi google.protobuf:python3-protobuf; do
  "$py" -c "import ${m%%:*}" 2>/dev/null || need+=("${m##*:}")
done
if [ "${#need[@]}" -gt 0 ]; then
  echo "installing ${need[*]} (Debian)" >&2
  apt-get update -qq >&2 && apt-get install -y -qq "${need[@]}" >&2
fi

# --- stand-ins for the four dependencies Debian does not package -------------------------------------------------
s="$work/py"
mkdir -p "$s/sigstore_models/bundle" "$s/sigstore_models/common" "$s/in_toto_attestation/v1" "$s/sigstore"
cat > "$s/sigstore_models/_message.py" <<'PY'
"""Stand-in for sigstore-models: protobuf-JSON data classes with base64 `bytes` fields (decoded when built)."""
import base64, json, re

_BYTES = {"raw_bytes", "payload", "sig"}

def _snake(k):
    return re.sub(r"([A-Z])", lambda m: "_" + m.group(1).lower(), k)

def _camel(k):
    head, *rest = k.split("_")
    return head + "".join(p[:1].upper() + p[1:] for p in rest)

class Message:
    def __init__(self, **fields):
        for k, v in fields.items():
            if k in _BYTES and isinstance(v, (bytes, str)):
                v = base64.b64decode(v, validate=True)
            setattr(self, k, v)

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        return None

    @classmethod
    def from_dict(cls, d):
        return _build(d)

    def to_dict(self):
        return {_camel(k): _plain(k, v) for k, v in vars(self).items() if v is not None}

    def to_json(self):
        return json.dumps(self.to_dict(), separators=(",", ":"))

def _build(v):
    if isinstance(v, dict):
        return Message(**{_snake(k): _build(x) for k, x in v.items()})
    if isinstance(v, list):
        return [_build(x) for x in v]
    return v

def _plain(k, v):
    if isinstance(v, Message):
        return v.to_dict()
    if isinstance(v, list):
        return [_plain(k, x) for x in v]
    if k in _BYTES and isinstance(v, bytes):
        return base64.b64encode(v).decode()
    return v
PY
touch "$s/sigstore_models/__init__.py" "$s/sigstore_models/bundle/__init__.py" "$s/sigstore_models/common/__init__.py" \
      "$s/in_toto_attestation/__init__.py"
cat > "$s/sigstore_models/bundle/v1.py" <<'PY'
from sigstore_models._message import Message
class Bundle(Message): pass
class VerificationMaterial(Message): pass
PY
cat > "$s/sigstore_models/common/v1.py" <<'PY'
from sigstore_models._message import Message
class PublicKeyIdentifier(Message): pass
class X509Certificate(Message): pass
class X509CertificateChain(Message): pass
PY
cat > "$s/sigstore_models/intoto.py" <<'PY'
from sigstore_models._message import Message
class Signature(Message): pass
class Envelope(Message): pass
PY
cat > "$s/in_toto_attestation/v1/__init__.py" <<'PY'
PY
cat > "$s/in_toto_attestation/v1/statement.py" <<'PY'
"""Stand-in for in-toto-attestation's Statement: holds the statement as a dict (rendered by the runner)."""
class Pb(dict):
    pass

class ResourceDescriptor:
    def __init__(self, name=None, digest=None, **_):
        self.pb = Pb(name=name, digest=digest)

class Statement:
    def __init__(self, subjects, predicate_type, predicate):
        self.pb = Pb(_type="https://in-toto.io/Statement/v1", subject=list(subjects),
                     predicateType=predicate_type, predicate=predicate)
PY
cat > "$s/blake3.py" <<'PY'
"""Import-only stand-in: BLAKE3 hashing is not used in this run."""
class blake3:
    AUTO = -1
    def __init__(self, *a, **k):
        raise RuntimeError("blake3 is not available in this interop run")
PY
cat > "$s/sigstore/__init__.py" <<'PY'
"""Import-only stand-in for sigstore-python: keyless Sigstore signing is not used in this run."""
class _Unavailable:
    def __getattr__(self, name):
        return _Unavailable()
    def __call__(self, *a, **k):
        raise RuntimeError("Sigstore keyless signing is not available in this interop run")
def __getattr__(name):
    return _Unavailable()
PY
cat > "$s/run_model_signing.py" <<'PY'
"""Runs model_signing's own CLI after the compat shims for Debian 12's cryptography 38 and the JSON rendering."""
import datetime, json, re, sys
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from google.protobuf import json_format
from in_toto_attestation.v1 import statement
from cryptography.hazmat.primitives.asymmetric import types as _types

if not hasattr(_types, "PublicKeyTypes"):  # cryptography >= 40 renamed the type aliases
    _types.PublicKeyTypes = _types.PUBLIC_KEY_TYPES
    _types.PrivateKeyTypes = _types.PRIVATE_KEY_TYPES

if not hasattr(x509, "load_pem_x509_certificates"):  # cryptography >= 39
    def load_pem_x509_certificates(data):
        blocks = re.findall(rb"-----BEGIN CERTIFICATE-----.+?-----END CERTIFICATE-----", data, re.S)
        if not blocks:
            raise ValueError("no certificate found")
        return [x509.load_pem_x509_certificate(b) for b in blocks]
    x509.load_pem_x509_certificates = load_pem_x509_certificates

if not hasattr(x509.load_der_x509_certificate(
        x509.load_pem_x509_certificates(open(sys.argv.pop(1), "rb").read())[0].public_bytes(
            serialization.Encoding.DER)), "not_valid_before_utc"):  # cryptography >= 42
    class _Cert:
        def __init__(self, c):
            self._c = c
        def __getattr__(self, n):
            return getattr(self._c, n)
        @property
        def not_valid_before_utc(self):
            return self._c.not_valid_before.replace(tzinfo=datetime.timezone.utc)
        @property
        def not_valid_after_utc(self):
            return self._c.not_valid_after.replace(tzinfo=datetime.timezone.utc)
    x509.Certificate.register(_Cert)
    _der, _pem, _pems = x509.load_der_x509_certificate, x509.load_pem_x509_certificate, x509.load_pem_x509_certificates
    x509.load_der_x509_certificate = lambda d, *a: _Cert(_der(d, *a))
    x509.load_pem_x509_certificate = lambda d, *a: _Cert(_pem(d, *a))
    x509.load_pem_x509_certificates = lambda d: [_Cert(c) for c in _pems(d)]

def _spki(k):
    return k.public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
from cryptography.hazmat.primitives.asymmetric import ec
for cls in {type(ec.generate_private_key(ec.SECP256R1()).public_key())}:
    if cls.__eq__ is object.__eq__:  # key equality arrived in a later cryptography
        cls.__eq__ = lambda a, b: _spki(a) == _spki(b)
        cls.__hash__ = lambda a: hash(_spki(a))

_to_json = json_format.MessageToJson
def _message_to_json(m, *a, **k):
    if isinstance(m, statement.Pb):
        return json.dumps(m, indent=2)
    return _to_json(m, *a, **k)
json_format.MessageToJson = _message_to_json

from model_signing._cli import main
sys.argv[0] = "model_signing"
main()
PY
ms() { (cd "$work" && "$py" -s "$s/run_model_signing.py" "$pki/ca-cert.pem" "$@"); }

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

# Sourced by scripts/interop-model-signing.sh and bench/sign-verify.sh: sets up the reference model_signing tool
# (sigstore/model-transparency) to run from its own, unmodified source, and defines `ms ARGS...`, which runs
# `python3 -m model_signing ARGS...`.
#
# Needs: $src (a checkout of github.com/sigstore/model-transparency, or its git directory), $work (a scratch
# directory), $pki (a directory with the reference's test ca-cert.pem). Sets $rev (the reference's commit) and $py.
#
# The reference runs on Debian's python3 with Debian's python3-cryptography, -openssl, -click, -typing-extensions,
# -certifi and -protobuf. Four of its dependencies are not packaged by Debian and PyPI is out of reach here, so small
# stand-ins are written for them (never the reference's code):
#   - sigstore_models: the bundle/envelope data classes — a JSON <-> attribute mapping that base64-decodes the
#     protobuf `bytes` fields (rawBytes, payload, sig) as the real pydantic models do;
#   - in_toto_attestation: the Statement holder, rendered as indented JSON in place of protobuf's MessageToJson;
#   - blake3, sigstore (sigstore-python): import-only stubs; BLAKE3 hashing and keyless Sigstore signing are unused.
# Debian 12's cryptography is 38.0, older than model_signing expects: small compat shims add what later versions
# have (types.PublicKeyTypes, x509.load_pem_x509_certificates, Certificate.not_valid_before_utc, public-key equality).
# All signature checks (PAE, ECDSA, certificate chain with pyOpenSSL, manifest comparison) are the reference's.

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

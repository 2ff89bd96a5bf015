#!/usr/bin/env python3
"""Sets up a fresh Warden server for the server benchmarks, over its HTTPS API, with nothing but the standard library.

From the one-time bootstrap credential it makes: the first admin `root`, enrolled in TOTP (the codes are computed
here, RFC 6238: SHA-1, 6 digits, 30 s steps), which then creates a data steward `stew`; the steward signs in and
creates the datasets named on the command line (a creator is granted the dataset, so `stew` holds a grant on each).
Prints shell assignments for the caller to `eval`: URL, ADMIN_TOKEN (an admin session, for audit checkpoints) and
STEW_TOKEN (the steward's session: metadata reads and uploads).

The server's certificate is checked against the PEM file it wrote (DATA/tls/cert.pem): no verification is turned off.

Usage: warden_setup.py URL CERT_PEM BOOTSTRAP_CREDENTIAL [DATASET ...]
"""
import base64
import hashlib
import hmac
import json
import ssl
import struct
import sys
import time
import urllib.error
import urllib.request

ADMIN_PASSWORD = "bench admin passphrase, not a secret"
STEW_PASSWORD = "bench steward passphrase, not a secret"


def totp(secret_base32, at=None):
    """The RFC 6238 code of a base32 secret (SHA-1, 6 digits, 30 s steps), as the server's Totp.DEFAULT."""
    key = base64.b32decode(secret_base32 + "=" * (-len(secret_base32) % 8), casefold=True)
    step = int((time.time() if at is None else at) // 30)
    mac = hmac.new(key, struct.pack(">Q", step), hashlib.sha1).digest()
    offset = mac[-1] & 0x0F
    return "%06d" % ((struct.unpack(">I", mac[offset:offset + 4])[0] & 0x7FFFFFFF) % 1_000_000)


class Api:
    def __init__(self, url, cert):
        self.url = url.rstrip("/")
        self.tls = ssl.create_default_context(cafile=cert)

    def call(self, method, path, body=None, token=None, expect=(200, 201)):
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(self.url + path, data=data, method=method)
        if data is not None:
            req.add_header("Content-Type", "application/json")
        if token:
            req.add_header("Authorization", "Bearer " + token)
        try:
            with urllib.request.urlopen(req, context=self.tls, timeout=30) as r:
                status, payload = r.status, r.read()
        except urllib.error.HTTPError as e:
            status, payload = e.code, e.read()
        if status not in expect:
            sys.exit(f"warden_setup: {method} {path} answered {status}: {payload[:300].decode(errors='replace')}")
        ctype_json = payload[:1] in (b"{", b"[")
        return json.loads(payload) if ctype_json else payload.decode()


def main(argv):
    if len(argv) < 4:
        sys.exit(__doc__)
    url, cert, bootstrap, datasets = argv[1], argv[2], argv[3], argv[4:]
    api = Api(url, cert)
    api.call("POST", "/api/v1/bootstrap", {"credential": bootstrap, "user": "root", "password": ADMIN_PASSWORD})
    admin = api.call("POST", "/api/v1/session", {"user": "root", "password": ADMIN_PASSWORD})["token"]
    # Creating users is sensitive: it needs a second factor given in the last few minutes. Confirming the enrollment
    # counts as one for this session.
    secret = api.call("POST", "/api/v1/mfa/enroll", token=admin)["secret"]
    api.call("POST", "/api/v1/mfa/confirm", {"code": totp(secret)}, token=admin)
    api.call("POST", "/api/v1/users", {"name": "stew", "role": "data-steward", "password": STEW_PASSWORD},
             token=admin)
    stew = api.call("POST", "/api/v1/session", {"user": "stew", "password": STEW_PASSWORD})["token"]
    for name in datasets:
        api.call("POST", "/api/v1/datasets", {"name": name, "description": "benchmark"}, token=stew)
    print(f"URL='{url}'")
    print(f"ADMIN_TOKEN='{admin}'")
    print(f"STEW_TOKEN='{stew}'")


if __name__ == "__main__":
    main(sys.argv)

#!/usr/bin/env python3
"""Checks a Warden server after it was killed with SIGKILL and restarted (bench/server-crash.sh), on one dataset:

1. every upload a client saw acknowledged (201) is listed with the SHA-256 and size the client sent, and the
   server's answer named that same SHA-256;
2. every version the catalog lists has its sealed blob (BLOB.sealed, never a temporary name) and downloads whole,
   with the catalog's SHA-256 - the acknowledged ones and any the server committed but could not answer before it died;
3. every acknowledged upload has its audit entry (PUT, status 201, that version) in the audit log: the log is
   appended before the answer, so an acknowledged request cannot be missing from it. Versions the server committed
   but never answered (killed in between) have no outcome entry, but each must be covered by an "attempted" entry:
   a request that changes state is audited as an attempt before it runs, so a kill after the catalog's commit and
   before the outcome's append leaves an attempt without an outcome. Fewer such attempts than committed, unaudited
   versions would mean a change that no audit record covers: a failure.

Also checks that no hidden *.tmp file of an unfinished write is left in the blob directory (the restarted server
deletes them), and counts sealed blobs whose upload was never recorded (killed between sealing and the catalog's
commit): nothing refers to them and nothing serves them.

Reads the catalog database read-only (Python's sqlite3; the server keeps running) and the audit log's entries file
(format in docs/audit-log.md: 8-byte magic, then per entry a 4-byte big-endian length, the entry, a 4-byte CRC-32C).
Versions above --checked-up-to were downloaded by an earlier round and are only listed again, not downloaded.
Prints one line; on failure the problems, and exits 1.

Usage: server_crash_check.py URL CERT TOKEN DATASET DATA_DIR CHECKED_UP_TO ACKED_FILE...
  ACKED_FILE lines: CLIENT_SHA256 <space> the server's JSON answer
"""
import hashlib
import http.client
import json
import os
import sqlite3
import ssl
import struct
import sys
import urllib.parse


def main(argv):
    if len(argv) < 7:
        sys.exit(__doc__)
    url, cert, token, dataset, data, checked_up_to = argv[1:7]
    checked_up_to = int(checked_up_to)
    problems = []

    acked = {}
    for path in argv[7:]:
        if not os.path.exists(path):
            continue
        for line in open(path):
            sent_sha, answer = line.rstrip("\n").split(" ", 1)
            a = json.loads(answer)
            if a["sha256"] != sent_sha:
                problems.append(f"version {a['version']}: the server acknowledged sha256 {a['sha256']}, the client "
                                f"sent {sent_sha}")
            if a["version"] in acked:
                problems.append(f"version {a['version']} was acknowledged twice")
            acked[a["version"]] = a

    u = urllib.parse.urlsplit(url)
    tls = ssl.create_default_context(cafile=cert)
    conn = http.client.HTTPSConnection(u.hostname, u.port, context=tls, timeout=30)
    auth = {"Authorization": "Bearer " + token}

    def get(path):
        conn.request("GET", path, headers=auth)
        r = conn.getresponse()
        return r.status, r.read()

    status, body = get(f"/api/v1/datasets/{dataset}")
    if status != 200:
        sys.exit(f"FAILED: GET the dataset answered {status}: {body[:200]!r}")
    listed = {v["version"]: v for v in json.loads(body)["versions"]}

    # 1. acknowledged uploads are listed, with what was sent
    for v, a in sorted(acked.items()):
        got = listed.get(v)
        if got is None:
            problems.append(f"acknowledged version {v} is not listed")
        elif got["sha256"] != a["sha256"] or got["size"] != a["size"]:
            problems.append(f"version {v} is listed with sha256 {got['sha256']} size {got['size']}, acknowledged with "
                            f"{a['sha256']} size {a['size']}")

    # 2. every catalog version has its blob and downloads whole
    db = sqlite3.connect(f"file:{os.path.join(data, 'warden.db')}?mode=ro", uri=True)
    rows = db.execute("SELECT version, blob, sha256, size FROM versions WHERE dataset = ?", (dataset,)).fetchall()
    db.close()
    blobs_dir = os.path.join(data, "blobs", dataset)
    referenced = set()
    downloaded = 0
    for version, blob, sha, size in rows:
        referenced.add(blob + ".sealed")
        path = os.path.join(blobs_dir, blob + ".sealed")
        if not os.path.isfile(path):
            problems.append(f"version {version} has no blob file ({blob}.sealed)")
            continue
        if version in listed and listed[version]["sha256"] != sha:
            problems.append(f"version {version}: the API and the database disagree on its sha256")
        if version <= checked_up_to and version not in acked:
            continue
        status, content = get(f"/api/v1/datasets/{dataset}/versions/{version}/content")
        downloaded += 1
        if status != 200:
            problems.append(f"version {version}: download answered {status}: {content[:200]!r}")
        elif hashlib.sha256(content).hexdigest() != sha or len(content) != size:
            problems.append(f"version {version}: downloaded {len(content)} bytes with sha256 "
                            f"{hashlib.sha256(content).hexdigest()}, the catalog says {size} bytes, {sha}")
    if len(rows) != len(listed):
        problems.append(f"the database has {len(rows)} versions, the API lists {len(listed)}")
    files = os.listdir(blobs_dir) if os.path.isdir(blobs_dir) else []
    temps = [f for f in files if f.endswith(".tmp")]
    unrecorded = [f for f in files if f.endswith(".sealed") and not f.startswith(".") and f not in referenced]
    odd = [f for f in files if not f.endswith(".tmp") and not f.endswith(".sealed")]
    if odd:
        problems.append(f"unexpected files in {blobs_dir}: {odd[:5]}")
    if temps:
        # the server deletes them when it starts (BlobStore.removeUnfinished), and this runs after a restart
        problems.append(f"{len(temps)} temporary files of unfinished uploads are still in {blobs_dir}: {temps[:3]}")

    # 3. every acknowledged upload is in the audit log
    audited = set()
    with open(os.path.join(data, "audit", "log", "entries"), "rb") as f:
        raw = f.read()
    pos, entries = 8, 0
    attempts, outcomes = set(), set()
    while pos + 4 <= len(raw):
        (n,) = struct.unpack(">I", raw[pos:pos + 4])
        if pos + 8 + n > len(raw):
            break  # the record being written now
        e = json.loads(raw[pos + 4:pos + 4 + n])
        entries += 1
        if e.get("method") == "PUT" and e.get("route") == "/api/v1/datasets/{dataset}/versions":
            (attempts if e.get("outcome") == "attempted" else outcomes).add(e.get("request_id"))
        if (e.get("method") == "PUT" and e.get("dataset") == dataset and e.get("status") == 201
                and e.get("route") == "/api/v1/datasets/{dataset}/versions"):
            audited.add((e["details"]["version"], e["details"]["sha256"]))
        pos += 8 + n
    for v, a in sorted(acked.items()):
        if (v, a["sha256"]) not in audited:
            problems.append(f"acknowledged version {v} has no audit entry")

    # killed after the catalog's commit, before the audit append or the answer: the client was told nothing (it must
    # retry), but the version exists, and without an audit entry when the append had not happened
    unanswered = [(v, sha) for v, _, sha, _ in rows if v > checked_up_to and v not in acked]
    unaudited = len([1 for key in unanswered if key not in audited])
    open_attempts = len(attempts - outcomes)
    if unaudited > open_attempts:
        problems.append(f"{unaudited} committed versions have no audit entry but only {open_attempts} upload attempts "
                        f"lack an outcome: a change no audit record covers")
    print(f"acknowledged {len(acked)}, catalog {len(rows)} versions ({len(unanswered)} new ones committed but not "
          f"acknowledged, {unaudited} of them without an outcome entry, covered by {open_attempts} attempts without one), downloaded {downloaded}, audit entries {entries}, no temporary file left, "
          f"{len(unrecorded)} sealed blobs never recorded (never served)\tCHECKED_UP_TO={max(listed, default=0)}")
    if problems:
        print("FAILED:\n  " + "\n  ".join(problems[:50]), file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main(sys.argv)

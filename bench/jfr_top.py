#!/usr/bin/env python3
"""Where a JFR recording's CPU samples go: the top methods by self samples and by inclusive samples, and the share of
samples whose stack passes through each of a few named parts of the server (the first part in PARTS that any frame of
the stack matches takes the sample, so every sample is counted once). For profiles without async-profiler.

Usage: jfr_top.py RECORDING.jfr [TOP=25]
Reads `jfr print --events jdk.ExecutionSample,jdk.NativeMethodSample` (the JDK's jfr tool from $JAVA_HOME/bin).
"""
import collections
import os
import re
import subprocess
import sys

# Parts of a request: a sample goes to the first part in this list that any frame of its stack matches, so the
# order goes from specific to general (a TLS frame under a handler's frames counts as the handler's).
PARTS = [
    ("audit: Merkle log writer (hash, write, fsync)", r"io\.warden\.crypto\.tlog\.MerkleLog\.(run|commit)"),
    ("audit: encode event + append", r"io\.warden\.server\.audit\.|io\.warden\.crypto\.tlog\."),
    ("catalog/identity database (SQLite JDBC, Hikari)", r"org\.sqlite\.|com\.zaxxer\.hikari\."),
    ("sealing an upload (Tink, AES-GCM, blob file)", r"io\.warden\.crypto\.seal\.|io\.warden\.server\.catalog\.BlobStore"),
    ("JSON (Jackson)", r"com\.fasterxml\.jackson\."),
    ("metrics (Prometheus)", r"io\.prometheus\."),
    ("token parse + hash, identity", r"io\.warden\.server\.identity\.|io\.warden\.server\.users\."),
    ("other Warden request code", r"io\.warden\.server\."),
    ("Javalin", r"io\.javalin\."),
    ("TLS (JDK SSLEngine, AES-GCM)", r"sun\.security\.ssl\.|com\.sun\.crypto\.provider\.|org\.eclipse\.jetty\.io\.ssl\."),
    ("Jetty HTTP, selector, I/O", r"org\.eclipse\.jetty\.|sun\.nio\.ch\."),
    ("GC / JIT / JFR threads", r"^$"),
]


def samples(path, event):
    jfr = os.path.join(os.environ.get("JAVA_HOME", "/usr"), "bin", "jfr")
    out = subprocess.run([jfr, "print", "--events", event, "--stack-depth", "256", path], capture_output=True,
                         text=True, check=True).stdout
    for block in out.split("\n}\n"):
        m = re.search(r"stackTrace = \[\n(.*?)\n\s*\]", block, re.S)
        state = re.search(r"state = \"?([A-Z_]+)", block)
        if not m:
            continue
        frames = [re.sub(r"\s+line:.*$", "", f.strip()) for f in m.group(1).split("\n") if f.strip() and
                  f.strip() != "..."]
        yield frames, state.group(1) if state else ""


def main():
    path = sys.argv[1]
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 25
    for event in ("jdk.ExecutionSample", "jdk.NativeMethodSample"):
        own, incl, parts = collections.Counter(), collections.Counter(), collections.Counter()
        n = 0
        for frames, state in samples(path, event):
            if event == "jdk.NativeMethodSample" and any(re.search(r"EPoll|epollWait|accept0|\.poll0?\(", f)
                                                        for f in frames[:3]):
                continue  # a thread waiting for events, not working
            n += 1
            own[frames[0]] += 1
            for f in set(frames):
                incl[f] += 1
            for name, pattern in PARTS:
                if any(re.search(pattern, f) for f in frames):
                    parts[name] += 1
                    break
            else:
                parts["other (JDK, threads)"] += 1
        if n == 0:
            continue
        print(f"== {event}: {n} samples" + (" (threads in native code, waits for events left out)"
                                            if event == "jdk.NativeMethodSample" else ""))
        print("-- by part of the request (first part in PARTS matched by any frame)")
        for name, c in parts.most_common():
            print(f"{100 * c / n:6.1f}%  {name}")
        print("-- top methods, self")
        for f, c in own.most_common(top):
            print(f"{100 * c / n:6.1f}%  {f}")
        print("-- top methods, inclusive (io.warden, org.sqlite, jackson, javalin only)")
        shown = 0
        for f, c in incl.most_common():
            if re.match(r"io\.warden|org\.sqlite|com\.fasterxml|io\.javalin\.http|com\.zaxxer", f):
                print(f"{100 * c / n:6.1f}%  {f}")
                shown += 1
                if shown >= top:
                    break
        print()


if __name__ == "__main__":
    main()

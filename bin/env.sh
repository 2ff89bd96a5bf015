# Sourced by ./warden, ./run-tests and bench scripts: finds a JDK >= 21 and Maven, exports JAVA_HOME.
# The default `java` on our machines is 17, so look beyond PATH: $JAVA_HOME, then every JDK under the
# system's JVM directories, and take the newest one that is at least 21.

warden_java_major() { # prints the feature version of the JDK at $1, or nothing
  local rel="$1/release"
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 0
  if [ -r "$rel" ]; then
    sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$rel"
  else
    "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p'
  fi
}

warden_find_jdk() {
  local best="" best_v=0 cand v
  local cands=()
  [ -n "${JAVA_HOME:-}" ] && cands+=("$JAVA_HOME")
  for cand in /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk*; do [ -d "$cand" ] && cands+=("$cand"); done
  if command -v javac >/dev/null 2>&1; then
    cands+=("$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")")
  fi
  for cand in "${cands[@]}"; do
    v=$(warden_java_major "$cand")
    [ -n "$v" ] || continue
    if [ "$v" -ge 21 ] && [ "$v" -gt "$best_v" ]; then best="$cand"; best_v="$v"; fi
  done
  [ -n "$best" ] || { echo "warden: no JDK >= 21 found (looked at \$JAVA_HOME and /usr/lib/jvm); install one, e.g. apt-get install openjdk-21-jdk-headless" >&2; return 1; }
  export JAVA_HOME="$best"
}

warden_find_mvn() {
  if ! command -v mvn >/dev/null 2>&1; then
    echo "warden: Maven not found; installing Debian's maven package" >&2
    if [ "$(id -u)" = 0 ]; then apt-get update -qq >&2 && apt-get install -y -qq maven >&2; fi
    command -v mvn >/dev/null 2>&1 || { echo "warden: Maven (mvn) is required: apt-get install maven" >&2; return 1; }
  fi
}

# Maven's own libraries call sun.misc.Unsafe; on JDK 24+ that prints warnings on every build.
export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"

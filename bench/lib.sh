# Shared by bench scripts: JDK, build, tools, deterministic inputs. Source from the project root.
set -euo pipefail
root="$(pwd)"
. "$root/bin/env.sh"
warden_find_jdk
warden_find_mvn
work="$root/bench/work"
mkdir -p "$work"

bench_build() {
  (cd "$root" && mvn -q -B -ntp -Dstyle.color=never -DskipTests -pl warden-cli,warden-bench -am install 2>&1 \
    | sed 's/\x1b\[[0-9;]*m//g')
}

bench_tool() { # bench_tool CMD DEBIAN_PACKAGE
  command -v "$1" >/dev/null 2>&1 && return 0
  echo "installing $2 (Debian)" >&2
  apt-get update -qq >&2 && apt-get install -y -qq "$2" >&2
}

bench_gen() { # bench_gen text|csv FILE SIZE — deterministic: same arguments, same bytes
  [ -s "$2" ] && return 0
  "$JAVA_HOME/bin/java" -cp "$root/warden-bench/target/warden-bench.jar:$root/warden-bench/target/lib/*" \
    io.warden.bench.CorpusGenerator "$1" "$2.tmp" "$3"
  mv "$2.tmp" "$2"
}

machine() {
  echo "$(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB RAM, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1), JDK $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
}

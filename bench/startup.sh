#!/bin/sh
# Start-up: spawn -> hello through the installed launcher (as Chromium starts it), vs a minimal
# Python host started the same way, alternating runs, medians. Installs once per JDK found
# (17: private runtime + static CDS archive; 25: AOT cache; both mapped at the install's own
# address), and checks with -Xlog:class+load that nothing heavy
# (Jackson, SQLite, JNA, dnsjava, picocli) loads before the hello is written.
. "$(dirname "$0")/lib/common.sh"
RUNS=${STARTUP_RUNS:-25}
need_jar
work=$(mktemp -d /tmp/sd-bench-startup.XXXXXX)
trap 'rm -rf "$work"' EXIT
machine
# The Python baseline behind a /bin/sh launcher, like ours (exec, so one process either way).
mkdir -p "$work/py"
cp "$BENCH_DIR/lib/echo-host.py" "$work/py/echo-host.py"
# The interpreter itself, not a version-manager shim (pyenv's is a bash script: +50 ms).
PY=${PYTHON:-/usr/bin/python3}
[ -x "$PY" ] || PY=$(command -v python3)
PY=$(readlink -f "$PY")
printf '#!/bin/sh\nexec %s %s "$@"\n' "$PY" "'$work/py/echo-host.py'" > "$work/py/echo-host"
chmod +x "$work/py/echo-host"
specs=""
# For comparison only: python3 as found on PATH when that is a version-manager shim (a script).
SHIM=$(command -v python3 || true)
if [ -n "$SHIM" ] && head -c 2 "$SHIM" 2>/dev/null | grep -q '#!'; then
  printf '#!/bin/sh\nexec %s %s "$@"\n' "$SHIM" "'$work/py/echo-host.py'" > "$work/py/echo-host-shim"
  chmod +x "$work/py/echo-host-shim"
  specs="python_path_shim=$work/py/echo-host-shim"
fi
for jdk in 17 25; do
  eval java=\$JDK$jdk
  [ -x "$java" ] || { echo "JDK $jdk not found at $java: skipped"; continue; }
  launcher=$(install_host "$work/jdk$jdk" "$java")
  grep -h "archive" "$work/jdk$jdk/install.log" | sed "s/^/jdk$jdk install: /"
  specs="$specs jdk$jdk=$launcher"
  # The JVM's own floor: a bare class that writes a hello, same GC/JIT flags, default CDS.
  mkdir -p "$work/bare$jdk"
  "$(dirname "$java")/javac" -d "$work/bare$jdk" "$BENCH_DIR/lib/JavaHello.java"
  printf '#!/bin/sh\nexec %s -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto -cp %s JavaHello "$@"\n' \
    "$java" "$work/bare$jdk" > "$work/bare$jdk/hello"
  chmod +x "$work/bare$jdk/hello"
  specs="$specs bare_java$jdk=$work/bare$jdk/hello"
  rt="$work/jdk$jdk/home/data/runtime/bin/java"
  if [ -x "$rt" ]; then
    # The floor on the private runtime the installer linked (JDK 17): the host's own cost above it.
    printf '#!/bin/sh\nexec %s -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto -cp %s JavaHello "$@"\n' \
      "$rt" "$work/bare$jdk" > "$work/bare$jdk/hello-linked"
    chmod +x "$work/bare$jdk/hello-linked"
    specs="$specs bare_java${jdk}_linked=$work/bare$jdk/hello-linked"
  fi
  if [ "$jdk" = 25 ]; then
    # The JVM's floor with the same help our launcher gets: the bare class with its own AOT cache
    # (the cache needs a jar on the class path, not a folder).
    "$(dirname "$java")/jar" cf "$work/bare25/hello.jar" -C "$work/bare25" JavaHello.class
    "$java" -XX:AOTCacheOutput="$work/bare25/hello.aot" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 \
      -cp "$work/bare25/hello.jar" JavaHello </dev/null >/dev/null 2>&1 || true
    if [ -s "$work/bare25/hello.aot" ]; then
      printf '#!/bin/sh\nexec %s -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:AOTCache=%s -cp %s JavaHello "$@"\n' \
        "$java" "$work/bare25/hello.aot" "$work/bare25/hello.jar" > "$work/bare25/hello-aot"
      chmod +x "$work/bare25/hello-aot"
      specs="$specs bare_java25_aot=$work/bare25/hello-aot"
    fi
  fi
done
# STARTUP_VARIANTS=1: references, never used by the last line: each JDK installed again with
# --relocate-archive (the JVM's default: the archive mapped at a new random address and patched at
# every start), to measure what mapping it at the install's own address saves (docs/benchmarks.md).
if [ "${STARTUP_VARIANTS:-0}" = 1 ]; then
  for jdk in 17 25; do
    eval java=\$JDK$jdk
    [ -x "$java" ] || continue
    specs="$specs jdk${jdk}_relocated=$(install_host "$work/jdk${jdk}r" "$java" --relocate-archive)"
  done
fi
out=$(STREAMDOCTOR_HOME=/nonexistent node "$BENCH_DIR/lib/startup-driver.mjs" "$RUNS" "$CALLER" python=$work/py/echo-host $specs)
echo "$out"
get() { echo "$out" | node -e 'const l=require("fs").readFileSync(0,"utf8").trim().split("\n").map(JSON.parse).find(x=>x.name===process.argv[1]); console.log(l?l.median_ms:"")' "$1"; }
py=$(get python)
# Nothing heavy before hello: hello is written right before platform.Logs loads (HostMain).
heavy=0
for jdk in 17 25; do
  [ -d "$work/jdk$jdk" ] || continue
  eval java=\$JDK$jdk
  STREAMDOCTOR_HOME="$work/jdk$jdk/home" "$java" -Xshare:auto -Xlog:class+load:file="$work/cl$jdk.txt" \
    -cp "$work/jdk$jdk/home/data/streamdoctor.jar" io.streamdoctor.Main "$CALLER" </dev/null >/dev/null 2>&1 || true
  before=$(awk '/io\.streamdoctor\.platform\.Logs /{exit} {print $2}' "$work/cl$jdk.txt" \
    | grep -cE '^(com\.fasterxml|org\.sqlite|com\.sun\.jna|org\.xbill|picocli|javax\.net\.ssl\.SSL|sun\.security\.ssl|java\.util\.logging\.LogManager)' || true)
  total=$(awk '/io\.streamdoctor\.platform\.Logs /{exit} {n++} END {print n+0}' "$work/cl$jdk.txt")
  echo "jdk$jdk: $total classes load before the hello, $before of them heavy (Jackson/SQLite/JNA/dnsjava/picocli/TLS/java.util.logging)"
  heavy=$((heavy + before))
done
for jdk in 25 17; do
  h=$(get jdk$jdk)
  b=$(get bare_java$jdk)
  [ -n "$h" ] && echo "jdk$jdk: host_ms=$h bare_java_ms=$b python_echo_ms=$py ratio=$(awk -v a="$h" -v b="$py" 'BEGIN{printf "%.2f", a/b}') bare_java_ratio=$(awk -v a="$b" -v b="$py" 'BEGIN{printf "%.2f", a/b}')"
done
a=$(get bare_java17_linked)
[ -n "$a" ] && echo "jdk17: bare_java_linked_ms=$a bare_java_linked_ratio=$(awk -v a="$a" -v b="$py" 'BEGIN{printf "%.2f", a/b}') (the JVM's floor on the linked runtime)"
a=$(get bare_java25_aot)
[ -n "$a" ] && echo "jdk25: bare_java_aot_ms=$a bare_java_aot_ratio=$(awk -v a="$a" -v b="$py" 'BEGIN{printf "%.2f", a/b}') (the JVM's floor with an AOT cache)"

for v in jdk17_relocated jdk25_relocated; do
  a=$(get $v)
  [ -n "$a" ] && echo "$v: host_ms=$a ratio=$(awk -v a="$a" -v b="$py" 'BEGIN{printf "%.2f", a/b}') (a reference, not installed)"
done
s=$(get python_path_shim)
[ -n "$s" ] && echo "python3 on PATH is a shim ($SHIM): python_shim_ms=$s; jdk17 ratio against it=$(awk -v a="$(get jdk17)" -v b="$s" 'BEGIN{printf "%.2f", a/b}')"
# Start-up finished, not only the hello: spawn -> pong to client.hello + two events + ping written
# at spawn (informational; a trick that moved work past the hello would show here).
rspecs=""
for jdk in 17 25; do
  [ -f "$work/jdk$jdk/install.log" ] && rspecs="$rspecs jdk$jdk=$(sed -n 's/^host: //p' "$work/jdk$jdk/install.log")"
done
[ -n "$rspecs" ] && STREAMDOCTOR_HOME=/nonexistent node "$BENCH_DIR/lib/ready-driver.mjs" "$RUNS" "$CALLER" $rspecs
h=$(get jdk17); [ -n "$h" ] || h=$(get jdk25)
[ "$heavy" -eq 0 ] || echo "WARNING: heavy classes before hello: $heavy"
echo "startup host_ms=$h python_echo_ms=$py ratio=$(awk -v a="$h" -v b="$py" 'BEGIN{printf "%.2f", a/b}')"

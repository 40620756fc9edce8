#!/bin/sh
# Fuzzing the native-messaging input. In-process (jqwik, io.streamdoctor.fuzz.NativeInputFuzzTest)
# against the real router, codec, pipeline and engine: FUZZ_TRIES per property, three properties
# (default 340,000 each: > 1,000,000 inputs). Then a smaller run against the real jar over pipes
# (bench/lib/pipe-fuzz.mjs). Baseline in the same run: the documented examples of docs/protocol.md
# unmutated are among the inputs, and the in-process rate is reported next to the pipe rate.
. "$(dirname "$0")/lib/common.sh"
TRIES=${FUZZ_TRIES:-340000}
PROCS=${FUZZ_PROCS:-40}
PER=${FUZZ_PER_PROC:-250}
need_jar
machine
work=$(mktemp -d /tmp/sd-bench-fuzz.XXXXXX)
trap 'rm -rf "$work"' EXIT
sandbox "$work/s"
rm -f "$ROOT/host/target/fuzz-stats.txt"
t0=$(date +%s)
(cd "$ROOT" && mvn -B -q -o -pl host test -Dtest=NativeInputFuzzTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Djqwik.tries.default="$TRIES") > "$work/mvn.log" 2>&1 || { tail -60 "$work/mvn.log"; echo "in-process fuzz FAILED (see above)"; }
t1=$(date +%s)
inproc=$(tail -1 "$ROOT/host/target/fuzz-stats.txt" 2>/dev/null || echo "fuzz inputs=0 crashes=1 hangs=0 stdout_violations=0")
echo "in-process ($((t1 - t0)) s incl. build): $inproc"
pipe=$(STREAMDOCTOR_HOME="$work/s/home" node "$BENCH_DIR/lib/pipe-fuzz.mjs" "$PROCS" "$PER" 42 -- \
  "$JDK17" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -jar "$JAR" "$CALLER")
t2=$(date +%s)
echo "real jar over pipes ($((t2 - t1)) s): $pipe"
num() { echo "$1" | sed -n "s/.*$2[=\":]*\([0-9][0-9]*\).*/\1/p"; }
pi=$(echo "$pipe" | node -e 'const r=JSON.parse(require("fs").readFileSync(0,"utf8")); console.log(`${r.inputs} ${r.crashes} ${r.hangs} ${r.stdout_violations}`)')
set -- $pi
echo "fuzz inputs=$(($(num "$inproc" inputs) + $1)) crashes=$(($(num "$inproc" crashes) + $2)) hangs=$(($(num "$inproc" hangs) + $3)) stdout_violations=$(($(num "$inproc" stdout_violations) + $4))"

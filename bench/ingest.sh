#!/bin/sh
# Sustained ingest: 1,000,000 realistic events through the installed launcher (framing, parsing,
# binding, timeline, break detector, acks), vs the same driver against a trivial acking host
# (bench/lib/AckHost.java) in the same run. Alternating runs, medians. See bench/README.md.
. "$(dirname "$0")/lib/common.sh"
N=${INGEST_EVENTS:-1000000}
RUNS=${INGEST_RUNS:-3}
JAVA=${INGEST_JAVA:-$JDK17}
need_jar
work=$(mktemp -d /tmp/sd-bench-ingest.XXXXXX)
trap 'rm -rf "$work"' EXIT
launcher=$(install_host "$work/a" "$JAVA")
mkdir -p "$work/cls"
"$(dirname "$JAVA")/javac" -d "$work/cls" "$BENCH_DIR/lib/AckHost.java"
machine
echo "launcher: $launcher ($(grep -o "exec.*" "$launcher" | cut -c1-200))"
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
: > "$work/host.txt"; : > "$work/base.txt"
i=0
while [ $i -lt "$RUNS" ]; do
  i=$((i + 1))
  b=$(node "$BENCH_DIR/lib/ingest-driver.mjs" "$N" -- "$JAVA" -Xmx32m -XX:+UseSerialGC -cp "$work/cls" AckHost)
  h=$(STREAMDOCTOR_HOME="$work/a/home" node "$BENCH_DIR/lib/ingest-driver.mjs" "$N" -- "$launcher" "$CALLER")
  echo "run $i baseline $b"
  echo "run $i host     $h"
  echo "$b" >> "$work/base.txt"; echo "$h" >> "$work/host.txt"
done
field() { node -e 'for (const l of require("fs").readFileSync(process.argv[1],"utf8").trim().split("\n")) console.log(JSON.parse(l)[process.argv[2]])' "$1" "$2"; }
errs=$(field "$work/host.txt" errors | awk '{s+=$1} END {print s}')
host_eps=$(field "$work/host.txt" events_per_s | median)
base_eps=$(field "$work/base.txt" events_per_s | median)
rss=$(field "$work/host.txt" rss_mib | median)
base_rss=$(field "$work/base.txt" rss_mib | median)
echo "baseline (trivial acking JVM) events_per_s=$base_eps rss_mib=$base_rss"
echo "host/baseline throughput ratio=$(awk -v a="$host_eps" -v b="$base_eps" 'BEGIN{printf "%.2f", a/b}') error_frames=$errs"
echo "ingest events_per_s=$host_eps rss_mib=$rss"

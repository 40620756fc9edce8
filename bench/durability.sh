#!/bin/sh
# Durability: two drivers (each acting as an extension with its own resend buffer) drive two
# hosts at once into one history file, killing their host with SIGKILL at random points (and
# closing it cleanly now and then) and restarting it while they keep producing events. Afterwards
# every break whose triggering event was acked must be in history, and the database must pass
# PRAGMA integrity_check. The count of acked breaks (the denominator) is printed so that
# "lost_acked=0" cannot be vacuous; docs/benchmarks.md has the same script run against the host
# before acks waited for history (STREAMDOCTOR_JAR=<old jar> bench/durability.sh).
. "$(dirname "$0")/lib/common.sh"
KILLS=${DURABILITY_KILLS:-110} # per driver; two drivers
need_jar
work=$(mktemp -d /tmp/sd-bench-durability.XXXXXX)
[ -n "${DURABILITY_KEEP:-}" ] && echo "keeping $work" || trap 'rm -rf "$work"' EXIT
machine
launcher=$(install_host "$work/a" "$JDK17")
export STREAMDOCTOR_HOME="$work/a/home"
node "$BENCH_DIR/lib/durability-driver.mjs" "$launcher" "$CALLER" A "$KILLS" 7 > "$work/a.json" &
pa=$!
node "$BENCH_DIR/lib/durability-driver.mjs" "$launcher" "$CALLER" B "$KILLS" 11 > "$work/b.json" &
pb=$!
wait $pa; wait $pb
cat "$work/a.json" "$work/b.json" | cut -c1-160
db="$work/a/home/data/history.db"
"$JDK17" -cp "$JAR" "$BENCH_DIR/lib/HistoryCheck.java" "$db" > "$work/history.txt" 2>"$work/check.err" || cat "$work/check.err" >&2
integrity=$(head -1 "$work/history.txt")
echo "history: $integrity, $(($(wc -l < "$work/history.txt") - 1)) breaks saved"
result=$(node -e '
const fs = require("fs");
const saved = new Set(fs.readFileSync(process.argv[1], "utf8").split("\n").slice(1));
let kills = 0, acked = 0, lost = 0, left = 0;
for (const f of process.argv.slice(2)) {
  const r = JSON.parse(fs.readFileSync(f, "utf8"));
  kills += r.kills; left += r.unacked_left;
  for (const s of r.acked_break_streams) { acked++; if (!saved.has(s)) { lost++; console.error("lost: " + s); } }
}
console.log(`${kills} ${acked} ${lost} ${left}`);' "$work/history.txt" "$work/a.json" "$work/b.json")
set -- $result
[ "$integrity" = "integrity=ok" ] && bad=0 || bad=1
echo "acked_breaks=$2 unacked_left_at_end=$4"
echo "durability kills=$1 lost_acked=$3 integrity_failures=$bad"

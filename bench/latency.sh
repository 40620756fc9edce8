#!/bin/sh
# Break → verdict latency in the lab (real Chromium + extension + host): evidence-only verdict and
# probe-backed verdict with every resolver dead. Needs e2e/node_modules (cd e2e && npm ci).
# The baseline in the same run is the settle wait itself: the host waits 250 ms (Pipeline.SETTLE_MS)
# after a break for the browser's error to land, so no first verdict can come sooner.
. "$(dirname "$0")/lib/common.sh"
RUNS=${LATENCY_RUNS:-21}
need_jar
[ -d "$ROOT/e2e/node_modules/playwright-core" ] || (cd "$ROOT/e2e" && npm ci --no-audit --no-fund >&2)
machine
out=$(STREAMDOCTOR_JAR="$JAR" node "$BENCH_DIR/lib/latency.mjs" "$RUNS")
echo "$out"
set -- $(echo "$out" | node -e 'const r=JSON.parse(require("fs").readFileSync(0,"utf8")); console.log(`${r.first_p95_ms} ${r.probed_p95_ms ?? "pending"} ${r.probed_missing}`)')
echo "settle wait (floor for the first verdict): 250 ms; runs without a probed verdict within 15 s: $3"
echo "latency first_verdict_p95_ms=$1 probed_verdict_p95_ms=$2"

#!/bin/sh
# Hook overhead in headless Chromium: the same page streams as fast as it can over WebSocket and
# SSE in a browser with the extension and in one without; alternating runs, medians, ratio.
# Needs e2e/node_modules (cd e2e && npm ci).
. "$(dirname "$0")/lib/common.sh"
ROUNDS=${OVERHEAD_ROUNDS:-9}
N=${OVERHEAD_MESSAGES:-30000}
need_jar
[ -d "$ROOT/e2e/node_modules/playwright-core" ] || (cd "$ROOT/e2e" && npm ci --no-audit --no-fund >&2)
machine
out=$(STREAMDOCTOR_JAR="$JAR" node "$BENCH_DIR/lib/overhead.mjs" "$ROUNDS" "$N")
echo "$out"
echo "$out" | node -e 'const r=JSON.parse(require("fs").readFileSync(0,"utf8")); console.log(`overhead ws_ratio=${r.ws_ratio} sse_ratio=${r.sse_ratio}`)'

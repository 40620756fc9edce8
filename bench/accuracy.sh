#!/bin/sh
# Accuracy benchmark: the whole fault matrix in real Chromium, N times.
#   bench/accuracy.sh [--runs N] [--only plain,blocker,dns,netns,netns_dns,netns_hijack,netns_proxy] | --render-only
# Writes bench/results/accuracy.md (+ .json) — with --only: accuracy-only-ENV+ENV.md (+ .json), so a
# subset never replaces the full matrix's results; the last line printed is the summary:
#   accuracy top1=… top3=… baseline_top1=… false_breaks=k/clean cases=n
# Needs: the host jar (built here when missing), chromium, node 20; root for the netns cases.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
JAR=${STREAMDOCTOR_JAR:-$ROOT/host/target/streamdoctor.jar}
if [ ! -f "$JAR" ]; then
  (cd "$ROOT" && mvn -B -q -pl host -am package -DskipTests) >&2
fi
if [ ! -d "$ROOT/e2e/node_modules/playwright-core" ]; then
  (cd "$ROOT/e2e" && npm ci --no-audit --no-fund --prefer-offline) >&2
fi
export STREAMDOCTOR_JAR="$JAR" STREAMDOCTOR_LOOPBACK_ONLY=1
exec node "$ROOT/bench/accuracy.mjs" "$@"

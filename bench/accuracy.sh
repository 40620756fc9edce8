#!/bin/sh
# Accuracy benchmark: the whole fault matrix in real Chromium, N times.
#   bench/accuracy.sh [--runs N] [--only plain,blocker,dns,netns,netns_dns,netns_hijack,netns_proxy] [--sealed N]
#   bench/accuracy.sh --sealed-only [--sealed N] | --render-only
# Writes bench/results/accuracy.md (+ .json) — with --only: accuracy-only-ENV+ENV.md (+ .json), so a
# subset never replaces the full matrix's results — then runs the generated set (bench/sealed,
# N tune + N sealed seeds, default 400) into bench/results/sealed.md (+ .json). Last line:
#   accuracy top1=… top3=… sealed_top1=… sealed_top3=… brier=… baseline_top1=… sealed_baseline_top1=… tune_top1=… false_breaks=k/n cases=n
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
